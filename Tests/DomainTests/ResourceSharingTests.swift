import Domain
import Foundation
import Testing

@Suite struct ResourceSharingTests {
    let clock = TestDatabase.clock
    let tuesday = CalendarDay(year: 2026, month: 12, day: 1)

    func smallCarPark(_ db: any SQLDatabase, places: Int = 2) throws -> SharedResource {
        try CoBuildingLists(db: db, clock: clock).addResource(unitCode: "DW-003", kind: "车位", name: "夜间车位", quantity: places, measure: "个",
                                                               place: nil, window: WeeklyWindow("工作日 19:00-次日08:00")!, mode: "错时共享")
    }

    @Test func aFullOpeningWaitlistsAndACancellationPromotesInOrder() throws {
        let db = try TestDatabase.memory()
        let sharing = ResourceSharing(db: db, clock: clock)
        let park = try smallCarPark(db)
        let a = try sharing.book(resourceID: park.id, on: tuesday, name: nil, phone: "13800007001", plate: "粤B10001")
        let b = try sharing.book(resourceID: park.id, on: tuesday, name: nil, phone: "13800007002", plate: nil)
        let c = try sharing.book(resourceID: park.id, on: tuesday, name: nil, phone: "13800007003", plate: nil)
        let d = try sharing.book(resourceID: park.id, on: tuesday, name: nil, phone: "13800007004", plate: nil)
        #expect([a, b].allSatisfy { $0.status == .confirmed })
        #expect(c.status == .waitlisted && c.waitlistPosition == 1 && d.waitlistPosition == 2)
        #expect(clock.iso(a.start) == "2026-12-01T19:00:00+08:00" && clock.iso(a.end) == "2026-12-02T08:00:00+08:00")
        let (cancelled, promoted) = try sharing.cancel(bookingID: b.id)
        #expect(cancelled.status == .cancelled && promoted.map(\.id) == [c.id])
        #expect(try sharing.booking(id: d.id)?.waitlistPosition == 1)
        let occupancy = try sharing.occupancy(resourceID: park.id, start: a.start)
        #expect(occupancy.booked == 2 && occupancy.capacity == 2 && occupancy.waiting == 1)
        #expect(throws: CoBuildingError.bookingAlreadyCancelled(b.id)) { _ = try sharing.cancel(bookingID: b.id) }
    }

    @Test func refusesDuplicatesOverlapsClosedDaysAndTooMany() throws {
        let db = try TestDatabase.memory()
        let sharing = ResourceSharing(db: db, clock: clock)
        let park = try smallCarPark(db)
        let first = try sharing.book(resourceID: park.id, on: tuesday, name: nil, phone: "13800007001", plate: nil)
        #expect(throws: CoBuildingError.duplicateBooking(existing: first.id)) {
            _ = try sharing.book(resourceID: park.id, on: tuesday, name: nil, phone: "13800007001", plate: nil)
        }
        // The firm's big car park has the same night window: the same phone cannot hold both.
        #expect(throws: CoBuildingError.overlappingBooking(existing: first.id, resource: "夜间车位")) {
            _ = try sharing.book(resourceID: "ZY20261024-0002", on: tuesday, name: nil, phone: "13800007001", plate: nil)
        }
        #expect(throws: CoBuildingError.closedOn(resource: "夜间车位", day: "12月5日（周六）", window: "工作日 19:00-次日08:00")) {
            _ = try sharing.book(resourceID: park.id, on: CalendarDay(year: 2026, month: 12, day: 5), name: nil, phone: "13800007002", plate: nil)
        }
        #expect(throws: CoBuildingError.tooMany(resource: "夜间车位", capacity: 2)) {
            _ = try sharing.book(resourceID: park.id, on: tuesday, places: 3, name: nil, phone: "13800007002", plate: nil)
        }
        #expect(throws: CoBuildingError.openingStarted(resource: "夜间车位")) {
            _ = try sharing.book(resourceID: park.id, on: CalendarDay(year: 2026, month: 11, day: 27), name: nil, phone: "13800007002", plate: nil)
        }
        #expect(throws: CoBuildingError.resourceNotFound("ZY20261129-0099")) {
            _ = try sharing.book(resourceID: "ZY20261129-0099", on: tuesday, name: nil, phone: "13800007002", plate: nil)
        }
        #expect(try sharing.occupancy(resourceID: park.id, start: first.start).booked == 1)
    }

    /// Many threads booking the last places of one opening on a file database:
    /// never more confirmed places than the resource has.
    @Test func concurrentBookingsNeverExceedTheQuantity() throws {
        let (db, _) = try TestDatabase.file()
        let park = try smallCarPark(db, places: 10)
        let sharing = ResourceSharing(db: db, clock: clock)
        let results = ResultList()
        DispatchQueue.concurrentPerform(iterations: 40) { i in
            let status = (try? sharing.book(resourceID: park.id, on: tuesday, name: nil, phone: String(13_900_000_000 + i), plate: nil))?.status
            results.add(status)
        }
        #expect(results.values.filter { $0 == .confirmed }.count == 10)
        #expect(results.values.filter { $0 == .waitlisted }.count == 30)
        let opening = try sharing.opening(resourceID: park.id, on: tuesday)
        #expect(try sharing.occupancy(resourceID: park.id, start: opening.start).booked == 10)
    }
}

final class ResultList: @unchecked Sendable {
    // Guarded by `lock`: filled from concurrentPerform's threads.
    private let lock = NSLock()
    private var _values: [ResourceBooking.Status?] = []
    func add(_ v: ResourceBooking.Status?) { lock.withLock { _values.append(v) } }
    var values: [ResourceBooking.Status?] { lock.withLock { _values } }
}
