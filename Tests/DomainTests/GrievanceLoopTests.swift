import Domain
import Foundation
import SQLiteStorage
import Testing

@Suite struct WorkingCalendarTests {
    let rules = try! TestDatabase.rules()
    var cal: Calendar { TestDatabase.clock.calendar }

    func at(_ iso: String) -> Date { Clock.parseISO(iso)! }

    @Test func weekendsAreSkipped() {
        // Friday 27 Nov 2026, 1 working day → Monday 30 Nov 18:00.
        let due = rules.calendar.deadline(workingDays: 1, from: at("2026-11-27T10:00:00+08:00"), calendar: cal)
        #expect(due == at("2026-11-30T18:00:00+08:00"))
    }

    @Test func aHolidayIsSkipped() {
        // 国庆: 30 Sep 2026 (Wed) + 1 working day → 8 Oct (Thu), 1–7 Oct are holidays.
        let due = rules.calendar.deadline(workingDays: 1, from: at("2026-09-30T09:00:00+08:00"), calendar: cal)
        #expect(due == at("2026-10-08T18:00:00+08:00"))
    }

    @Test func aMakeUpSaturdayCounts() {
        // 10 Oct 2026 is a make-up Saturday: Fri 9 Oct + 1 working day → Sat 10 Oct.
        #expect(rules.calendar.isWorkingDay(CalendarDay(year: 2026, month: 10, day: 10), calendar: cal))
        let due = rules.calendar.deadline(workingDays: 1, from: at("2026-10-09T09:00:00+08:00"), calendar: cal)
        #expect(due == at("2026-10-10T18:00:00+08:00"))
        // 14 Feb 2026 (Sat) is a make-up day before 春节 (15–23 Feb): Fri 13 Feb + 2 → Tue 24 Feb.
        let spring = rules.calendar.deadline(workingDays: 2, from: at("2026-02-13T09:00:00+08:00"), calendar: cal)
        #expect(spring == at("2026-02-24T18:00:00+08:00"))
    }

    @Test func theCalendarCoversTwoYears() {
        #expect(!rules.calendar.isWorkingDay(CalendarDay(year: 2027, month: 10, day: 4), calendar: cal))
        #expect(rules.calendar.note(CalendarDay(year: 2026, month: 5, day: 9)) == "劳动节调休上班")
    }
}

@Suite struct GradingTableTests {
    let rules = try! TestDatabase.rules()

    @Test(arguments: [
        ("楼道灯不亮", "物业管理", "A", "block", false),
        ("电梯困人", "特种设备", "A", "block", true),
        ("路灯坏了", "市政设施", "B", "community", false),
        ("楼上邻居装修太吵", "邻里纠纷", "B", "community", false),
        ("老板拖欠工资三个月", "劳资纠纷", "C", "subdistrict", false),
        ("房东不退押金", "民事纠纷", "C", "subdistrict", false),
        ("楼顶违章搭建", "违法建设", "D", "district", false),
        ("说不清楚", "其他", "B", "community", false),
    ])
    func categoriesGetTheirGrade(_ text: String, _ category: String, _ grade: String, _ level: String, _ urgent: Bool) {
        let c = rules.classify(text)
        #expect(c.name == category && c.grade == grade && c.urgent == urgent)
        #expect(rules.grade(grade)?.level == level)
    }

    @Test func disputesGoToAMediationChannel() {
        #expect(rules.classify("邻居装修噪音").mediation == "人民调解")
        #expect(rules.classify("欠薪").mediation == "行政调解")
        #expect(rules.classify("借钱不还").mediation == "司法调解")
        #expect(rules.classify("电梯坏了").mediation.isEmpty)
    }

    @Test func deadlinesAreWorkingDaysAndHoursForEmergencies() {
        #expect(["A", "B", "C", "D"].map { rules.grade($0)!.deadlineWorkingDays } == [1, 3, 5, 10])
        #expect(["A", "B", "C", "D"].map { rules.grade($0)!.urgentDeadlineHours } == [2, 4, 8, 24])
    }
}

@Suite struct TicketStateMachineTests {
    static let legal: [(TicketStatus, TicketAction, TicketStatus)] = [
        (.reported, .accept, .accepted),
        (.reported, .dispatch, .dispatched), (.accepted, .dispatch, .dispatched), (.dispatched, .dispatch, .dispatched),
        (.accepted, .resolve, .resolved), (.dispatched, .resolve, .resolved),
        (.resolved, .confirm, .confirmed),
        (.resolved, .feedback, .closed), (.confirmed, .feedback, .closed),
        (.resolved, .close, .closed), (.confirmed, .close, .closed),
        (.reported, .escalate, .reported), (.accepted, .escalate, .accepted), (.dispatched, .escalate, .dispatched),
        (.reported, .supervise, .reported), (.accepted, .supervise, .accepted), (.dispatched, .supervise, .dispatched),
        (.reported, .return, .reported), (.accepted, .return, .reported), (.dispatched, .return, .reported),
        (.resolved, .reopen, .accepted), (.confirmed, .reopen, .accepted), (.closed, .reopen, .accepted),
    ]

    @Test func everyPairIsLegalExactlyWhenListed() {
        for from in TicketStatus.allCases {
            for action in TicketAction.allCases {
                let expected = Self.legal.first { $0.0 == from && $0.1 == action }?.2
                #expect(TicketTransition.next(from: from, action: action) == expected, "\(from) \(action)")
                if expected == nil {
                    #expect(throws: IllegalTicketTransition(from: from, action: action)) {
                        _ = try TicketTransition.make(from: from, action: action)
                    }
                }
            }
        }
    }

    @Test func unsatisfiedFeedbackReopens() throws {
        let t = try TicketTransition.make(from: .confirmed, action: .feedback, rating: .unsatisfied)
        #expect(t.to == .accepted && t.reopens)
        #expect(try TicketTransition.make(from: .confirmed, action: .feedback, rating: .basically_satisfied).to == .closed)
    }
}

@Suite struct GrievanceLoopServiceTests {
    func setup(_ db: any SQLDatabase, now: String = "2026-11-29T09:00:00+08:00") throws -> (GrievanceService, GridPlacement) {
        let s = GrievanceService(db: db, clock: Clock.frozen(iso: now)!, rules: try TestDatabase.rules())
        return (s, try GridService(db: db).placement(community: nil, estate: "香榭郦景", building: "3栋")!)
    }

    func intake(_ d: String, _ p: GridPlacement?) -> GrievanceIntake {
        GrievanceIntake(description: d, placement: p, community: p?.community, estate: p?.estate, building: p?.building,
                        reporterName: nil, reporterPhone: "13800138000")
    }

    @Test func escalationReroutesAndExtendsTheDeadline() throws {
        let (s, p) = try setup(try TestDatabase.memory())
        let t = try s.file(intake("楼道灯不亮", p))
        let up = try s.update(id: t.id, TicketMove(.escalate))
        #expect(up.level == "community" && up.assignee == p.communitySecretary.name)
        #expect(up.dueAt > t.dueAt)
        _ = try s.update(id: t.id, TicketMove(.escalate))
        let top = try s.update(id: t.id, TicketMove(.escalate))
        #expect(top.level == "district")
        #expect(throws: DomainError.self) { _ = try s.update(id: t.id, TicketMove(.escalate)) }
    }

    @Test func unsatisfiedStartsAnotherRoundAndReturnNeedsAReason() throws {
        let (s, p) = try setup(try TestDatabase.memory())
        let t = try s.file(intake("楼道灯不亮", p))
        for a in [TicketAction.accept, .dispatch, .resolve, .confirm] { _ = try s.update(id: t.id, TicketMove(a)) }
        #expect(throws: DomainError.ratingRequired(id: t.id)) { _ = try s.update(id: t.id, TicketMove(.feedback)) }
        let again = try s.update(id: t.id, TicketMove(.feedback, rating: .unsatisfied))
        #expect(again.status == .accepted && again.round == 2 && again.rating == .unsatisfied)
        #expect(throws: DomainError.reasonRequired(action: "退回")) { _ = try s.update(id: t.id, TicketMove(.return)) }
        #expect(try s.ticket(id: t.id)?.version == again.version)
        let back = try s.update(id: t.id, TicketMove(.return, note: "不属于本网格"))
        #expect(back.status == .reported && back.triage && back.assignee == s.triageDesk.name)
    }

    @Test func unknownPlaceGoesToTriageAndDuplicatesAreFound() throws {
        let (s, p) = try setup(try TestDatabase.memory())
        let lost = try s.file(intake("路边有人烧垃圾", nil))
        #expect(lost.triage && lost.assignee == s.triageDesk.name)
        let first = try s.file(intake("3栋电梯坏了", p))
        #expect(try s.possibleDuplicates(intake("电梯又坏了", p)).map(\.id) == [first.id])
        #expect(try s.possibleDuplicates(intake("楼下垃圾", p)).isEmpty)
        _ = try s.attach(intake("电梯又坏了", p), to: first.id)
        #expect(try s.history(id: first.id).map(\.action) == ["file", "attach"])
    }

    @Test func theLoopContinuesAfterARestart() throws {
        let (db, path) = try TestDatabase.file()
        let (s, p) = try setup(db)
        let t = try s.file(intake("楼道灯不亮", p))
        _ = try s.update(id: t.id, TicketMove(.accept, actor: "op1"))
        // A new process: a new connection to the same file, a later clock.
        let reopened = try SQLiteDatabase(path: path)
        let (s2, _) = try setup(reopened, now: "2026-11-30T10:00:00+08:00")
        #expect(try s2.ticket(id: t.id)?.status == .accepted)
        _ = try s2.update(id: t.id, TicketMove(.resolve, note: "已更换灯泡"))
        let done = try s2.update(id: t.id, TicketMove(.feedback, rating: .satisfied))
        #expect(done.status == .closed)
        #expect(try s2.history(id: t.id).map(\.action) == ["file", "accept", "resolve", "feedback"])
        #expect(try s2.file(intake("楼道灯又不亮", p)).id == "GL20261130-0001")
    }
}
