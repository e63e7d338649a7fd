/// The hook to the co-building needs list (三张清单, the other half of issue
/// 9, migration `009_cobuilding_lists`). This branch does not have that table;
/// a database that does is recognised by its migration, and the need is then
/// looked up there. Everything that depends on the needs list goes through
/// here, so the merge touches one file.
public enum CoBuildingNeeds {
    /// The migration that creates the needs table, and where needs live in it.
    public static let migration = "009_cobuilding_lists"
    public static let table = "cobuild_needs"
    public static let idColumn = "id"

    /// Whether the needs list exists in this database.
    public static func available(in conn: any SQLConnection) throws -> Bool {
        try conn.queryOne("SELECT 1 AS one FROM schema_migrations WHERE name = ?", [.text(migration)]) != nil
    }

    /// true/false when the list exists; nil when it cannot be checked here.
    public static func exists(_ id: String, in conn: any SQLConnection) throws -> Bool? {
        guard try available(in: conn) else { return nil }
        return try conn.queryOne("SELECT 1 AS one FROM \(table) WHERE \(idColumn) = ?", [.text(id)]) != nil
    }
}
