/// What a member unit offers, a resource or a service alike: who, what
/// kind, where, and when (a weekly window). Searching and matching work on this part.
public struct Offer: Sendable, Equatable {
    public var id: String
    public var unitCode: String
    public var unitName: String
    public var kind: String
    public var name: String
    public var community: String
    public var place: String
    public var window: WeeklyWindow

    /// From a row with the unit's name joined as `unit_name` and the window in `open_window`.
    init(row: SQLRow) {
        id = row.string("id")
        unitCode = row.string("unit_code")
        unitName = row.string("unit_name")
        kind = row.string("kind")
        name = row.string("name")
        community = row.string("community")
        place = row.string("place")
        window = WeeklyWindow(row.string("open_window")) ?? WeeklyWindow(days: Set(1...7), startMinute: 0, endMinute: 1440)
    }
}
