@testable import Domain
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

/// `SQLiteDatabase.write(_:completion:)`: the group committer's completions.
@Suite struct AsynchronousWriteTests {
    /// What each completion saw, in the order they ran.
    final class Log: @unchecked Sendable {  // `entries` under `lock`
        private let lock = NSLock()
        private var entries: [String] = []
        func add(_ entry: String) { lock.withLock { entries.append(entry) } }
        var all: [String] { lock.withLock { entries } }
    }

    /// The completion runs after the commit: a second connection to the file (which sees committed
    /// rows only) already reads the write from inside the completion.
    @Test func aCompletionRunsOnlyAfterItsWriteIsCommitted() throws {
        let (db, path) = try TestDatabase.file()
        let observer = try SQLiteDatabase(path: path)
        let clock = TestDatabase.clock
        let log = Log()
        let done = DispatchSemaphore(value: 0)
        #expect(db.writesAsynchronously)
        db.write({ conn in try IdentifierSequence.next(prefix: "ZZ", on: clock.now, clock: clock, in: conn) }) { result in
            let seen = try? observer.read { conn in
                try conn.queryOne("SELECT last_value FROM id_counters WHERE prefix = 'ZZ'")?.int("last_value")
            }
            log.add("\((try? result.get()) ?? "failed") seen=\(seen.map(String.init) ?? "nothing")")
            done.signal()
        }
        done.wait()
        #expect(log.all == ["ZZ20261129-0001 seen=1"])
    }

    /// Writes handed over while the committer is busy form one batch; the one that throws fails
    /// alone (its id is given back), the others commit, and completions come in submission order.
    @Test func aFailedWriteInABatchFailsOnlyItself() throws {
        let (db, path) = try TestDatabase.file()
        let clock = TestDatabase.clock
        struct Boom: Error {}
        let log = Log()
        let started = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let group = DispatchGroup()
        // Holds the committer until all ten are waiting, so that they share a batch.
        group.enter()
        db.write({ _ in started.signal(); release.wait() }) { _ in group.leave() }
        started.wait()
        let (batchesBefore, _) = db.groupCommits
        for index in 0..<10 {
            group.enter()
            db.write({ conn -> String in
                let id = try IdentifierSequence.next(prefix: "ZZ", on: clock.now, clock: clock, in: conn)
                if index == 3 { throw Boom() }
                return id
            }) { result in
                switch result {
                case .success(let id): log.add("\(index) \(id)")
                case .failure(let error): log.add("\(index) \(error is Boom ? "boom" : "\(error)")")
                }
                group.leave()
            }
        }
        release.signal()
        group.wait()
        let expected = (0..<10).map { index in
            index == 3 ? "3 boom" : "\(index) ZZ20261129-\(String(format: "%04d", index < 3 ? index + 1 : index))"
        }
        #expect(log.all == expected)
        #expect(db.groupCommits.batches == batchesBefore + 2)  // the holder's, then the ten
        let reopened = try SQLiteDatabase(path: path)
        #expect(try reopened.read { try $0.queryOne("SELECT last_value FROM id_counters WHERE prefix = 'ZZ'")?.int("last_value") } == 9)
    }

    /// A write that throws (alone in its batch: no savepoint) is rolled back and reports its own error;
    /// `finishWrites` returns only after every completion handed over before it has run.
    @Test func aFailureKeepsItsOwnErrorAndFinishWritesWaits() throws {
        let db = try TestDatabase.memory()
        struct Mine: Error, Equatable { var n: Int }
        let log = Log()
        db.write({ conn -> Int in
            try conn.execute("INSERT INTO id_counters (prefix, day, last_value) VALUES ('YY', '20261129', 5)")
            throw Mine(n: 7)
        }) { result in
            if case .failure(let error as Mine) = result { log.add("mine \(error.n)") } else { log.add("other") }
        }
        for n in 0..<5 {
            db.write({ _ in n }) { result in log.add("ok \((try? result.get()) ?? -1)") }
        }
        db.finishWrites()
        #expect(log.all == ["mine 7", "ok 0", "ok 1", "ok 2", "ok 3", "ok 4"])
        #expect(try db.read { try $0.queryOne("SELECT last_value FROM id_counters WHERE prefix = 'YY'") } == nil)
    }
}

@Suite struct ClockFormattingTests {
    /// `display`, `dayStamp` and `padded` by arithmetic say what Foundation's calendar says.
    @Test(arguments: [0, 86_399, 951_782_400, 1_795_915_800, -1, 4_102_444_800, 1_709_164_800, 1_583_020_800])
    func localFieldsMatchFoundationsCalendar(epoch: Int) {
        for zone in [TimeZone(identifier: "Asia/Shanghai")!, TimeZone(secondsFromGMT: 0)!, TimeZone(secondsFromGMT: -16_200)!,
                     TimeZone(identifier: "America/New_York")!] {
            let clock = Clock(frozenAt: nil, timeZone: zone)
            let date = Date(timeIntervalSince1970: TimeInterval(epoch))
            let c = clock.calendar.dateComponents([.year, .month, .day, .weekday, .hour, .minute], from: date)
            let weekday = ["日", "一", "二", "三", "四", "五", "六"][c.weekday! - 1]
            #expect(clock.display(date) == "\(c.month!)月\(c.day!)日（周\(weekday)）" + String(format: "%02d:%02d", c.hour!, c.minute!))
            #expect(clock.dayStamp(date) == String(format: "%04d%02d%02d", c.year!, c.month!, c.day!))
            let day = CalendarDay(date, calendar: clock.calendar)
            for step in [-400, -1, 0, 1, 29, 366] {
                let moved = clock.calendar.date(byAdding: .day, value: step, to: day.start(in: clock.calendar))!
                #expect(day.adding(days: step, calendar: clock.calendar) == CalendarDay(moved, calendar: clock.calendar))
            }
            let w = clock.calendar.component(.weekday, from: day.start(in: clock.calendar))
            #expect(day.isoWeekday(calendar: clock.calendar) == (w == 1 ? 7 : w - 1))
        }
        for (value, width) in [(0, 2), (7, 2), (42, 2), (2026, 4), (5, 4), (-3, 3), (123_456, 2), (-12_345, 8)] {
            #expect(Clock.padded(value, width) == String(format: "%0*d", width, value))
        }
    }

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
