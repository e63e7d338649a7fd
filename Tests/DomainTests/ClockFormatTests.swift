@testable import Domain
import Foundation
import Testing

/// Dates and day stamps formatted by hand read as `String(format:)` made them.
@Suite struct ClockFormatTests {
    @Test(arguments: [(0, 2), (7, 2), (42, 2), (123, 2), (2026, 4), (5, 4), (-3, 2), (-12, 4), (0, 0)])
    func padsAsPrintfDoes(value: Int, width: Int) {
        #expect(Clock.padded(value, width) == String(format: "%0*d", width, value))
    }

    @Test func formatsDatesAsBefore() throws {
        let zones = [TimeZone(identifier: "Asia/Shanghai")!, TimeZone(secondsFromGMT: 0)!, TimeZone(secondsFromGMT: -(5 * 3600 + 1800))!]
        for zone in zones {
            let clock = Clock(frozenAt: nil, timeZone: zone)
            for epoch in stride(from: 0, to: 2_000_000_000, by: 86_399 * 37 + 1234) {
                let date = Date(timeIntervalSince1970: TimeInterval(epoch))
                let c = clock.calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
                #expect(clock.dayStamp(date) == String(format: "%04d%02d%02d", c.year!, c.month!, c.day!))
                #expect(clock.display(date).hasSuffix(String(format: "%02d:%02d", c.hour!, c.minute!)))
                // The whole text as the interpolated pieces made it, with and without the time.
                let weekday = ["日", "一", "二", "三", "四", "五", "六"][clock.calendar.component(.weekday, from: date) - 1]
                let day = "\(c.month!)月\(c.day!)日（周\(weekday)）"
                #expect(clock.display(date) == day + String(format: "%02d:%02d", c.hour!, c.minute!))
                #expect(clock.display(date, withTime: false) == day)
                var written: [UInt8] = Array("x".utf8)
                clock.writeISO(date, to: &written)
                #expect(written == Array(("x" + clock.iso(date)).utf8))
                let formatter = ISO8601DateFormatter()
                formatter.timeZone = zone
                formatter.formatOptions = [.withInternetDateTime]
                #expect(clock.iso(date) == formatter.string(from: date))
            }
        }
        #expect(Clock.frozen(iso: "2026-11-29T09:00:00+08:00")!.calendar.firstWeekday == 2)
    }
}
