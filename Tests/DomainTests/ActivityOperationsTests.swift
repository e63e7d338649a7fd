import Domain
import Foundation
import Testing

@Suite struct ActivityOperationsTests {
    let clock = TestDatabase.clock

    func start(_ iso: String) -> Date { Clock.parseISO(iso)! }

    var calendar: Calendar { clock.calendar }

    // MARK: schedule expansion

    @Test func monthlySessionsCrossMonthBoundaries() throws {
        let service = ActivityService(db: try TestDatabase.memory(), clock: clock)
        let clinic = try service.activity(code: "HD-013")! // 健康义诊, 每月第一个周六 09:00
        let sessions = clinic.sessions(from: start("2026-11-29T00:00:00+08:00"), to: start("2027-03-01T00:00:00+08:00"), calendar: calendar)
        #expect(sessions.map { clock.iso($0.start) } == [
            "2026-12-05T09:00:00+08:00", "2027-01-02T09:00:00+08:00", "2027-02-06T09:00:00+08:00",
        ])
    }

    @Test func weeklySessionsStayWithinFromAndUntil() throws {
        let service = ActivityService(db: try TestDatabase.memory(), clock: clock)
        let yoga = try service.activity(code: "HD-003")! // 周二|周四 19:00, until 2027-06-30
        let tail = yoga.sessions(from: start("2027-06-25T00:00:00+08:00"), to: start("2027-07-10T00:00:00+08:00"), calendar: calendar)
        #expect(tail.map { clock.iso($0.start) } == ["2027-06-29T19:00:00+08:00"])
        let head = yoga.sessions(from: start("2026-10-25T00:00:00+08:00"), to: start("2026-11-04T00:00:00+08:00"), calendar: calendar)
        #expect(head.map { clock.iso($0.start) } == ["2026-11-03T19:00:00+08:00"])
        // 11月30日 (Mon) … 12月1日 (Tue): a range over a month's end.
        let edge = yoga.sessions(from: start("2026-11-30T00:00:00+08:00"), to: start("2026-12-04T00:00:00+08:00"), calendar: calendar)
        #expect(edge.count == 2)
    }

    @Test func aSessionExactlyAtNowIsListedButCannotBeBooked() throws {
        let now = Clock.frozen(iso: "2026-12-05T09:30:00+08:00")!
        let service = ActivityService(db: try TestDatabase.memory(), clock: now)
        let calligraphy = try service.activity(code: "HD-004")! // 周六 09:30
        let sessions = try service.sessions(of: [calligraphy], from: now.now, to: now.now.addingTimeInterval(3600))
        #expect(sessions.count == 1 && sessions[0].start == now.now)
        #expect(throws: DomainError.sessionStarted(activity: "书法培训班")) {
            _ = try service.book(activityCode: "HD-004", start: now.now, partySize: 1, name: nil, phone: "13800001111")
        }
    }

    @Test func scheduleSourceReadsBack() {
        for text in ["周二|周四", "2026-12-12", "每月第一个周六", "每月最后一个周日"] {
            #expect(Schedule(Schedule(text)!.source) == Schedule(text))
        }
    }

    // MARK: waiting list

    @Test func aPartyOfThreeDoesNotJumpAPartyOfOneThatFits() throws {
        let service = ActivityService(db: try TestDatabase.memory(), clock: clock)
        let s = start("2026-12-06T10:00:00+08:00") // HD-005 亲子阅读: capacity 12, max party 3
        var confirmed: [Booking] = []
        for i in 1...4 { confirmed.append(try service.book(activityCode: "HD-005", start: s, partySize: 3, name: nil, phone: "1380000000\(i)")) }
        let one = try service.book(activityCode: "HD-005", start: s, partySize: 1, name: nil, phone: "13800000011")
        let three = try service.book(activityCode: "HD-005", start: s, partySize: 3, name: nil, phone: "13800000012")
        #expect(one.waitlistPosition == 1 && three.waitlistPosition == 2)
        // Cancelling a party of 3 frees 3 seats: the 1 (first in line) moves up; the 3 no longer fits.
        let (_, promoted) = try service.cancel(bookingID: confirmed[0].id)
        #expect(promoted.map(\.id) == [one.id])
        #expect(try service.booking(id: three.id)?.waitlistPosition == 1)
        #expect(try service.notices(bookingID: one.id).map(\.kind) == ["promoted"])
    }

    // MARK: operator commands

    @Test func cancellingASessionCancelsItsBookingsAndRecordsNotices() throws {
        let service = ActivityService(db: try TestDatabase.memory(), clock: clock)
        let s = start("2026-12-05T09:30:00+08:00")
        let a = try service.book(activityCode: "HD-004", start: s, partySize: 2, name: "王芳", phone: "13800001111")
        let b = try service.book(activityCode: "HD-004", start: s, partySize: 1, name: nil, phone: "13800002222")
        let done = try service.cancelSession(activityCode: "HD-004", start: s, reason: "场地维修", by: "op1")
        #expect(done.notified.map(\.id) == [a.id, b.id])
        #expect(try service.booking(id: a.id)?.status == .cancelled)
        #expect(try service.notices(bookingID: b.id).first?.message.contains("场地维修") == true)
        #expect(throws: DomainError.sessionCancelled(activity: "书法培训班")) {
            _ = try service.book(activityCode: "HD-004", start: s, partySize: 1, name: nil, phone: "13800003333")
        }
        #expect(throws: DomainError.self) { _ = try service.cancelSession(activityCode: "HD-004", start: s, reason: "x") }
        let listed = try service.sessions(of: [try service.activity(code: "HD-004")!], from: s, to: s.addingTimeInterval(60))
        #expect(listed.first?.cancelled == true)
    }

    @Test func operatorsAddAndChangeActivities() throws {
        let service = ActivityService(db: try TestDatabase.memory(), clock: clock)
        let added = try service.saveActivity(ActivityDefinition.parse(
            code: "HD-055", text: "名称=插花 类型=文艺 场馆=QL-01 日程=周五 开始=19:00 时长=90 容量=2 每单=1"))
        #expect(added.created && added.activity.capacity == 2 && added.activity.community == "大富社区")
        let friday = start("2026-12-04T19:00:00+08:00")
        _ = try service.book(activityCode: "HD-055", start: friday, partySize: 1, name: nil, phone: "13800000001")
        _ = try service.book(activityCode: "HD-055", start: friday, partySize: 1, name: nil, phone: "13800000002")
        let waiting = try service.book(activityCode: "HD-055", start: friday, partySize: 1, name: nil, phone: "13800000003")
        #expect(waiting.status == .waitlisted)
        let changed = try service.saveActivity(ActivityDefinition.parse(code: "HD-055", text: "容量=3"))
        #expect(!changed.created && changed.activity.name == "插花" && changed.promoted.map(\.id) == [waiting.id])
        #expect(throws: DomainError.self) { _ = try service.saveActivity(ActivityDefinition.parse(code: "HD-056", text: "名称=x 场馆=QL-99")) }
        #expect(throws: DomainError.self) { _ = try service.saveActivity(ActivityDefinition.parse(code: "HD-055", text: "日程=周八")) }
    }

    @Test func audienceWordsMapToTheCatalogue() throws {
        let service = ActivityService(db: try TestDatabase.memory(), clock: clock)
        let elders = try service.activities(ActivityFilter(audience: "老人"))
        #expect(!elders.isEmpty && elders.allSatisfy { $0.audience == "长者" })
        #expect(try service.activities(ActivityFilter(term: "智能手机", estate: "书香家园")).map(\.code) == ["HD-009"])
    }
}
