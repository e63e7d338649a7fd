import Domain
import Foundation
import Testing

@Suite struct MeetingTests {
    struct Fixture {
        let db: any SQLDatabase
        let grievances: GrievanceService
        let meetings: MeetingService
        let clock = TestDatabase.clock
    }

    func fixture() throws -> Fixture {
        let db = try TestDatabase.memory()
        let grievances = GrievanceService(db: db, clock: TestDatabase.clock, rules: try TestDatabase.rules())
        return Fixture(db: db, grievances: grievances, meetings: MeetingService(db: db, clock: TestDatabase.clock, grievances: grievances))
    }

    func plan(_ f: Fixture, days: Double = 3) -> MeetingService.Plan {
        .init(kind: "党群议事会", topic: "香榭郦景停车难", community: "大富社区", place: "党群服务中心", participants: "物业 业委会",
              startsAt: f.clock.now.addingTimeInterval(days * 86_400))
    }

    func ticket(_ f: Fixture, _ description: String) throws -> Ticket {
        let p = try GridService(db: f.db).placement(community: nil, estate: "香榭郦景", building: "3栋")
        return try f.grievances.file(GrievanceIntake(description: description, placement: p, community: p?.community, estate: p?.estate,
                                                     building: p?.building, reporterName: nil, reporterPhone: "13800138000"))
    }

    @Test func theSevenStepsAreImportedInOrder() throws {
        let procedure = try fixture().meetings.procedure()
        #expect(procedure.steps.map(\.name) == ["收集议题", "确定议题", "会前协商", "召开会议", "形成决议", "执行决议", "反馈评议"])
    }

    @Test(arguments: [
        ("collect", "agenda", "agenda"), ("collect", "convene", nil), ("agenda", "consult", "consult"),
        ("convene", "resolve", "resolve"), ("resolve", "resolve", "resolve"), ("resolve", "execute", "execute"),
        ("execute", "resolve", nil), ("review", "review", nil), ("consult", "cancel", "cancelled"), ("convene", "cancel", nil),
        ("cancelled", "agenda", nil),
    ] as [(String, String, String?)])
    func eachStepFollowsOnlyTheOneBefore(_ from: String, _ step: String, _ to: String?) throws {
        #expect(try fixture().meetings.procedure().table.next(from: from, action: step) == to)
    }

    @Test func schedulingNumbersMeetingsAndStartsAtTheFirstStep() throws {
        let f = try fixture()
        let a = try f.meetings.schedule(plan(f)), b = try f.meetings.schedule(plan(f))
        #expect(a.id == "YS20261129-0001" && b.id == "YS20261129-0002")
        #expect(a.status == "collect")
        #expect(try f.meetings.history(id: a.id).map(\.action) == ["schedule"])
    }

    @Test func aMeetingInThePastOrInAnUnknownCommunityIsRefused() throws {
        let f = try fixture()
        #expect(throws: CoBuildingWorkError.meetingInPast) { try f.meetings.schedule(plan(f, days: -1)) }
        var p = plan(f)
        p.community = "不存在社区"
        #expect(throws: CoBuildingWorkError.unknownCommunity("不存在社区")) { try f.meetings.schedule(p) }
        #expect(try f.meetings.list(MeetingFilter()).isEmpty)
    }

    @Test func aSkippedStepIsRefusedAndChangesNothing() throws {
        let f = try fixture()
        let m = try f.meetings.schedule(plan(f))
        #expect(throws: CoBuildingWorkError.illegalMeetingStep(id: m.id, status: "收集议题", step: "召开会议", allowed: ["确定议题"])) {
            try f.meetings.record(id: m.id, step: "convene", note: nil)
        }
        #expect(try f.meetings.meeting(id: m.id)?.status == "collect")
        #expect(try f.meetings.history(id: m.id).count == 1)
    }

    func held(_ f: Fixture) throws -> Meeting {
        let m = try f.meetings.schedule(plan(f))
        for step in ["agenda", "consult", "convene"] { _ = try f.meetings.record(id: m.id, step: step, note: nil) }
        return m
    }

    @Test func aDecisionSettlesItsGrievancesThroughTheirLoop() throws {
        let f = try fixture()
        let m = try held(f)
        let accepted = try f.grievances.update(id: try ticket(f, "地下车库乱停车").id, action: .accept, note: nil, actor: nil)
        let reported = try ticket(f, "门口乱停车")
        let r = try f.meetings.record(id: m.id, step: "resolve", note: "夜间开放学校停车场",
                                      links: [(.grievance, accepted.id), (.grievance, reported.id)])
        #expect(r.meeting.status == "resolve")
        #expect(r.decision?.links.map(\.outcome) == [.resolved, .unchanged])
        #expect(try f.grievances.ticket(id: accepted.id)?.status == .resolved)
        #expect(try f.grievances.ticket(id: reported.id)?.status == .reported)
        #expect(try f.grievances.history(id: accepted.id).last?.note?.contains(m.id) == true)
        #expect(try f.meetings.decisions(id: m.id).first?.links.count == 2)
    }

    // Sample needs of 大富社区 (data/cobuild_needs.csv): 0001 of 11-11 and 0003 of 11-18 待匹配, 0002 of 11-04
    // 已解决; 0001 of 11-12 is 新澜社区's, 已匹配. The meeting (held(f)) is 大富社区's.
    func matched(_ lists: CoBuildingLists, _ needID: String) throws -> String {
        let provider = try lists.candidates(needID: needID).candidates.first!
        _ = try lists.recordMatch(needID: needID, providerID: provider.offer.id)
        return needID
    }

    @Test func aDecisionSettlesAMatchedNeedThroughTheNeedLoop() throws {
        let f = try fixture()
        let lists = CoBuildingLists(db: f.db, clock: f.clock)
        let m = try held(f)
        let need = try matched(lists, "XQ20261111-0001")
        let r = try f.meetings.record(id: m.id, step: "resolve", note: "家庭医生每周三上门",
                                      links: [(.need, need), (.need, "XQ20261118-0003"), (.need, "XQ20261104-0002")])
        #expect(r.decision?.links.map(\.outcome) == [.resolved, .unchanged, .unchanged])
        #expect(r.decision?.links.map(\.status) == ["settled", "open", "settled"])
        #expect(try lists.need(id: need)?.status == .settled)
        #expect(try lists.need(id: "XQ20261118-0003")?.status == .open)
        #expect(try lists.history(needID: need).last?.note?.contains(m.id) == true)
        let figures = try CoBuildingWorkFigures.load(f.db)
        #expect(figures.needsSettled == 1 && figures.grievancesResolved == 0 && figures.itemsLinked == 3)
    }

    @Test func anUnknownLinkedNeedRefusesTheWholeRecord() throws {
        let f = try fixture()
        let lists = CoBuildingLists(db: f.db, clock: f.clock)
        let m = try held(f)
        let need = try matched(lists, "XQ20261111-0001")
        #expect(throws: CoBuildingError.needNotFound("XQ20261129-0099")) {
            try f.meetings.record(id: m.id, step: "resolve", note: "决议", links: [(.need, need), (.need, "XQ20261129-0099")])
        }
        #expect(try lists.need(id: need)?.status == .matched)
        #expect(try f.meetings.meeting(id: m.id)?.status == "convene")
        #expect(try f.meetings.decisions(id: m.id).isEmpty)
    }

    @Test func aNeedOfAnotherCommunityRefusesTheWholeRecord() throws {
        let f = try fixture()
        let lists = CoBuildingLists(db: f.db, clock: f.clock)
        let m = try held(f)
        let own = try matched(lists, "XQ20261111-0001")
        #expect(throws: CoBuildingWorkError.otherCommunity(id: "XQ20261112-0001", community: "新澜社区", meetingCommunity: "大富社区")) {
            try f.meetings.record(id: m.id, step: "resolve", note: "一并解决", links: [(.need, own), (.need, "XQ20261112-0001")])
        }
        #expect(try lists.need(id: own)?.status == .matched)
        #expect(try lists.need(id: "XQ20261112-0001")?.status == .matched)
        #expect(try f.meetings.decisions(id: m.id).isEmpty)
    }

    @Test func anUnknownLinkedTicketRefusesTheWholeRecord() throws {
        let f = try fixture()
        let m = try held(f)
        let t = try f.grievances.update(id: try ticket(f, "乱停车").id, action: .accept, note: nil, actor: nil)
        #expect(throws: DomainError.ticketNotFound("GL20261129-0099")) {
            try f.meetings.record(id: m.id, step: "resolve", note: "决议", links: [(.grievance, t.id), (.grievance, "GL20261129-0099")])
        }
        #expect(try f.meetings.meeting(id: m.id)?.status == "convene")
        #expect(try f.grievances.ticket(id: t.id)?.status == .accepted)
        #expect(try f.meetings.decisions(id: m.id).isEmpty)
    }

    @Test func aDecisionNeedsItsTextAndLinksNeedADecision() throws {
        let f = try fixture()
        let m = try held(f)
        #expect(throws: CoBuildingWorkError.decisionTextRequired(id: m.id)) { try f.meetings.record(id: m.id, step: "resolve", note: nil) }
        #expect(throws: CoBuildingWorkError.linksNeedDecision(id: m.id)) {
            try f.meetings.record(id: m.id, step: "execute", note: nil, links: [(.grievance, "GL20261129-0001")])
        }
    }

    @Test func figuresCountMeetingsHeldAndWhatTheyResolved() throws {
        let f = try fixture()
        let m = try held(f)
        let t = try f.grievances.update(id: try ticket(f, "乱停车").id, action: .accept, note: nil, actor: nil)
        _ = try f.meetings.record(id: m.id, step: "resolve", note: "决议", links: [(.grievance, t.id)])
        let cancelled = try f.meetings.schedule(plan(f))
        _ = try f.meetings.record(id: cancelled.id, step: "cancel", note: "改期")
        let figures = try CoBuildingWorkFigures.load(f.db)
        #expect(figures.meetingsScheduled == 2 && figures.meetingsHeld == 1 && figures.meetingsCancelled == 1)
        #expect(figures.decisions == 1 && figures.grievancesResolved == 1 && figures.itemsLinked == 1)
    }
}
