import Domain
import Foundation
import Testing

@Suite struct WeeklyWindowTests {
    @Test(arguments: [
        ("工作日 19:00-次日08:00", "工作日 19:00-次日08:00", 5 * 13 * 60),
        ("周末 09:00–18:00", "周末 09:00-18:00", 2 * 9 * 60),
        ("周二|周四 14:00-17:00", "周二|周四 14:00-17:00", 2 * 3 * 60),
        ("周一至周五 晚上", "工作日 18:00-22:00", 5 * 4 * 60),
        ("每天 20:00到7:00", "每天 20:00-次日07:00", 7 * 11 * 60),
        ("周末", "周末 00:00-24:00", 2 * 24 * 60),
        ("缺少儿童活动场地 星期六", "周六 00:00-24:00", 24 * 60),
    ])
    func readsWhatOperatorsType(_ text: String, canonical: String, minutes: Int) throws {
        let w = try #require(WeeklyWindow(text))
        #expect(w.description == canonical)
        #expect(w.weeklyMinutes == minutes)
        #expect(WeeklyWindow(w.description) == w)
    }

    @Test func noWindowInPlainText() {
        #expect(WeeklyWindow("缺少儿童活动场地") == nil)
        #expect(WeeklyWindow.find(in: "车位 40个") == nil)
    }

    @Test func overlapCountsMinutesAcrossMidnightAndTheWeekEnd() throws {
        let night = try #require(WeeklyWindow("工作日 19:00-次日08:00"))
        let evening = try #require(WeeklyWindow("每天 18:00-22:00"))
        #expect(night.overlapMinutes(with: evening) == 5 * 3 * 60)
        let sundayNight = try #require(WeeklyWindow("周日 22:00-次日06:00"))
        let mondayMorning = try #require(WeeklyWindow("周一 05:00-09:00"))
        #expect(sundayNight.overlapMinutes(with: mondayMorning) == 60)
        #expect(night.overlapMinutes(with: try #require(WeeklyWindow("周末 09:00-12:00"))) == 0)
    }

    @Test func openingOnADayRunsIntoTheNextMorning() throws {
        let clock = Clock.frozen(iso: "2026-11-29T09:00:00+08:00")!
        let night = try #require(WeeklyWindow("工作日 19:00-次日08:00"))
        let tuesday = CalendarDay(year: 2026, month: 12, day: 1)
        let opening = try #require(night.opening(on: tuesday, calendar: clock.calendar))
        #expect(clock.iso(opening.start) == "2026-12-01T19:00:00+08:00")
        #expect(clock.iso(opening.end) == "2026-12-02T08:00:00+08:00")
        #expect(night.opening(on: CalendarDay(year: 2026, month: 12, day: 5), calendar: clock.calendar) == nil)
    }
}

extension WeeklyWindowTests {
    /// The stored form is read by a fast path; it must agree with the general reader.
    @Test(arguments: ["工作日 19:00-次日08:00", "周末 09:00-18:00", "周二|周四 14:00-17:00", "每天 00:00-24:00", "周日 22:00-次日06:00"])
    func theStoredFormReadsTheSameBothWays(_ text: String) throws {
        let general = try #require(WeeklyWindow.find(in: text)?.window)
        #expect(WeeklyWindow(text) == general)
        #expect(general.description == text)
    }
}
