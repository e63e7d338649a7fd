import Foundation
import Testing
@testable import Understanding

/// `upcoming` time slots: a weekday of this week that has passed means the
/// coming one for a booking or a search, and stays this week's for a report.
@Suite struct UpcomingDayTests {
    func slots(_ text: String, at now: String = "2026-11-29T01:00:00Z") -> (intent: String?, time: String?, end: String?) {
        let context = ParseContext(now: ISO8601DateFormatter().date(from: now)!, timeZone: TimeZone(secondsFromGMT: 8 * 3600)!)
        let u = Fixtures.understander.understand(text, context: context)
        return (u.intent, u.slots["time"]?.string, u.slots["time_end"]?.string)
    }

    @Test func aPassedDayOfThisWeekIsNextWeeksForABooking() {
        // Sunday 2026-11-29: 这周四 was 11-26.
        let booked = slots("给我爸约个智能手机课堂，这周四10点那场，电话18926650321")
        #expect(booked.intent == "activity.book")
        #expect(booked.time == "2026-12-03T10:00:00+08:00")
        #expect(slots("这个礼拜六有书法课吗").time == "2026-12-05T00:00:00+08:00")
    }

    @Test func anIntervalMovesWithItsStart() {
        let free = slots("这周六上午桂花社区有谁有空，会电工的")
        #expect(free.intent == "cobuild.volunteer.free")
        #expect(free.time == "2026-12-05T08:00:00+08:00")
        #expect(free.end == "2026-12-05T12:00:00+08:00")
    }

    @Test func aReportKeepsThisWeeksDay() {
        let report = slots("这周四开始楼道一直漏水 香榭郦景3栋 电话13800001111")
        #expect(report.intent == "grievance.file")
        #expect(report.time == "2026-11-26T00:00:00+08:00")
    }

    @Test func todayAndDaysAheadDoNotMove() {
        #expect(slots("预约 这周日 瑜伽 1人 13800001111").time == "2026-11-29T00:00:00+08:00")
        // Said on Wednesday 2026-12-02: 这周四 is tomorrow.
        #expect(slots("预约 这周四 瑜伽 1人 13800001111", at: "2026-12-02T01:00:00Z").time == "2026-12-03T00:00:00+08:00")
        // A bare weekday already looks ahead; 上周四 is said of the past on purpose.
        #expect(slots("预约 周四 瑜伽 1人 13800001111").time == "2026-12-03T00:00:00+08:00")
        #expect(slots("预约 上周四 瑜伽 1人 13800001111").time == "2026-11-19T00:00:00+08:00")
    }

    @Test func onlyThisWeeksWeekdaysCount() {
        #expect(UpcomingDay.namesThisWeeksDay("这周四10点"))
        #expect(UpcomingDay.namesThisWeeksDay("本周三"))
        #expect(UpcomingDay.namesThisWeeksDay("这个星期五晚上"))
        #expect(!UpcomingDay.namesThisWeeksDay("这周末"))
        #expect(!UpcomingDay.namesThisWeeksDay("下周四"))
        #expect(!UpcomingDay.namesThisWeeksDay("周四"))
        #expect(UpcomingDay.weekLater("2026-12-29T19:30:00+08:00") == "2027-01-05T19:30:00+08:00")
    }

    @Test func upcomingIsOnlyForTimes() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("upcoming-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "intent: x.book\nlabel: 约\nsummary: 约\ntriggers: [约]\nslots:\n  - name: phone\n    type: phone\n    upcoming: true\n"
            .write(to: dir.appendingPathComponent("x.book.yaml"), atomically: true, encoding: .utf8)
        #expect(throws: (any Error).self) { try IntentCatalog.load(from: dir) }
    }
}
