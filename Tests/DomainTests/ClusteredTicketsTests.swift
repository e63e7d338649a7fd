@testable import Domain
import Foundation
import SQLiteStorage
import Testing

/// Migrations `011_tickets_without_rowid` and `012_ticket_filed_note`: a database filed before
/// them keeps every ticket, history entry and index, and goes on numbering where it was; a ticket
/// filed after them has the same history, its filing entry read from its row.
@Suite struct ClusteredTicketsTests {
    static let name = "011_tickets_without_rowid"

    /// A file database migrated up to (not including) 011, with the sample data and `count` tickets
    /// written as the service wrote them then: the row, a `file` history row each, the id counter;
    /// ticket 1 also accepted.
    func databaseBeforeTheMigrations(tickets count: Int) throws -> (SQLiteDatabase, GrievanceService) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("guanlan-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let db = try SQLiteDatabase(path: dir.appendingPathComponent("test.db").path)
        try Migrations.migrate(db, through: Array(Migrations.all.prefix { $0.name != Self.name }))
        _ = try SampleDataImporter(dataDirectory: TestDatabase.dataDirectory, isValidCreditCode: { $0.count == 18 }).importAll(into: db)
        try db.write { conn in
            for n in 1...count {
                let id = "GL20261129-000\(n)", placed = n % 3 != 0, at = 1_764_378_000 + n
                try conn.execute(
                    """
                    INSERT INTO tickets (id, status, level, grade, category, urgent, description, estate, building, reporter_name,
                        reporter_phone, assignee, channel, created_at, due_at, updated_at, created_by, version, anonymous, triage)
                    VALUES (?, 'reported', 'block', 'A', '设施', 0, ?, ?, ?, ?, ?, '李网格', '热线', ?, ?, ?, ?, 1, ?, ?)
                    """,
                    [.text(id), .text(["电梯坏了", "路灯不亮", "楼道堆物"][n % 3]), placed ? .text("香榭郦景") : .null,
                     placed ? .text("3栋") : .null, n % 2 == 0 ? .text("王秀英") : .null, n % 4 == 3 ? .null : .text("1380013800\(n)"),
                     .int(at), .int(at + 86_400), .int(at), .text("op\(n)"), .int(n % 4 == 3 ? 1 : 0), .int(placed ? 0 : 1)])
                try conn.execute(
                    "INSERT INTO ticket_events (ticket_id, seq, at, action, from_status, to_status, note, actor) VALUES (?, 1, ?, 'file', NULL, 'reported', ?, ?)",
                    [.text(id), .int(at), .text(placed ? "热线" : "热线；地点不明，进入分拨队列"), .text("op\(n)")])
            }
            try conn.execute("INSERT INTO id_counters (prefix, day, last_value) VALUES ('GL', '20261129', ?)", [.int(count)])
            try conn.execute("UPDATE tickets SET status = 'accepted', version = 2 WHERE id = 'GL20261129-0001'")
            try conn.execute(
                "INSERT INTO ticket_events (ticket_id, seq, at, action, from_status, to_status, note, actor) VALUES ('GL20261129-0001', 2, 1764378100, 'accept', 'reported', 'accepted', '收到', 'op1')")
        }
        return (db, GrievanceService(db: db, clock: TestDatabase.clock, rules: try TestDatabase.rules()))
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
        let (db, service) = try databaseBeforeTheMigrations(tickets: 9)
        let tickets = try rows(db, "SELECT * FROM tickets ORDER BY id")
        let events = try rows(db, "SELECT * FROM ticket_events ORDER BY ticket_id, seq")
        let named = try indexes(db)
        // Read as the service read it then: stored rows only (the schema has no `filed_note` yet).
        let historyBefore = try db.read { try StatusHistory(table: "ticket_events", key: "ticket_id").entries($0, id: "GL20261129-0001") }
        #expect(tickets.count == 9 && events.count == 10 && historyBefore.map(\.action) == ["file", "accept"])
        #expect(named == ["tickets_phone", "tickets_place", "tickets_status"])
        #expect(!(try schema(db, "tickets")).contains("WITHOUT ROWID"))

        try Migrations.migrate(db)
        #expect(try schema(db, "tickets").contains("WITHOUT ROWID"))
        #expect(try schema(db, "ticket_events").contains("WITHOUT ROWID"))
        let after = try rows(db, "SELECT * FROM tickets ORDER BY id")
        #expect(after.allSatisfy { $0["filed_note"] == .null })
        #expect(after.map { $0.filter { $0.key != "filed_note" } } == tickets)
        #expect(try rows(db, "SELECT * FROM ticket_events ORDER BY ticket_id, seq") == events)
        #expect(try indexes(db) == named)
        #expect(try db.read { try $0.queryOne("SELECT COUNT(*) AS n FROM schema_migrations WHERE name = ?", [.text(Self.name)])?.int("n") } == 1)
        // Read through the indexes and the history as before.
        #expect(try service.ticket(id: "GL20261129-0001")?.status == .accepted)
        #expect(try service.history(id: "GL20261129-0001") == historyBefore)
        // Numbering goes on; no id is issued twice; a later move of an old ticket follows its stored rows.
        let next = try service.file(GrievanceIntake(description: "楼道堆物", placement: nil, community: nil, estate: nil, building: nil,
                                                    reporterName: nil, reporterPhone: "13800138000"))
        #expect(next.id == "GL20261129-0010")
        #expect(try service.ticket(id: next.id) == next)
        _ = try service.update(id: "GL20261129-0002", action: .accept, note: nil, actor: "op2")
        #expect(try service.history(id: "GL20261129-0002").map(\.seq) == [1, 2])
    }

    /// A ticket filed now: no history row for its filing, the same entry read back from its row,
    /// later moves numbered after it (attach, accept), in both the placed and the triage shape.
    @Test func aNewTicketsFilingEntryIsReadFromItsRow() throws {
        let db = try TestDatabase.memory()
        let service = GrievanceService(db: db, clock: TestDatabase.clock, rules: try TestDatabase.rules())
        let place = try GridService(db: db).placement(community: nil, estate: "香榭郦景", building: "3栋")!
        let placed = try service.file(GrievanceIntake(description: "电梯坏了", placement: place, community: place.community, estate: place.estate,
                                                      building: place.building, reporterName: nil, reporterPhone: "13800138000", actor: "op1"))
        let triage = try service.file(GrievanceIntake(description: "路灯不亮", placement: nil, community: nil, estate: nil, building: nil,
                                                      reporterName: nil, reporterPhone: nil, channel: "网格巡查", anonymous: true))
        #expect(try db.read { try $0.queryOne("SELECT COUNT(*) AS n FROM ticket_events")?.int("n") } == 0)
        #expect(try service.history(id: placed.id) == [StatusHistory.Entry(
            seq: 1, at: placed.createdAt, action: "file", fromStatus: nil, toStatus: "reported", note: "热线", actor: "op1")])
        #expect(try service.history(id: triage.id) == [StatusHistory.Entry(
            seq: 1, at: triage.createdAt, action: "file", fromStatus: nil, toStatus: "reported", note: "网格巡查；地点不明，进入分拨队列", actor: nil)])
        _ = try service.attach(GrievanceIntake(description: "电梯又坏了", placement: place, community: place.community, estate: place.estate,
                                               building: place.building, reporterName: nil, reporterPhone: "13900000000"), to: placed.id)
        _ = try service.update(id: placed.id, action: .accept, note: "收到", actor: "op2")
        let history = try service.history(id: placed.id)
        #expect(history.map(\.seq) == [1, 2, 3] && history.map(\.action) == ["file", "attach", "accept"])
        #expect(try service.history(id: triage.id).count == 1)
    }

    @Test func aMigratedDatabaseRefusesADuplicateKey() throws {
        let (db, _) = try databaseBeforeTheMigrations(tickets: 2)
        try Migrations.migrate(db)
        #expect(throws: StorageError.self) {
            try db.write { try $0.execute("INSERT INTO ticket_events (ticket_id, seq, at, action, to_status) VALUES ('GL20261129-0001', 1, 0, 'file', 'reported')") }
        }
        #expect(throws: StorageError.self) {
            try db.write { try $0.execute("INSERT INTO tickets SELECT * FROM tickets WHERE id = 'GL20261129-0002'") }
        }
    }

    /// On another engine 011 is recorded and runs nothing (PostgreSQL has no rowid;
    /// `scripts/with-postgres.sh` runs the whole suite there); 012 runs everywhere.
    @Test func anotherEngineRecordsItAndRunsNothing() throws {
        let (db, _) = try databaseBeforeTheMigrations(tickets: 1)
        try Migrations.migrate(OtherEngine(base: db))
        #expect(!(try schema(db, "tickets")).contains("WITHOUT ROWID"))
        #expect(try schema(db, "tickets").contains("filed_note"))
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
