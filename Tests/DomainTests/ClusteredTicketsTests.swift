@testable import Domain
import Foundation
import SQLiteStorage
import Testing

/// Migration `011_tickets_without_rowid`: a database filed before it keeps every ticket,
/// history entry and index, and goes on numbering where it was.
@Suite struct ClusteredTicketsTests {
    static let name = "011_tickets_without_rowid"

    /// A file database migrated up to (not including) 011, with the sample data and `count` tickets.
    func databaseBeforeTheMigration(tickets count: Int) throws -> (SQLiteDatabase, GrievanceService) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("guanlan-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let db = try SQLiteDatabase(path: dir.appendingPathComponent("test.db").path)
        try Migrations.migrate(db, through: Migrations.all.filter { $0.name != Self.name })
        _ = try SampleDataImporter(dataDirectory: TestDatabase.dataDirectory, isValidCreditCode: { $0.count == 18 }).importAll(into: db)
        let service = GrievanceService(db: db, clock: TestDatabase.clock, rules: try TestDatabase.rules())
        let place = try GridService(db: db).placement(community: nil, estate: "香榭郦景", building: "3栋")!
        for n in 0..<count {
            let placed = n % 3 != 2
            _ = try service.file(GrievanceIntake(
                description: ["电梯坏了", "邻居吵架纠纷", "路灯不亮"][n % 3], placement: placed ? place : nil,
                community: placed ? place.community : nil, estate: placed ? place.estate : nil, building: placed ? place.building : nil,
                reporterName: n % 2 == 0 ? "王秀英" : nil, reporterPhone: n % 4 == 3 ? nil : "1380013800\(n % 10)",
                channel: n % 5 == 4 ? "网格巡查" : "热线", actor: "op\(n)", anonymous: n % 4 == 3))
        }
        _ = try service.update(id: "GL20261129-0001", action: .accept, note: "收到", actor: "op1")
        return (db, service)
    }

    func rows(_ db: any SQLDatabase, _ sql: String) throws -> [[String: SQLValue]] {
        try db.read { try $0.query(sql).map(\.values) }
    }

    func schema(_ db: any SQLDatabase, _ table: String) throws -> String {
        try db.read { try $0.queryOne("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", [.text(table)])?.string("sql") ?? "" }
    }

    func indexes(_ db: any SQLDatabase) throws -> [String] {
        try db.read {
            try $0.query("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('tickets', 'ticket_events') AND sql IS NOT NULL ORDER BY name")
                .map { $0.string("name") }
        }
    }

    @Test func everyTicketHistoryEntryAndIndexIsKept() throws {
        let (db, service) = try databaseBeforeTheMigration(tickets: 12)
        let tickets = try rows(db, "SELECT * FROM tickets ORDER BY id")
        let events = try rows(db, "SELECT * FROM ticket_events ORDER BY ticket_id, seq")
        let named = try indexes(db)
        #expect(tickets.count == 12 && events.count == 13)
        #expect(named == ["tickets_phone", "tickets_place", "tickets_status"])
        #expect(!(try schema(db, "tickets")).contains("WITHOUT ROWID"))

        try Migrations.migrate(db)
        #expect(try schema(db, "tickets").contains("WITHOUT ROWID"))
        #expect(try schema(db, "ticket_events").contains("WITHOUT ROWID"))
        #expect(try rows(db, "SELECT * FROM tickets ORDER BY id") == tickets)
        #expect(try rows(db, "SELECT * FROM ticket_events ORDER BY ticket_id, seq") == events)
        #expect(try indexes(db) == named)
        #expect(try db.read { try $0.queryOne("SELECT COUNT(*) AS n FROM schema_migrations WHERE name = ?", [.text(Self.name)])?.int("n") } == 1)
        // The queries that use the indexes still find the rows.
        #expect(try service.ticket(id: "GL20261129-0001")?.status == .accepted)
        #expect(try service.history(id: "GL20261129-0001").map(\.action) == ["file", "accept"])
        // Numbering goes on; no id is issued twice.
        let next = try service.file(GrievanceIntake(description: "楼道堆物", placement: nil, community: nil, estate: nil, building: nil,
                                                    reporterName: nil, reporterPhone: "13800138000"))
        #expect(next.id == "GL20261129-0013")
        #expect(try service.ticket(id: next.id) == next)
    }

    @Test func aMigratedDatabaseRefusesADuplicateId() throws {
        let (db, _) = try databaseBeforeTheMigration(tickets: 2)
        try Migrations.migrate(db)
        #expect(throws: StorageError.self) {
            try db.write { try $0.execute("INSERT INTO ticket_events (ticket_id, seq, at, action, to_status) VALUES ('GL20261129-0001', 1, 0, 'file', 'reported')") }
        }
        #expect(throws: StorageError.self) {
            try db.write { try $0.execute("INSERT INTO tickets SELECT * FROM tickets WHERE id = 'GL20261129-0002'") }
        }
    }

    /// On another engine the migration is recorded and runs nothing (PostgreSQL has no rowid;
    /// `scripts/with-postgres.sh` runs the whole suite there).
    @Test func anotherEngineRecordsItAndRunsNothing() throws {
        let (db, _) = try databaseBeforeTheMigration(tickets: 1)
        try Migrations.migrate(OtherEngine(base: db))
        #expect(!(try schema(db, "tickets")).contains("WITHOUT ROWID"))
        #expect(try db.read { try $0.queryOne("SELECT COUNT(*) AS n FROM schema_migrations WHERE name = ?", [.text(Self.name)])?.int("n") } == 1)
    }

    /// The SQLite database under another engine's name.
    struct OtherEngine: SQLDatabase {
        let base: SQLiteDatabase
        var engineName: String { "postgresql" }
        func read<T>(_ body: (any SQLConnection) throws -> T) throws -> T { try base.read(body) }
        func write<T>(_ body: (any SQLConnection) throws -> T) throws -> T { try base.write(body) }
    }
}
