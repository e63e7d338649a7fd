/// A resource a member unit offers (资源清单): a car park, a room, materials,
/// equipment — how many, where, and when (a weekly window).
@dynamicMemberLookup
public struct SharedResource: Sendable, Equatable {
    /// How a resource is shared: 空间置换 (idle space or goods turned to a new
    /// use) or 错时共享 (open to residents when the unit does not use it).
    public static let modes = ["空间置换", "错时共享"]

    public var offer: Offer
    public var quantity: Int
    /// The unit of `quantity`: 个, 间, 平方米 …
    public var measure: String
    public var mode: String

    public subscript<T>(dynamicMember path: KeyPath<Offer, T>) -> T { offer[keyPath: path] }

    static let select = """
        SELECT r.*, u.name AS unit_name FROM cobuild_resources r JOIN cobuild_units u ON u.unit_code = r.unit_code
        """

    init(row: SQLRow) {
        offer = Offer(row: row)
        quantity = row.int("quantity")
        measure = row.string("measure")
        mode = row.string("mode")
    }
}
