import Foundation
import Testing
@testable import Understanding

/// Readings added for Duckling's corpus (issue 3): periods counted from now, Cantonese 今个,
/// holidays kept in mainland China, am/pm, Cantonese five-minute marks, English-order dates,
/// a weekday before its date, the nth weekday of a named month. Said on Sunday 2026-11-29 09:00.
@Suite struct TimeReadingsTests {
    static func one(_ text: String) -> Entity? {
        let found = TimeExtractorTests.times(text)
        return found.count == 1 && found[0].start == 0 && found[0].end == text.unicodeScalars.count ? found[0] : nil
    }

    @Test(arguments: [
        // The last N units end where the current one begins; the next N begin with the next one.
        ("前两天", "2026-11-27T00:00:00+08:00", "2026-11-29T00:00:00+08:00", "day"),
        ("后三天", "2026-11-30T00:00:00+08:00", "2026-12-03T00:00:00+08:00", "day"),
        ("上两周", "2026-11-09T00:00:00+08:00", "2026-11-23T00:00:00+08:00", "week"),
        ("下三个月", "2026-12-01T00:00:00+08:00", "2027-03-01T00:00:00+08:00", "month"),
        ("前两个小时", "2026-11-29T07:00:00+08:00", "2026-11-29T09:00:00+08:00", "hour"),
        ("两个钟之前", "2026-11-29T07:00:00+08:00", "2026-11-29T09:00:00+08:00", "hour"),
        ("三分钟之后", "2026-11-29T09:01:00+08:00", "2026-11-29T09:04:00+08:00", "minute"),
        ("两年前", "2024-01-01T00:00:00+08:00", "2026-01-01T00:00:00+08:00", "year"),
        ("明后两天", "2026-11-30T00:00:00+08:00", "2026-12-02T00:00:00+08:00", "day"),
    ])
    func periodsCountedFromNow(text: String, start: String, end: String, grain: String) {
        let found = TimeExtractorTests.times(text)
        #expect(found.last?.value == .string(start))
        #expect(found.last?.valueEnd == end)
        #expect(found.last?.grain == grain)
    }

    @Test(arguments: [
        // Days counted before 前 / 后 are that day (a hotline's 三天后, 两天前).
        ("三天后", "2026-12-02T00:00:00+08:00"), ("两天前", "2026-11-27T00:00:00+08:00"),
        ("三日之后", "2026-12-02T00:00:00+08:00"),
        // Cantonese 今个 before a weekday reads it as a bare one; 前日 is the day before yesterday.
        ("今个星期三", "2026-12-02T00:00:00+08:00"), ("今個禮拜日", "2026-11-29T00:00:00+08:00"),
        ("今个月二十号", "2026-11-20T00:00:00+08:00"), ("前日", "2026-11-27T00:00:00+08:00"),
        ("大后日", "2026-12-02T00:00:00+08:00"),
        // Holidays kept in mainland China; 三一五 alone.
        ("儿童节", "2027-06-01T00:00:00+08:00"), ("兒童節", "2027-06-01T00:00:00+08:00"),
        ("三八妇女节", "2027-03-08T00:00:00+08:00"), ("八一建军节", "2027-08-01T00:00:00+08:00"),
        ("教师节", "2027-09-10T00:00:00+08:00"), ("三一五", "2027-03-15T00:00:00+08:00"),
        ("澳门回归纪念日", "2026-12-20T00:00:00+08:00"), ("阳历新年", "2027-01-01T00:00:00+08:00"),
        // A weekday before its date; the nth weekday of a named month; month/day/year.
        ("周六, 十二月五号", "2026-12-05T00:00:00+08:00"), ("十二月第一个星期一", "2026-12-07T00:00:00+08:00"),
        ("十二月的最后一个周五", "2026-12-25T00:00:00+08:00"), ("3/3/2027", "2027-03-03T00:00:00+08:00"),
        ("10/31/74", "1974-10-31T00:00:00+08:00"),
        // am / pm; Cantonese five-minute marks.
        ("3pm", "2026-11-29T15:00:00+08:00"), ("10am", "2026-11-29T10:00:00+08:00"),
        ("3:15pm", "2026-11-29T15:15:00+08:00"), ("9:30 AM", "2026-11-29T09:30:00+08:00"), ("8am", "2026-11-30T08:00:00+08:00"),
        ("下昼三点踏三", "2026-11-29T15:15:00+08:00"), ("下昼三点搭半", "2026-11-29T15:30:00+08:00"),
        ("下昼三点三个字", "2026-11-29T15:15:00+08:00"),
        // Now, in Cantonese.
        ("而家", "2026-11-29T09:00:00+08:00"),
    ])
    func readings(text: String, value: String) {
        #expect(Self.one(text)?.value == .string(value))
    }

    /// Words that only look like the new readings.
    @Test(arguments: ["查一下12月的课", "上年纪的人", "目前日期不对", "最后两天", "上两天班", "9:30 A栋", "三一五房", "二三一五"])
    func notTheseReadings(text: String) {
        let found = TimeExtractorTests.times(text)
        switch text {
        case "查一下12月的课": #expect(found.map(\.text) == ["12月"])
        case "9:30 A栋": #expect(found.first?.text == "9:30")
        default: #expect(found.isEmpty, "\(text): \(found.map(\.text))")
        }
    }

    /// Deadlines said with 前: before March, before the 5th — not months or days ago.
    @Test func deadlinesAreNotPeriods() {
        #expect(TimeExtractorTests.times("3月前交材料").first?.value == .string("2027-03-01T00:00:00+08:00"))
        #expect(TimeExtractorTests.times("下个月5日前交").first?.value == .string("2026-12-05T00:00:00+08:00"))
        #expect(TimeExtractorTests.times("两日前").first?.value == .string("2026-11-27T00:00:00+08:00"))
    }

    /// 从前天开始: 前天 stays the day before yesterday (the guard is for 前日 inside words).
    @Test func fromTheDayBeforeYesterday() {
        #expect(TimeExtractorTests.times("电梯从前天开始就坏了").first?.value == .string("2026-11-27T00:00:00+08:00"))
    }
}

/// Lunar holidays for any year (Foundation's Chinese calendar), not a table of three years.
@Suite struct LunarHolidayTests {
    @Test(arguments: [
        ("春节", "2027-02-06"), ("2029年春节", "2029-02-13"), ("2040年中秋", "2040-09-20"), ("2027年端午", "2027-06-09"),
        ("明年除夕", "2027-02-05"), ("2027年元宵节", "2027-02-20"), ("2030年清明", "2030-04-05"), ("2028年清明节", "2028-04-04"),
        ("2013年春节", "2013-02-10"), ("2028年中秋节", "2028-10-03"),
    ])
    func lunarHolidays(text: String, day: String) {
        #expect(TimeReadingsTests.one(text)?.value == .string(day + "T00:00:00+08:00"))
    }

    @Test func aDumplingIsNoHoliday() {
        #expect(TimeExtractorTests.times("吃元宵").isEmpty)
    }
}
