import Foundation

/// A grievance ticket (工单) and where it stands in the loop.
public struct Ticket: Sendable, Equatable {
    public var id: String
    public var status: TicketStatus
    /// `block` `community` `subdistrict` `district`.
    public var level: String
    public var grade: String
    public var category: String
    public var urgent: Bool
    public var description: String
    public var community: String?
    public var blockCode: String?
    public var gridCode: String?
    public var buildingGridCode: String?
    public var estate: String?
    public var building: String?
    public var reporterName: String?
    public var reporterPhone: String?
    public var assignee: String?
    public var assigneePhone: String?
    public var channel: String
    public var createdAt: Date
    public var dueAt: Date
    public var updatedAt: Date
    public var version: Int

    init(row: SQLRow) {
        id = row.string("id")
        status = TicketStatus(rawValue: row.string("status")) ?? .reported
        level = row.string("level")
        grade = row.string("grade")
        category = row.string("category")
        urgent = row.int("urgent") == 1
        description = row.string("description")
        community = row.optionalString("community")
        blockCode = row.optionalString("block_code")
        gridCode = row.optionalString("grid_code")
        buildingGridCode = row.optionalString("building_grid_code")
        estate = row.optionalString("estate")
        building = row.optionalString("building")
        reporterName = row.optionalString("reporter_name")
        reporterPhone = row.optionalString("reporter_phone")
        assignee = row.optionalString("assignee")
        assigneePhone = row.optionalString("assignee_phone")
        channel = row.string("channel")
        createdAt = Date(timeIntervalSince1970: TimeInterval(row.int("created_at")))
        dueAt = Date(timeIntervalSince1970: TimeInterval(row.int("due_at")))
        updatedAt = Date(timeIntervalSince1970: TimeInterval(row.int("updated_at")))
        version = row.int("version")
    }

    public func isOverdue(at now: Date) -> Bool { status.isOpen && status != .resolved && status != .confirmed && dueAt < now }
}

/// One step in a ticket's history.
public struct TicketEvent: Sendable, Equatable {
    public var seq: Int
    public var at: Date
    public var action: String
    public var fromStatus: String?
    public var toStatus: String
    public var note: String?
    public var actor: String?
}

/// What the hotline knows when it files a ticket.
public struct GrievanceIntake: Sendable {
    public var description: String
    public var placement: GridPlacement?
    public var community: String?
    public var estate: String?
    public var building: String?
    public var reporterName: String?
    public var reporterPhone: String?
    public var channel: String
    public var actor: String?

    public init(description: String, placement: GridPlacement?, community: String?, estate: String?, building: String?,
                reporterName: String?, reporterPhone: String?, channel: String = "热线", actor: String? = nil) {
        self.description = description
        self.placement = placement
        self.community = community
        self.estate = estate
        self.building = building
        self.reporterName = reporterName
        self.reporterPhone = reporterPhone
        self.channel = channel
        self.actor = actor
    }
}

/// Filters for listing tickets.
public struct TicketFilter: Sendable {
    public var overdueOnly = false
    public var openOnly = false
    public var community: String?
    public var gridCode: String?
    public var grade: String?
    public var status: TicketStatus?
    /// Created in `[from, to)`.
    public var createdFrom: Date?
    public var createdTo: Date?
    public var phone: String?
    public var limit = 50

    public init() {}
}
