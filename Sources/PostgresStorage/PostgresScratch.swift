import Foundation

/// Throw-away schemas on one PostgreSQL server, so tests (and trial runs) get
/// a database each without creating databases: the returned URL sets
/// `search_path` to a new schema, and every pool opened with it works there.
public enum PostgresScratch {
    /// Creates an empty schema and returns `baseURL` bound to it.
    public static func newSchema(baseURL: String) throws -> String {
        let name = freshName()
        let admin = try PGConnection(url: baseURL)
        try admin.run("CREATE SCHEMA \(name)")
        return url(baseURL, schema: name)
    }

    /// A new schema holding a copy of every table of the schema `template`
    /// (structure, indexes and rows), copied on the server: much faster than
    /// migrating and importing the sample data again.
    public static func copy(of template: String, baseURL: String) throws -> String {
        let name = freshName()
        let admin = try PGConnection(url: baseURL)
        let tables = try admin.query(
            "SELECT table_name AS t FROM information_schema.tables WHERE table_schema = ? AND table_type = 'BASE TABLE'",
            [.text(template)]).map { $0.string("t") }
        try admin.run("BEGIN")
        try admin.run("CREATE SCHEMA \(name)")
        for table in tables {
            try admin.run("CREATE TABLE \(name).\(table) (LIKE \(template).\(table) INCLUDING ALL)")
            try admin.run("INSERT INTO \(name).\(table) SELECT * FROM \(template).\(table)")
        }
        try admin.run("COMMIT")
        return url(baseURL, schema: name)
    }

    /// The schema name a URL made here is bound to.
    public static func schema(of url: String) -> String? {
        url.range(of: "search_path%3D").map { String(url[$0.upperBound...].prefix { $0 != "&" }) }
    }

    private static func freshName() -> String {
        "guanlan_t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
    }

    private static func url(_ baseURL: String, schema: String) -> String {
        PostgresURL.adding("options=-csearch_path%3D\(schema)", to: baseURL)
    }
}
