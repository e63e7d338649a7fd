/// What an operator narrows a list by: community, kind, a weekly window
/// (kept when it overlaps), a place, a unit, and for needs their status.
public struct CoBuildingFilter: Sendable, Equatable {
    public var community: String?
    public var kind: String?
    public var window: WeeklyWindow?
    public var place: String?
    public var unitCode: String?
    public var status: NeedStatus?

    public init(community: String? = nil, kind: String? = nil, window: WeeklyWindow? = nil, place: String? = nil,
                unitCode: String? = nil, status: NeedStatus? = nil) {
        self.community = community
        self.kind = kind
        self.window = window
        self.place = place
        self.unitCode = unitCode
        self.status = status
    }

    func accepts(_ o: Offer) -> Bool {
        accepts(community: o.community, kind: o.kind, name: o.name, place: o.place, unit: o.unitCode, window: o.window)
    }

    func accepts(community c: String, kind k: String, name: String, place p: String?, unit: String?, window w: WeeklyWindow?) -> Bool {
        if let community, community != c { return false }
        if let kind, kind != k, !name.contains(kind) { return false }
        if let place, p != place { return false }
        if let unitCode, unit != unitCode { return false }
        if let window, let w, window.overlapMinutes(with: w) == 0 { return false }
        return true
    }
}
