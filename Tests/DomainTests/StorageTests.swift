import Domain
import Foundation
import SQLiteStorage
import Testing

@Suite struct StorageTests {
    @Test func idsAreSequentialPerDayAndWidenPastFourDigits() throws {
        let db = try TestDatabase.memory()
        let clock = TestDatabase.clock
        let first = try db.write { try IdentifierSequence.next(prefix: "GL", on: clock.now, clock: clock, in: $0) }
        #expect(first == "GL20261129-0001")
        try db.write { try $0.execute("UPDATE id_counters SET last_value = 9999 WHERE prefix = 'GL'") }
        #expect(try db.write { try IdentifierSequence.next(prefix: "GL", on: clock.now, clock: clock, in: $0) } == "GL20261129-10000")
        let tomorrow = clock.now.addingTimeInterval(86_400)
        #expect(try db.write { try IdentifierSequence.next(prefix: "GL", on: tomorrow, clock: clock, in: $0) } == "GL20261130-0001")
    }

    @Test func aFailedWriteLeavesNothingBehind() throws {
        let db = try TestDatabase.memory()
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try db.write { conn in
                try conn.execute("DELETE FROM grid_buildings")
                throw Boom()
            }
        }
        #expect(try db.read { try $0.queryOne("SELECT COUNT(*) AS n FROM grid_buildings")?.int("n") } == 3002)
    }

    @Test func idsSurviveAReopen() throws {
        let (db, path) = try TestDatabase.file()
        let clock = TestDatabase.clock
        _ = try db.write { try IdentifierSequence.next(prefix: "YY", on: clock.now, clock: clock, in: $0) }
        let reopened = try SQLiteDatabase(path: path)
        #expect(try reopened.write { try IdentifierSequence.next(prefix: "YY", on: clock.now, clock: clock, in: $0) } == "YY20261129-0002")
    }

    @Test func anUnopenableDatabaseIsAClearError() {
        #expect(throws: StorageError.self) { _ = try SQLiteDatabase(path: "/proc/guanlan/nope.db") }
    }

    @Test func csvErrorsNameFileLineAndColumn() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("guanlan-csv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for name in ["grid.csv", "venues.csv", "activities.csv", "enterprises.csv"] {
            try FileManager.default.copyItem(at: TestDatabase.dataDirectory.appendingPathComponent(name), to: dir.appendingPathComponent(name))
        }
        var text = try String(contentsOf: dir.appendingPathComponent("activities.csv"), encoding: .utf8)
        text = text.replacingOccurrences(of: "HD-003,轻松瑜伽,健身,QL-01,周二|周四", with: "HD-003,轻松瑜伽,健身,QL-01,周八")
        try text.write(to: dir.appendingPathComponent("activities.csv"), atomically: true, encoding: .utf8)
        let db = try TestDatabase.memory()
        #expect {
            try SampleDataImporter(dataDirectory: dir, isValidCreditCode: { _ in true }).importAll(into: db)
        } throws: { error in
            guard let e = error as? ImportError else { return false }
            return e.file.hasSuffix("activities.csv") && e.line == 4 && e.column == "schedule"
        }
        #expect(try db.read { try $0.queryOne("SELECT schedule FROM activities WHERE activity_code = 'HD-003'")?.string("schedule") } == "周二|周四")
    }

    @Test func quotedCSVFieldsAreRead() throws {
        let t = try CSVTable(file: "x.csv", text: "a,b\n\"1,2\",\"say \"\"hi\"\"\"\n")
        #expect(t.rows[0]["a"] == "1,2" && t.rows[0]["b"] == "say \"hi\"")
    }
}
