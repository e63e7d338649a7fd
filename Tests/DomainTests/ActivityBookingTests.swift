import Domain
import Foundation
import Testing

@Suite struct ActivityBookingTests {
    let clock = TestDatabase.clock

    func start(_ iso: String) -> Date { Clock.parseISO(iso)! }

    @Test func aFullSessionWaitlistsAndACancellationPromotesTheFirstThatFits() throws {
        let service = ActivityService(db: try TestDatabase.memory(), clock: clock)
        let s = start("2026-12-06T10:00:00+08:00") // HD-005: capacity 12, max party 3
        for i in 1...4 { #expect(try service.book(activityCode: "HD-005", start: s, partySize: 3, name: nil, phone: "1380000000\(i)").status == .confirmed) }
        let big = try service.book(activityCode: "HD-005", start: s, partySize: 3, name: nil, phone: "13800000005")
        let small = try service.book(activityCode: "HD-005", start: s, partySize: 1, name: nil, phone: "13800000006")
        #expect(big.status == .waitlisted && big.waitlistPosition == 1)
        #expect(small.status == .waitlisted && small.waitlistPosition == 2)
        let (_, promoted) = try service.cancel(bookingID: "YY20261129-0001")
        #expect(promoted.map(\.id) == [big.id])
        let sessions = try service.sessions(of: [try service.activity(code: "HD-005")!], from: s, to: s.addingTimeInterval(60))
        #expect(sessions.first?.booked == 12)
        #expect(sessions.first?.waitlisted == 1)
    }

    @Test func refusesDuplicatesOverlapsPassedSessionsAndLargeParties() throws {
        let service = ActivityService(db: try TestDatabase.memory(), clock: clock)
        let yoga = start("2026-12-01T19:00:00+08:00")
        _ = try service.book(activityCode: "HD-003", start: yoga, partySize: 1, name: nil, phone: "13800001111")
        #expect(throws: DomainError.duplicateBooking(existing: "YY20261129-0001")) {
            _ = try service.book(activityCode: "HD-003", start: yoga, partySize: 1, name: nil, phone: "13800001111")
        }
        #expect(throws: DomainError.self) { _ = try service.book(activityCode: "HD-007", start: yoga, partySize: 1, name: nil, phone: "13800001111") }
        #expect(throws: DomainError.sessionStarted(activity: "山歌传唱")) {
            _ = try service.book(activityCode: "HD-001", start: start("2026-11-25T15:00:00+08:00"), partySize: 1, name: nil, phone: "13800002222")
        }
        #expect(throws: DomainError.partyTooLarge(activity: "太极拳", maxParty: 1)) {
            _ = try service.book(activityCode: "HD-006", start: start("2026-12-04T07:00:00+08:00"), partySize: 2, name: nil, phone: "13800002222")
        }
        #expect(throws: DomainError.noSessionOn(activity: "山歌传唱", day: "12月3日（周四）")) {
            _ = try service.book(activityCode: "HD-001", start: start("2026-12-03T15:00:00+08:00"), partySize: 1, name: nil, phone: "13800002222")
        }
    }

    /// Many threads booking one session at once never exceed its capacity and lose no booking.
    @Test func concurrentBookingsNeverOverbook() async throws {
        let (db, _) = try TestDatabase.file()
        let service = ActivityService(db: db, clock: clock)
        let s = start("2026-12-02T15:00:00+08:00") // HD-001: capacity 30, max party 2
        let results = await withTaskGroup(of: Booking?.self) { group in
            for i in 0..<60 {
                group.addTask { try? service.book(activityCode: "HD-001", start: s, partySize: 2, name: nil, phone: String(13_900_000_000 + i)) }
            }
            var all: [Booking?] = []
            for await r in group { all.append(r) }
            return all
        }
        let bookings = results.compactMap { $0 }
        #expect(bookings.count == 60)
        #expect(bookings.filter { $0.status == .confirmed }.count == 15)
        #expect(Set(bookings.map(\.id)).count == 60)
        let session = try service.sessions(of: [try service.activity(code: "HD-001")!], from: s, to: s.addingTimeInterval(60)).first!
        #expect(session.booked == 30)
        #expect(session.waitlisted == 45)
    }

    @Test func schedulesExpandAsWritten() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 8 * 3600)!
        #expect(Schedule("每月第一个周六")!.occurs(on: CalendarDay("2026-12-05")!, calendar: calendar))
        #expect(!Schedule("每月第一个周六")!.occurs(on: CalendarDay("2026-12-12")!, calendar: calendar))
        #expect(Schedule("周二|周四")!.occurs(on: CalendarDay("2026-12-03")!, calendar: calendar))
        #expect(Schedule("2026-12-12")!.occurs(on: CalendarDay("2026-12-12")!, calendar: calendar))
        #expect(Schedule("每月最后一个周日")!.occurs(on: CalendarDay("2026-12-27")!, calendar: calendar))
        #expect(Schedule("周八") == nil)
    }
}
