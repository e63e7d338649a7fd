import Domain
import Foundation
import Testing

/// A problem has already happened: a time read forward (as for a booking) is
/// brought back a day, or dropped when it lies further ahead.
@Suite struct OccurrenceTimeTests {
    static let now = Date(timeIntervalSince1970: 1_795_914_000) // 2026-11-29 09:00 +08:00

    @Test func aPastTimeStays() {
        let earlier = Self.now.addingTimeInterval(-3_600)
        #expect(OccurrenceTime.past(earlier, now: Self.now) == earlier)
        #expect(OccurrenceTime.past(Self.now, now: Self.now) == Self.now)
    }

    @Test func aClockTimeReadAsTomorrowIsThisMorning() {
        // 早上7点 said at 09:00 was read as tomorrow 07:00: it happened today at 07:00.
        let tomorrowSeven = Self.now.addingTimeInterval(22 * 3_600)
        #expect(OccurrenceTime.past(tomorrowSeven, now: Self.now) == Self.now.addingTimeInterval(-2 * 3_600))
    }

    @Test func aTimeFurtherAheadIsNoOccurrence() {
        #expect(OccurrenceTime.past(Self.now.addingTimeInterval(3 * 86_400), now: Self.now) == nil)
        #expect(OccurrenceTime.past(nil, now: Self.now) == nil)
    }
}
