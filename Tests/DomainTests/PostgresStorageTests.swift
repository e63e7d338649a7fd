import Domain
import Foundation
import PostgresStorage
import SQLiteStorage
import Testing

/// The PostgreSQL engine when `GUANLAN_TEST_POSTGRES_URL` is set (`scripts/with-postgres.sh`
/// sets it; `make test` runs the suite under it); these tests are skipped otherwise.
enum TestPostgres {
    static let url: String? = ProcessInfo.processInfo.environment["GUANLAN_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    static var enabled: Bool { url != nil }

    /// A new empty schema; its URL opens as many pools on it as a test wants.
    static func emptySchema() throws -> String { try PostgresScratch.newSchema(baseURL: url!) }

    /// A new schema, migrated and filled with the sample data, and its URL.
    static func seeded() throws -> (PostgresDatabase, String) {
        let schemaURL = try PostgresScratch.copy(of: try template.get(), baseURL: url!)
        return (try PostgresDatabase(url: schemaURL), schemaURL)
    }

    /// Migrated and seeded once through the adapter; tests get server-side copies.
    static let template: Result<String, any Error> = Result {
        let schemaURL = try emptySchema()
        let db = try PostgresDatabase(url: schemaURL, maxConnections: 1)
        try TestDatabase.seed(db)
        db.close()
        return PostgresScratch.schema(of: schemaURL)!
    }
}

@Suite struct PostgresAdapterUnitTests {
    @Test func urlsAreRecognisedAndPasswordsHidden() {
        #expect(PostgresURL.isPostgres("postgres://u@/db?host=/tmp/s&port=5433"))
        #expect(PostgresURL.isPostgres("postgresql://u:p@h:5432/db"))
        #expect(!PostgresURL.isPostgres("sqlite:/tmp/x.db"))
        #expect(PostgresURL.redacted("postgres://guanlan:secret@db1:5432/guanlan") == "postgres://guanlan:***@db1:5432/guanlan")
        #expect(PostgresURL.redacted("postgres://guanlan@/guanlan?host=/run/postgresql") == "postgres://guanlan@/guanlan?host=/run/postgresql")
    }

    @Test func anUnreachableServerIsAClearError() {
        #expect(throws: StorageError.self) {
            _ = try PostgresDatabase(url: "postgres://nobody@/nodb?host=/nonexistent-guanlan-socket-dir&port=1")
        }
    }
}

@Suite(.serialized, .enabled(if: TestPostgres.enabled)) struct PostgresStorageTests {
    let clock = TestDatabase.clock

    @Test func valuesRoundTripWithTheirTypes() throws {
        let db = try PostgresDatabase(url: try TestPostgres.emptySchema())
        try Migrations.migrate(db)
        try db.write { conn in
            try conn.execute("""
                INSERT INTO enterprise_requests (id, service_type, uscc, enterprise, routed_to, status, amount, details, phone, created_at, due_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, ["QF1", "financing", nil, "某公司 'quoted' ? mark", "园区", "accepted", .real(5_000_000.5), "问号? 不是占位符", nil,
                      .integer(1_795_000_000), .integer(1_795_086_400)])
        }
        let row = try db.read { try $0.queryOne("SELECT *, 'literal ?' AS lit, COUNT(*) OVER () AS n FROM enterprise_requests WHERE id = ?", ["QF1"]) }!
        #expect(row["amount"] == .real(5_000_000.5))
        #expect(row["created_at"] == .integer(1_795_000_000))
        #expect(row["uscc"] == .null)
        #expect(row["enterprise"] == .text("某公司 'quoted' ? mark"))
        #expect(row["lit"] == .text("literal ?"))
        #expect(row["n"] == .integer(1))
        #expect(try db.read { try $0.queryOne("SELECT SUM(created_at) AS s FROM enterprise_requests")?.int("s") } == 1_795_000_000)
    }

    @Test func aFailedWriteLeavesNothingBehindAndErrorsAreMapped() throws {
        let (db, _) = try TestPostgres.seeded()
        // The sample data's dated ids (co-building lists) are counted as issued.
        let counters = try db.read { try $0.queryOne("SELECT COUNT(*) AS n FROM id_counters")?.int("n") }
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try db.write { conn in
                try conn.execute("DELETE FROM grid_buildings")
                throw Boom()
            }
        }
        #expect(try db.read { try $0.queryOne("SELECT COUNT(*) AS n FROM grid_buildings")?.int("n") } == 3002)
        #expect(throws: StorageError.self) {
            try db.write { try $0.execute("INSERT INTO id_counters (prefix, day, last_value) VALUES ('GL', 'x', 1), ('GL', 'x', 2)") }
        }
        do {
            try db.write { try $0.execute("INSERT INTO id_counters (prefix, day, last_value) VALUES ('GL', 'x', 1), ('GL', 'x', 2)") }
        } catch let error as StorageError {
            guard case .conflict = error else { Issue.record("expected conflict, got \(error)"); return }
        }
        // The connection that failed is usable again.
        #expect(try db.read { try $0.queryOne("SELECT COUNT(*) AS n FROM id_counters WHERE day = 'x'")?.int("n") } == 0)
        #expect(try db.read { try $0.queryOne("SELECT COUNT(*) AS n FROM id_counters")?.int("n") } == counters)
    }

    @Test func idsAreUniqueAcrossTwoPools() async throws {
        let (a, url) = try TestPostgres.seeded()
        let b = try PostgresDatabase(url: url)
        let clock = self.clock
        let ids = await withTaskGroup(of: String?.self) { group in
            for i in 0..<80 {
                let db = i % 2 == 0 ? a : b
                group.addTask { try? db.write { try IdentifierSequence.next(prefix: "GL", on: clock.now, clock: clock, in: $0) } }
            }
            var all: [String] = []
            for await id in group { all.append(id ?? "failed") }
            return all
        }
        #expect(Set(ids).count == 80)
        #expect(Set(ids) == Set((1...80).map { String(format: "GL20261129-%04d", $0) }))
    }

    /// Clients of two servers (two pools) book one session at once: capacity exact, nothing lost.
    @Test func bookingCapacityIsExactAcrossTwoPools() async throws {
        let (a, url) = try TestPostgres.seeded()
        let b = try PostgresDatabase(url: url)
        let services = [ActivityService(db: a, clock: clock), ActivityService(db: b, clock: clock)]
        let s = Clock.parseISO("2026-12-02T15:00:00+08:00")! // HD-001: capacity 30, max party 2
        let results = await withTaskGroup(of: Booking?.self) { group in
            for i in 0..<60 {
                let service = services[i % 2]
                group.addTask { try? service.book(activityCode: "HD-001", start: s, partySize: 2, name: nil, phone: String(13_900_000_000 + i)) }
            }
            var all: [Booking?] = []
            for await r in group { all.append(r) }
            return all
        }
        let bookings = results.compactMap { $0 }
        #expect(bookings.count == 60)
        #expect(bookings.filter { $0.status == .confirmed }.count == 15)
        #expect(Set(bookings.map(\.id)).count == 60)
        let session = try services[1].sessions(of: [try services[1].activity(code: "HD-001")!], from: s, to: s.addingTimeInterval(60)).first!
        #expect(session.booked == 30)
        #expect(session.waitlisted == 45)
    }

    /// Two operators on two servers move one ticket at once: one wins, the
    /// other gets the conflict, and the history has exactly one new step.
    @Test func twoOperatorsMovingOneTicketConflictCleanly() throws {
        let (a, url) = try TestPostgres.seeded()
        let b = try PostgresDatabase(url: url), locker = try PostgresDatabase(url: url)
        let rules = try TestDatabase.rules()
        let sa = GrievanceService(db: a, clock: clock, rules: rules), sb = GrievanceService(db: b, clock: clock, rules: rules)
        let p = try GridService(db: a).placement(community: nil, estate: "香榭郦景", building: "3栋")
        let ticket = try sa.file(GrievanceIntake(description: "楼道灯不亮", placement: p, community: p?.community, estate: p?.estate,
                                                 building: p?.building, reporterName: nil, reporterPhone: "13800138000"))
        // A third session holds the ticket's row lock, so both operators read
        // version 1 and then queue on the same UPDATE.
        let locked = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0), done = DispatchGroup()
        DispatchQueue.global().async(group: done) {
            try? locker.write { conn in
                try conn.execute("UPDATE tickets SET updated_at = updated_at WHERE id = ?", [.text(ticket.id)])
                locked.signal()
                release.wait()
            }
        }
        locked.wait()
        let outcomes = Outcomes()
        for (service, actor) in [(sa, "op1"), (sb, "op2")] {
            DispatchQueue.global().async(group: done) {
                do { _ = try service.update(id: ticket.id, action: .accept, note: nil, actor: actor); outcomes.add("ok") }
                catch let error as DomainError {
                    // The loser either read version 1 and lost the version check (conflict), or —
                    // when the machine is slow and it reads after the winner committed — sees the
                    // new status and is refused. Either way: a clear message, nothing half-done.
                    switch error {
                    case .concurrentUpdate: outcomes.add("conflict")
                    case .illegalTransition: outcomes.add("conflict")
                    default: outcomes.add("\(error)")
                    }
                }
                catch { outcomes.add("\(error)") }
            }
        }
        Thread.sleep(forTimeInterval: 0.5)
        release.signal()
        done.wait()
        #expect(outcomes.sorted == ["conflict", "ok"])
        #expect(try sb.ticket(id: ticket.id)?.version == 2)
        #expect(try sb.history(id: ticket.id).map(\.action) == ["file", "accept"])
    }

    /// A server restart (here: every backend terminated) fails what was in
    /// flight, and the pool reconnects by itself.
    @Test func lostConnectionsAreReopened() throws {
        let (db, url) = try TestPostgres.seeded()
        let admin = try PostgresDatabase(url: url)
        _ = try db.read { try $0.query("SELECT 1 AS one") }
        try admin.write { conn in
            _ = try conn.query("""
                SELECT pg_terminate_backend(pid) AS t FROM pg_stat_activity
                WHERE pid <> pg_backend_pid() AND datname = current_database() AND application_name = 'guanlan'
                """)
        }
        Thread.sleep(forTimeInterval: 0.2)
        #expect(try db.read { try $0.queryOne("SELECT COUNT(*) AS n FROM venues")?.int("n") } == 17)
    }

    @Test func aSQLiteDatabaseMovesUpToAnEmptyPostgreSQL() throws {
        let (sqlite, _) = try TestDatabase.file()
        let rules = try TestDatabase.rules()
        let p = try GridService(db: sqlite).placement(community: nil, estate: "香榭郦景", building: "3栋")
        let intake = GrievanceIntake(description: "电梯坏了", placement: p, community: p?.community, estate: p?.estate,
                                     building: p?.building, reporterName: "张三", reporterPhone: "13800138000")
        let ticket = try GrievanceService(db: sqlite, clock: clock, rules: rules).file(intake)
        _ = try GrievanceService(db: sqlite, clock: clock, rules: rules).update(id: ticket.id, action: .accept, note: "已联系", actor: "op1")
        _ = try ActivityService(db: sqlite, clock: clock).book(activityCode: "HD-001", start: Clock.parseISO("2026-12-02T15:00:00+08:00")!,
                                                               partySize: 2, name: nil, phone: "13900000000")
        let target = try PostgresDatabase(url: try TestPostgres.emptySchema())
        let counts = try DatabaseCopy(from: sqlite, to: target).run()
        // The filing's entry is in the ticket's row (`filed_note`); the accept is a history row.
        #expect(counts.first { $0.table == "ticket_events" }?.rows == 1)
        #expect(counts.first { $0.table == "grid_buildings" }?.rows == 3002)
        #expect(counts.first { $0.table == "bookings" }?.rows == 1)
        // The moved database goes on where the old one stopped.
        let moved = GrievanceService(db: target, clock: clock, rules: rules)
        #expect(try moved.history(id: ticket.id).map(\.action) == ["file", "accept"])
        #expect(try moved.file(intake).id == "GL20261129-0002")
        // A non-empty target is refused and left as it was.
        #expect(throws: DatabaseCopy.Failure.targetNotEmpty(table: "activities", rows: 54)) {
            try DatabaseCopy(from: sqlite, to: target).run()
        }
    }
}

final class Outcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String] = []
    func add(_ value: String) { lock.lock(); values.append(value); lock.unlock() }
    var sorted: [String] { lock.lock(); defer { lock.unlock() }; return values.sorted() }
}
