import Testing
@testable import Understanding

/// A time wholly before today is no evidence for a cancellation, which is of something to come
/// (activity.cancel is the one intent that takes a time as evidence). Said on 2026-11-29.
@Suite struct PastTimeEvidenceTests {
    func understand(_ text: String) -> Understanding { Fixtures.understander.understand(text, context: Fixtures.context) }

    @Test func aBookingMadeDaysAgoIsCancelledByItsId() {
        let u = understand("我前两天约了个停车位，预约号YD20261127-0003，亲戚不来了，麻烦帮我取消一下。")
        #expect(u.intent == "cobuild.resource.cancel")
        #expect(u.slots["resource_booking_id"] == .string("YD20261127-0003"))
    }

    @Test(arguments: ["下周六的书法课去不成了", "明天的瑜伽不去了", "周三的太极拳取消"])
    func aSessionToComeStillSpeaksForTheCancellation(text: String) {
        #expect(understand(text).intent == "activity.cancel")
    }

    @Test func aTimeBeforeTodayIsNotPresentButOneFromTodayIs() {
        let today = Analysis.startOfToday(Fixtures.context)
        #expect(today == "2026-11-29T00:00:00")
        func time(_ value: String, _ end: String? = nil) -> Entity {
            Entity(type: .time, text: "", start: 0, end: 0, value: .string(value), valueEnd: end)
        }
        #expect(Analysis.isBefore(time("2026-11-27T00:00:00+08:00", "2026-11-29T00:00:00+08:00"), today))
        #expect(Analysis.isBefore(time("2026-11-28T00:00:00+08:00"), today))
        #expect(!Analysis.isBefore(time("2026-11-29T00:00:00+08:00"), today))
        #expect(!Analysis.isBefore(time("2026-11-28T18:00:00+08:00", "2026-11-29T18:00:00+08:00"), today))
    }
}
