import Foundation

/// A 议事 meeting (党群议事会, 书记茶话会 …): what, where, when, who, and the
/// last step of the seven it has completed.
public struct Meeting: Sendable, Equatable {
    public var id: String
    public var kind: String
    public var topic: String
    public var community: String
    public var place: String
    public var participants: String
    public var startsAt: Date
    /// A step code of `MeetingProcedure`, or `cancelled`.
    public var status: String
    public var createdAt: Date
    public var version: Int

    init(row: SQLRow) {
        id = row.string("id")
        kind = row.string("kind")
        topic = row.string("topic")
        community = row.string("community")
        place = row.string("place")
        participants = row.string("participants")
        startsAt = Date(timeIntervalSince1970: TimeInterval(row.int("starts_at")))
        status = row.string("status")
        createdAt = Date(timeIntervalSince1970: TimeInterval(row.int("created_at")))
        version = row.int("version")
    }

    /// The kinds of meeting the bot knows (the 大党委's usual forms).
    public static let kinds = ["党群议事会", "书记茶话会", "居民议事会", "联席会议", "楼栋议事会", "听证会"]
}

/// A decision taken at a meeting, with what it settles.
public struct MeetingDecision: Sendable, Equatable {
    public var seq: Int
    public var text: String
    public var decidedAt: Date
    public var links: [DecisionLink]
}

/// A decision's link to what it settles: a grievance (`GL…`) or a
/// co-building need (`XQ…`), both checked to exist when linked.
public struct DecisionLink: Sendable, Equatable {
    public enum Kind: String, Sendable { case grievance, need }

    /// What happened to the linked item when the decision was recorded.
    public enum Outcome: String, Sendable {
        /// Moved along its own loop: a grievance to 已化解, a need to 已解决.
        case resolved
        /// Its status does not allow that move now (a grievance not yet
        /// accepted, a need not yet matched, or either already settled): linked and left as it was.
        case unchanged
    }

    public var kind: Kind
    public var id: String
    public var outcome: Outcome
    /// The item's status after the decision (a `TicketStatus` or `NeedStatus` raw value), for the reply.
    public var status: String?

    public init(kind: Kind, id: String, outcome: Outcome, status: String? = nil) {
        self.kind = kind
        self.id = id
        self.outcome = outcome
        self.status = status
    }
}

/// Which meetings to list.
public struct MeetingFilter: Sendable {
    public var community: String?
    public var status: String?
    /// Topic, kind or place containing this text.
    public var text: String?
    /// Starting in `[from, to)`.
    public var from: Date?
    public var to: Date?
    public var limit = 20

    public init(community: String? = nil, status: String? = nil, text: String? = nil, from: Date? = nil, to: Date? = nil) {
        self.community = community
        self.status = status
        self.text = text
        self.from = from
        self.to = to
    }
}
