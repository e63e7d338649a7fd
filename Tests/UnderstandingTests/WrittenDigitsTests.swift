import Foundation
import Testing
@testable import Understanding

/// The small writers the parse uses to build its values in one buffer.
@Suite struct WrittenDigitsTests {
    @Test func writtenArrayKeepsWhatWasWritten() {
        let three = [Int32].written(capacity: 8) { buffer in
            for k in 0..<3 { buffer.initializeElement(at: k, to: Int32(10 * (k + 1))) }
            return 3
        }
        #expect(three == [10, 20, 30])
        #expect([Int32].written(capacity: 4) { _ in 0 } == [])
        // Larger than a stack buffer: the same.
        let many = [UInt8].written(capacity: 5000) { buffer in
            for k in 0..<5000 { buffer.initializeElement(at: k, to: UInt8(k % 251)) }
            return 5000
        }
        #expect(many.count == 5000 && many[4999] == UInt8(4999 % 251))
    }

    @Test(arguments: [
        (2026, 1, 5, "2026-01-05"), (999, 12, 31, "0999-12-31"), (12345, 1, 5, "12345-01-05"), (-1, 1, 1, "00-1-01-01"),
    ])
    func isoDay(year: Int, month: Int, day: Int, written: String) {
        #expect(UpcomingDay.isoDay(year, month, day) == written)
    }

    @Test func isoInstantInBufferAndTheLongWay() {
        let shanghai = TimeZone(identifier: "Asia/Shanghai")!
        let day = LocalDay(year: 2026, month: 12, day: 5)!
        #expect(LocalTime(day: day, second: 9 * 3600 + 30 * 60 + 7).iso(in: shanghai) == "2026-12-05T09:30:07+08:00")
        // A year past 9999 is written by padding, with the same shape.
        let far = LocalDay(year: 10000, month: 1, day: 2)!
        #expect(LocalTime(day: far, second: 61).iso(in: TimeZone(identifier: "UTC")!) == "10000-01-02T00:01:01+00:00")
        #expect(LocalTime(day: day).iso(in: TimeZone(secondsFromGMT: -5 * 3600)!) == "2026-12-05T00:00:00-05:00")
    }
}
