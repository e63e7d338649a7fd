import Foundation

/// 四个万家: a party member paired with a household.
public struct Pairing: Sendable, Equatable {
    public var code: String
    public var member: String
    public var memberPhone: String
    public var community: String
    public var estate: String
    public var building: String
    /// Empty in 老村 houses that have no room numbers.
    public var room: String
    /// 独居老人, 困难家庭 …
    public var householdType: String

    init(row: SQLRow) {
        code = row.string("pairing_code")
        member = row.string("member")
        memberPhone = row.string("member_phone")
        community = row.string("community")
        estate = row.string("estate")
        building = row.string("building")
        room = row.string("room")
        householdType = row.string("household_type")
    }

    /// 香榭郦景3栋502
    public var household: String { estate + building + room }
}

/// One visit to a paired household and what it found.
public struct Visit: Sendable, Equatable {
    public var id: String
    public var pairingCode: String
    public var member: String
    public var community: String
    public var household: String
    public var visitedAt: Date
    public var notes: String?
    public var needs: [VisitNeed]
}

/// A need found at a visit and where it went: a grievance (filed, or added to
/// an open one at the same place) or a co-building need in the needs list.
public struct VisitNeed: Sendable, Equatable {
    public var seq: Int
    public var description: String
    /// `grievance` (a new ticket), `attached` (a repeat of an open ticket) or
    /// `need` (a new co-building need, `targetId` its XQ id) or `need_repeat` (the
    /// household's unsettled need of the same kind from an earlier visit).
    public var kind: String
    public var targetId: String?

    /// Whether `targetId` is a need (XQ) rather than a ticket (GL).
    public var isNeed: Bool { kind == "need" || kind == "need_repeat" }
}

/// Which visits to list.
public struct VisitFilter: Sendable {
    public var member: String?
    public var community: String?
    public var estate: String?
    public var from: Date?
    public var to: Date?
    public var limit = 20

    public init(member: String? = nil, community: String? = nil, estate: String? = nil, from: Date? = nil, to: Date? = nil) {
        self.member = member
        self.community = community
        self.estate = estate
        self.from = from
        self.to = to
    }
}
