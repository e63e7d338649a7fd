@testable import Domain
import Foundation
import SQLiteStorage
import Testing

/// Ids of one group commit counted in memory after the first (`IdentifierBatch`): the same
/// ids, in the same order, as bumping the counter row for each; the row holds the last id
/// after the COMMIT; an id noted as taken inside the batch is never issued again.
@Suite struct IdentifierBatchTests {
    /// Twenty writes held into one batch, two prefixes interleaved: consecutive ids per prefix,
    /// the rows at the last one, and a reopened database carries on from there.
    @Test func oneBatchIssuesConsecutiveIdsAndLeavesTheRowsAtTheLast() throws {
        let (db, path) = try TestDatabase.file()
        let clock = TestDatabase.clock
        let started = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0)
        let group = DispatchGroup()
        group.enter()
        db.write({ _ in started.signal(); release.wait() }) { _ in group.leave() }
        started.wait()
        let lock = NSLock()
        nonisolated(unsafe) var ids: [Int: String] = [:]
        for index in 0..<20 {
            group.enter()
            db.write({ conn in
                try IdentifierSequence.next(prefix: index % 2 == 0 ? "GL" : "BK", on: clock.now, clock: clock, in: conn)
            }) { result in
                lock.withLock { ids[index] = try? result.get() }
                group.leave()
            }
        }
        let batchesBefore = db.groupCommits.batches
        release.signal()
        group.wait()
        #expect(db.groupCommits.batches == batchesBefore + 2)  // the holder's, then the twenty
        for index in 0..<20 {
            let prefix = index % 2 == 0 ? "GL" : "BK"
            #expect(ids[index] == String(format: "\(prefix)20261129-%04d", index / 2 + 1))
        }
        let reopened = try SQLiteDatabase(path: path)
        let rows = try reopened.read { try $0.query("SELECT prefix, last_value FROM id_counters WHERE prefix IN ('BK', 'GL') AND day = '20261129' ORDER BY prefix") }
        #expect(rows.map { "\($0.string("prefix")) \($0.int("last_value"))" } == ["BK 10", "GL 10"])
        let next = try reopened.write { try IdentifierSequence.next(prefix: "GL", on: clock.now, clock: clock, in: $0) }
        #expect(next == "GL20261129-0011")
    }

    /// Inside one transaction: ids counted in memory, then an id noted as taken (an import)
    /// above them, then more ids: they continue above the noted one.
    @Test func anIdNotedInsideTheBatchIsNotIssuedAgain() throws {
        let (db, _) = try TestDatabase.file()
        let clock = TestDatabase.clock
        let ids = try db.write { conn -> [String] in
            var ids: [String] = []
            for _ in 0..<3 { ids.append(try IdentifierSequence.next(prefix: "GL", on: clock.now, clock: clock, in: conn)) }
            try IdentifierSequence.noteIssued("GL20261129-0007", in: conn)
            for _ in 0..<2 { ids.append(try IdentifierSequence.next(prefix: "GL", on: clock.now, clock: clock, in: conn)) }
            return ids
        }
        #expect(ids == ["GL20261129-0001", "GL20261129-0002", "GL20261129-0003", "GL20261129-0008", "GL20261129-0009"])
        #expect(try db.read { try $0.queryOne("SELECT last_value FROM id_counters WHERE prefix = 'GL'")?.int("last_value") } == 9)
    }
}
