import Bot
import Domain
import Foundation
import Testing

/// Issue 5's check: 50 socket clients booking a 20-seat session at the same
/// moment → exactly 20 confirmed, 30 on the waiting list, nothing else.
@Suite struct BookingOverSocketTests {
    @Test func fiftyClientsBookingTwentySeats() async throws {
        let engine = try TestEngine.make(clock: Clock.frozen(iso: "2026-11-29T09:00:00+08:00")!)
        let texts = (0..<50).map { "预约 HD-004 12月5日 1人 电话\(13_900_000_000 + $0)" }
        let statuses = ConcurrentClients.bookingStatuses(try await ConcurrentClients.send(texts, to: engine), intent: "activity.book")
        #expect(statuses.filter { $0 == "confirmed" }.count == 20)
        #expect(statuses.filter { $0 == "waitlisted" }.count == 30)
        #expect(statuses.count == 50)
        let session = try engine.services.activities.sessions(
            of: [try engine.services.activities.activity(code: "HD-004")!],
            from: Clock.parseISO("2026-12-05T00:00:00+08:00")!, to: Clock.parseISO("2026-12-06T00:00:00+08:00")!).first!
        #expect(session.booked == 20 && session.waitlisted == 30)
    }
}
