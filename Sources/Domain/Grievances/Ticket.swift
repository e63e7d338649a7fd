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
    /// 热线 / 入户走访 / 网格巡查 / 系统对接.
    public var channel: String
    public var createdAt: Date
    public var dueAt: Date
    public var updatedAt: Date
    public var version: Int
    /// 人民调解 / 行政调解 / 司法调解 for disputes.
    public var mediation: String?
    public var anonymous: Bool
    /// 督办: an overseer pressed on it.
    public var supervised: Bool
    /// In the triage queue (place unknown, or 退回).
    public var triage: Bool
    public var rating: TicketRating?
    /// 1, then +1 for every reopening (不满意重办).
    public var round: Int
    public var acceptedAt: Date?
    public var resolvedAt: Date?
    /// When it happened, if the reporter said.
    public var occurredAt: Date?

    /// Every field given (a ticket just filed, built from the values inserted).
    init(id: String, status: TicketStatus, level: String, grade: String, category: String, urgent: Bool, description: String,
         community: String?, blockCode: String?, gridCode: String?, buildingGridCode: String?, estate: String?, building: String?,
         reporterName: String?, reporterPhone: String?, assignee: String?, assigneePhone: String?, channel: String,
         createdAt: Date, dueAt: Date, updatedAt: Date, version: Int, mediation: String?, anonymous: Bool, supervised: Bool,
         triage: Bool, rating: TicketRating?, round: Int, acceptedAt: Date?, resolvedAt: Date?, occurredAt: Date?) {
        self.id = id
        self.status = status
        self.level = level
        self.grade = grade
        self.category = category
        self.urgent = urgent
        self.description = description
        self.community = community
        self.blockCode = blockCode
        self.gridCode = gridCode
        self.buildingGridCode = buildingGridCode
        self.estate = estate
        self.building = building
        self.reporterName = reporterName
        self.reporterPhone = reporterPhone
        self.assignee = assignee
        self.assigneePhone = assigneePhone
        self.channel = channel
        self.createdAt = createdAt
        self.dueAt = dueAt
        self.updatedAt = updatedAt
        self.version = version
        self.mediation = mediation
        self.anonymous = anonymous
        self.supervised = supervised
        self.triage = triage
        self.rating = rating
        self.round = round
        self.acceptedAt = acceptedAt
        self.resolvedAt = resolvedAt
        self.occurredAt = occurredAt
    }

    init(row: SQLRow) {
        func date(_ c: String) -> Date? { row.optionalInt(c).map { Date(timeIntervalSince1970: TimeInterval($0)) } }
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
        createdAt = date("created_at")!
        dueAt = date("due_at")!
        updatedAt = date("updated_at")!
        version = row.int("version")
        mediation = row.optionalString("mediation").flatMap { $0.isEmpty ? nil : $0 }
        anonymous = row.int("anonymous") == 1
        supervised = row.int("supervised") == 1
        triage = row.int("triage") == 1
        rating = row.optionalString("rating").flatMap(TicketRating.init(rawValue:))
        round = max(row.int("round_no"), 1)
        acceptedAt = date("accepted_at")
        resolvedAt = date("resolved_at")
        occurredAt = date("occurred_at")
    }

    public func isOverdue(at now: Date) -> Bool { status.isPending && dueAt < now }

    /// `138****8000`: for lists and logs; the full number only in the ticket's own view.
    public var maskedPhone: String? { reporterPhone.map(Ticket.mask) }

    public static func mask(_ phone: String) -> String {
        let s = Array(phone)
        guard s.count >= 7 else { return String(repeating: "*", count: s.count) }
        return String(s.prefix(3)) + "****" + String(s.suffix(4))
    }
}

/// One step in a ticket's history.
public typealias TicketEvent = StatusHistory.Entry

/// What the hotline knows when it files a ticket: the five elements (who,
/// when, where, what, how), the channel, urgency comes from the category.
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
    public var anonymous = false
    public var occurredAt: Date?
    /// Route to this level's lead instead of the grid worker (a 四个万家
    /// visit's 派单 goes to the community: 社区接单); nil: the usual routing.
    public var routeLevel: String?
    /// Where an emergency told without its building goes (`EstateArea`), when
    /// `placement` is nil; nil: an unknown place goes to the triage desk.
    public var area: EstateArea?

    public init(description: String, placement: GridPlacement?, community: String?, estate: String?, building: String?,
                reporterName: String?, reporterPhone: String?, channel: String = "热线", actor: String? = nil,
                anonymous: Bool = false, occurredAt: Date? = nil, routeLevel: String? = nil) {
        self.description = description
        self.placement = placement
        self.community = community
        self.estate = estate
        self.building = building
        self.reporterName = reporterName
        self.reporterPhone = reporterPhone
        self.channel = channel
        self.actor = actor
        self.anonymous = anonymous
        self.occurredAt = occurredAt
        self.routeLevel = routeLevel
    }

    public static let channels = ["热线", "入户走访", "网格巡查", "系统对接"]
}

/// An operator's move: the action and what comes with it.
public struct TicketMove: Sendable {
    public var action: TicketAction
    public var note: String?
    public var actor: String?
    public var rating: TicketRating?
    /// 派单 to a named person.
    public var assignee: GridPlacement.Person?

    public init(_ action: TicketAction, note: String? = nil, actor: String? = nil, rating: TicketRating? = nil,
                assignee: GridPlacement.Person? = nil) {
        self.action = action
        self.note = note
        self.actor = actor
        self.rating = rating
        self.assignee = assignee
    }
}

/// Filters for listing tickets.
public struct TicketFilter: Sendable {
    public var overdueOnly = false
    public var openOnly = false
    public var triageOnly = false
    public var supervisedOnly = false
    public var community: String?
    public var gridCode: String?
    public var grade: String?
    public var category: String?
    public var status: TicketStatus?
    /// Created in `[from, to)`.
    public var createdFrom: Date?
    public var createdTo: Date?
    public var phone: String?
    public var limit = 50

    public init() {}
}
