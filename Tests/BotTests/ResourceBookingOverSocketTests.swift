import Bot
import Domain
import Foundation
import Testing

/// Issue 9's check for shared resources: 30 socket clients booking a car park
/// opened with 12 places → exactly 12 confirmed, 18 waiting, nothing else.
@Suite struct ResourceBookingOverSocketTests {
    @Test func thirtyClientsBookingTwelvePlaces() async throws {
        let engine = try TestEngine.make(clock: Clock.frozen(iso: "2026-11-29T09:00:00+08:00")!)
        let added = engine.handle("登记资源 DW-003 车位 12个 工作日 19:00-次日08:00 错时共享", session: Session(id: "setup"))
        #expect(added.ok, "\(added.text)")
        let texts = (0..<30).map { "预约车位 ZY20261129-0001 12月1日 电话\(13_900_000_000 + $0)" }
        let statuses = ConcurrentClients.bookingStatuses(try await ConcurrentClients.send(texts, to: engine), intent: "cobuild.resource.book")
        #expect(statuses.filter { $0 == "confirmed" }.count == 12)
        #expect(statuses.filter { $0 == "waitlisted" }.count == 18)
        #expect(statuses.count == 30)
        let opening = try engine.services.sharing.opening(resourceID: "ZY20261129-0001", on: CalendarDay(year: 2026, month: 12, day: 1))
        let occupancy = try engine.services.sharing.occupancy(resourceID: "ZY20261129-0001", start: opening.start)
        #expect(occupancy.booked == 12 && occupancy.waiting == 18)
    }
}
