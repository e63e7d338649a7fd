import Domain
import Foundation
import SQLiteStorage
import Testing

/// `SQLiteDatabase.write` under concurrency: group commit keeps each write's
/// own outcome and the "durable when it returns" contract.
@Suite struct GroupCommitTests {
    @Test func concurrentWritesEachGetTheirOwnIdAndOneFailureSparesTheOthers() throws {
        let (db, path) = try TestDatabase.file()
        let clock = TestDatabase.clock
        struct Boom: Error {}
        let writers = 64
        let lock = NSLock()
        nonisolated(unsafe) var ids: [String] = []
        nonisolated(unsafe) var failures = 0
        DispatchQueue.concurrentPerform(iterations: writers) { index in
            do {
                let id = try db.write { conn -> String in
                    let id = try IdentifierSequence.next(prefix: "GL", on: clock.now, clock: clock, in: conn)
                    if index % 8 == 0 { throw Boom() }  // its number is given back; the batch goes on
                    return id
                }
                lock.withLock { ids.append(id) }
            } catch {
                lock.withLock { failures += 1 }
            }
        }
        #expect(failures == writers / 8)
        #expect(Set(ids).count == ids.count)
        // Every returned id is on disk for a fresh connection, and none was skipped.
        let reopened = try SQLiteDatabase(path: path)
        let next = try reopened.write { try IdentifierSequence.next(prefix: "GL", on: clock.now, clock: clock, in: $0) }
        #expect(next == String(format: "GL20261129-%04d", ids.count + 1))
    }

    @Test func aThrownErrorComesBackUnchanged() throws {
        let db = try TestDatabase.memory()
        struct Mine: Error, Equatable { var n: Int }
        #expect(throws: Mine(n: 7)) { try db.write { _ in throw Mine(n: 7) } }
        #expect(try db.write { _ in 42 } == 42)
    }
}

@Suite struct ClockFormattingTests {
    @Test(arguments: [0, 86_399, 951_782_400, 1_795_915_800, -1, 4_102_444_800])
    func isoMatchesFoundationsFormatter(epoch: Int) {
        for zone in [TimeZone(identifier: "Asia/Shanghai")!, TimeZone(secondsFromGMT: 0)!, TimeZone(secondsFromGMT: -16_200)!] {
            let clock = Clock(frozenAt: nil, timeZone: zone)
            let reference = ISO8601DateFormatter()
            reference.timeZone = zone
            reference.formatOptions = [.withInternetDateTime]
            let date = Date(timeIntervalSince1970: TimeInterval(epoch))
            #expect(clock.iso(date) == reference.string(from: date))
        }
    }
}
