import Domain
import Foundation
import Testing

@Suite struct VolunteerTests {
    let clock = TestDatabase.clock

    func service(_ db: any SQLDatabase) -> VolunteerService { VolunteerService(db: db, clock: clock) }

    /// Saturday 2026-12-05 at `hour`, Shanghai time.
    func saturday(_ hour: Double) -> Date { Clock.parseISO("2026-12-05T00:00:00+08:00")!.addingTimeInterval(hour * 3600) }

    func task(_ s: VolunteerService, from: Double, to: Double, headcount: Int, skill: String? = "维修") throws -> VolunteerTask {
        try s.publish(.init(title: "楼道灯具检修", community: "大富社区", place: "香榭郦景3栋", skill: skill, startsAt: saturday(from),
                            endsAt: saturday(to), headcount: headcount))
    }

    func volunteer(_ s: VolunteerService, _ name: String) throws -> Volunteer { try s.volunteers().first { $0.name == name }! }

    @Test(arguments: [
        ("周六 09:00-12:00", 6, 10.0, 11.0, true), ("周六 09:00-12:00", 6, 12.0, 13.0, false), ("工作日 19:00-21:30", 3, 20.0, 21.0, true),
        ("工作日 19:00-21:30", 6, 20.0, 21.0, false), ("周末 08:00-12:00|每天 18:30-21:00", 2, 19.0, 20.0, true),
    ] as [(String, Int, Double, Double, Bool)])
    func availabilityOverlapsItsWindows(_ text: String, _ isoWeekday: Int, _ from: Double, _ to: Double, _ expected: Bool) {
        // 2026-11-30 is a Monday.
        let day = Clock.parseISO("2026-11-30T00:00:00+08:00")!.addingTimeInterval(Double(isoWeekday - 1) * 86_400)
        let a = Availability(text)!
        #expect(a.overlaps(from: day.addingTimeInterval(from * 3600), to: day.addingTimeInterval(to * 3600), calendar: clock.calendar) == expected)
    }

    @Test(arguments: ["周八 09:00-12:00", "周六 12:00-09:00", "周六", "周六 9点-12点", ""])
    func unreadableAvailabilityIsNil(_ text: String) { #expect(Availability(text) == nil) }

    @Test func capacityIsKeptAndNobodyIsInTwoOverlappingTasks() throws {
        let s = service(try TestDatabase.memory())
        let first = try task(s, from: 9, to: 12, headcount: 3)
        let team = try s.teams().first { $0.name == "香榭郦景楼道红马甲" }!
        let (after, signed) = try s.signUp(taskId: first.id, team: team)
        #expect(signed.count == 3 && after.signed == 3)
        #expect(throws: CoBuildingWorkError.taskFull(id: first.id, headcount: 3)) { try s.signUp(taskId: first.id, volunteer: try volunteer(s, "魏志强")) }
        let second = try task(s, from: 10, to: 11, headcount: 5)
        #expect(throws: CoBuildingWorkError.volunteerBusy(name: signed[0].name, taskId: first.id)) {
            try s.signUp(taskId: second.id, volunteer: signed[0])
        }
        #expect(throws: CoBuildingWorkError.skillMismatch(name: "石浩然", skill: "维修")) {
            try s.signUp(taskId: second.id, volunteer: try volunteer(s, "石浩然"))
        }
        // Back to back is not an overlap.
        let later = try task(s, from: 12, to: 13, headcount: 1)
        #expect(try s.signUp(taskId: later.id, volunteer: signed[0]).signed == 1)
        #expect(try s.task(id: second.id)?.signed == 0)
    }

    @Test func theFreeListLeavesOutThoseAlreadyOnATask() throws {
        let s = service(try TestDatabase.memory())
        let before = try s.free(from: saturday(8), to: saturday(12), community: "大富社区", skill: "维修")
        let t = try task(s, from: 9, to: 12, headcount: 1)
        _ = try s.signUp(taskId: t.id, volunteer: before[0])
        let after = try s.free(from: saturday(8), to: saturday(12), community: "大富社区", skill: "维修")
        #expect(after.count == before.count - 1 && !after.contains(before[0]))
        #expect(after.allSatisfy { $0.community == "大富社区" && $0.has(skill: "维修") })
    }

    @Test func hoursAreRecordedOnlyAfterTheTaskStarts() throws {
        let db = try TestDatabase.memory()
        let s = service(db)
        let t = try task(s, from: 9, to: 12, headcount: 2)
        let v = try volunteer(s, "许刚")
        _ = try s.signUp(taskId: t.id, volunteer: v)
        #expect(throws: CoBuildingWorkError.taskNotStarted(t.id)) { try s.recordHours(taskId: t.id, volunteer: nil, hours: nil) }
        let later = VolunteerService(db: db, clock: Clock(frozenAt: saturday(13), timeZone: clock.timeZone))
        #expect(try later.recordHours(taskId: t.id, volunteer: nil, hours: nil).map(\.hours) == [3])
        #expect(try later.recordHours(taskId: t.id, volunteer: v, hours: 2.5).map(\.hours) == [2.5])
        #expect(throws: CoBuildingWorkError.invalidHours(30)) { try later.recordHours(taskId: t.id, volunteer: v, hours: 30) }
        #expect(try later.hours(community: "大富社区").map { "\($0.name) \($0.tasks) \($0.hours)" } == ["许刚 1 2.5"])
        #expect(try CoBuildingWorkFigures.load(db).volunteerHours == 2.5)
    }

    @Test func concurrentSignupsNeverExceedTheHeadcount() throws {
        let (db, _) = try TestDatabase.file()
        let s = service(db)
        let t = try task(s, from: 9, to: 12, headcount: 3, skill: nil)
        let people = Array(try s.volunteers(community: "大富社区").prefix(12))
        let results = ConcurrentResults()
        DispatchQueue.concurrentPerform(iterations: people.count) { i in
            results.add((try? s.signUp(taskId: t.id, volunteer: people[i])) != nil)
        }
        #expect(results.successes == 3)
        #expect(try s.task(id: t.id)?.signed == 3 && s.signups(taskId: t.id).count == 3)
    }
}

/// Counts successes from several threads.
final class ConcurrentResults: @unchecked Sendable {
    // Safe: every access holds the lock.
    private let lock = NSLock()
    private var count = 0
    func add(_ ok: Bool) { lock.lock(); if ok { count += 1 }; lock.unlock() }
    var successes: Int { lock.lock(); defer { lock.unlock() }; return count }
}
