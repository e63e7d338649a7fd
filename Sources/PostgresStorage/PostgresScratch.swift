import Foundation

/// Throw-away schemas on one PostgreSQL server, so tests (and trial runs) get
/// an empty database each without creating databases: the returned URL sets
/// `search_path` to a new schema, and every pool opened with it works there.
public enum PostgresScratch {
    /// Creates an empty schema and returns `baseURL` bound to it.
    public static func newSchema(baseURL: String, prefix: String = "guanlan_t") throws -> String {
        let name = prefix + "_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
        let admin = try PGConnection(url: baseURL)
        try admin.run("CREATE SCHEMA \(name)")
        return PostgresURL.adding("options=-csearch_path%3D\(name)", to: baseURL)
    }
}
