import Domain

/// Copies a whole guanlan database into another (SQLite → PostgreSQL when
/// moving up to several servers): every table, in one target transaction, then
/// the row counts are compared. The target must be empty: migrated or not, no
/// table may hold a row.
public struct DatabaseCopy {
    public struct TableCount: Sendable, Equatable {
        public var table: String
        public var rows: Int
    }

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case targetNotEmpty(table: String, rows: Int)
        case countMismatch(table: String, source: Int, target: Int)

        public var description: String {
            switch self {
            case .targetNotEmpty(let table, let rows):
                return "目标数据库不是空的（表 \(table) 已有 \(rows) 行），拒绝覆盖"
            case .countMismatch(let table, let source, let target):
                return "表 \(table) 行数不一致：源 \(source)，目标 \(target)"
            }
        }
    }

    public var source: any SQLDatabase
    public var target: any SQLDatabase
    /// Rows per multi-row INSERT.
    public var batchSize = 200

    public init(from source: any SQLDatabase, to target: any SQLDatabase) {
        self.source = source
        self.target = target
    }

    /// Brings both schemas up to date, copies, verifies; returns the counts.
    @discardableResult
    public func run() throws -> [TableCount] {
        try Migrations.migrate(source)
        try Migrations.migrate(target)
        let tables = try Self.tables(of: source).filter { $0 != "schema_migrations" }
        for table in tables {
            let rows = try Self.count(table, in: target)
            if rows > 0 { throw Failure.targetNotEmpty(table: table, rows: rows) }
        }
        try target.write { targetConn in
            for table in tables {
                let rows = try source.read { try $0.query("SELECT * FROM \(table)") }
                try insert(rows, into: table, conn: targetConn)
            }
        }
        var counts: [TableCount] = []
        for table in tables {
            let (s, t) = (try Self.count(table, in: source), try Self.count(table, in: target))
            guard s == t else { throw Failure.countMismatch(table: table, source: s, target: t) }
            counts.append(TableCount(table: table, rows: s))
        }
        return counts
    }

    private func insert(_ rows: [SQLRow], into table: String, conn: any SQLConnection) throws {
        guard let first = rows.first else { return }
        let columns = first.values.keys.sorted()
        let tuple = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        var start = 0
        while start < rows.count {
            let batch = rows[start..<min(start + batchSize, rows.count)]
            let sql = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
                + Array(repeating: tuple, count: batch.count).joined(separator: ", ")
            try conn.execute(sql, batch.flatMap { row in columns.map { row[$0] } })
            start += batchSize
        }
    }

    /// The tables of a guanlan database, whichever the engine.
    public static func tables(of db: any SQLDatabase) throws -> [String] {
        let sql = db.engineName == "sqlite"
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            : "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name"
        return try db.read { try $0.query(sql).map { $0.string("name") } }
    }

    public static func count(_ table: String, in db: any SQLDatabase) throws -> Int {
        try db.read { try $0.queryOne("SELECT COUNT(*) AS n FROM \(table)")?.int("n") ?? 0 }
    }
}
