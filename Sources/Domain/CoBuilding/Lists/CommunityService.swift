/// A service a member unit runs for residents (服务清单): 义诊, 托管, 维修 …,
/// with its weekly schedule and how many people a time it serves.
@dynamicMemberLookup
public struct CommunityService: Sendable, Equatable {
    public var offer: Offer
    public var capacity: Int

    public subscript<T>(dynamicMember path: KeyPath<Offer, T>) -> T { offer[keyPath: path] }

    static let select = """
        SELECT s.*, u.name AS unit_name FROM cobuild_services s JOIN cobuild_units u ON u.unit_code = s.unit_code
        """

    init(row: SQLRow) {
        offer = Offer(row: row)
        capacity = row.int("capacity")
    }
}
