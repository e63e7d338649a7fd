/// A need for, or an offer of, industrial space (产业空间供需对接).
public struct SpaceListing: Sendable, Equatable {
    public enum Direction: String, Sendable {
        case need, offer
        public var chinese: String { self == .need ? "需求" : "可出租" }
    }

    /// What a request says about space.
    public struct Draft: Sendable, Equatable {
        public var direction: Direction
        /// 厂房 办公 仓储.
        public var kind: String
        /// Square metres.
        public var area: Double
        public var community: String?
        public var place: String?
        /// Yuan per month, if said.
        public var budget: Double?

        public init(direction: Direction, kind: String, area: Double, community: String?, place: String?, budget: Double?) {
            self.direction = direction
            self.kind = kind
            self.area = area
            self.community = community
            self.place = place
            self.budget = budget
        }
    }

    public var requestID: String
    public var enterprise: String
    public var draft: Draft

    init(row: SQLRow) {
        requestID = row.string("request_id")
        enterprise = row.string("enterprise")
        draft = Draft(direction: Direction(rawValue: row.string("direction")) ?? .need, kind: row.string("kind"),
                      area: row.double("area") ?? 0, community: row.optionalString("community"),
                      place: row.optionalString("place"), budget: row.double("budget"))
    }
}

/// Matches needs with offers: the opposite direction, the same kind, an area
/// within `tolerance` of the asked one, and the same community when the new
/// listing names one.
public struct SpaceMatcher: Sendable {
    /// ±20 % by default.
    public var tolerance: Double = 0.2

    public init(tolerance: Double = 0.2) { self.tolerance = tolerance }

    public func matches(for draft: SpaceListing.Draft, among listings: [SpaceListing]) -> [SpaceListing] {
        listings.filter { other in
            other.draft.direction != draft.direction && other.draft.kind == draft.kind
                && abs(other.draft.area - draft.area) <= draft.area * tolerance
                && (draft.community == nil || other.draft.community == nil || other.draft.community == draft.community)
        }.sorted { abs($0.draft.area - draft.area) < abs($1.draft.area - draft.area) }
    }
}
