import Domain
import Foundation
import Testing

@Suite struct VisitTests {
    let clock = TestDatabase.clock
    /// A few of 登记需求's need kinds (the bot passes them all from intents/cobuild.need.add.yaml).
    let rule = VisitFindingRule(needKinds: ["助老": ["助老", "助餐", "送餐"], "场地": ["场地", "活动场地"], "车位": ["车位", "停车位", "停车"],
                                            "托管": ["托管", "照看孩子"]])

    func services() throws -> (any SQLDatabase, GrievanceService, VisitService) {
        let db = try TestDatabase.memory()
        let grievances = GrievanceService(db: db, clock: clock, rules: try TestDatabase.rules())
        return (db, grievances, VisitService(db: db, clock: clock, grievances: grievances))
    }

    @Test func eachNeedBecomesAGrievanceRoutedToTheCommunity() throws {
        let (_, grievances, visits) = try services()
        let pairing = try visits.pairings(member: "程佳怡").first!
        let v = try visits.record(pairing: pairing, visitedAt: clock.now, notes: "独居", needs: ["楼道灯坏了", "卫生间漏水"], rule: rule, actor: "张接线员")
        #expect(v.id == "ZF20261129-0001" && v.needs.count == 2)
        let tickets = try v.needs.map { try grievances.ticket(id: $0.targetId!)! }
        let secretary = try GridService(db: try TestDatabase.memory()).placement(community: "大富社区", estate: "香榭郦景", building: "3栋")!.communitySecretary
        for t in tickets {
            #expect(t.channel == "入户走访" && t.level == "community" && t.assignee == secretary.name)
            #expect(t.reporterPhone == pairing.memberPhone && t.estate == "香榭郦景" && t.building == "3栋")
        }
        #expect(try grievances.history(id: tickets[0].id).first?.note == "入户走访；派至社区：\(secretary.name)")
    }

    @Test func aRepeatedOpenNeedIsAddedToItsTicket() throws {
        let (_, grievances, visits) = try services()
        let pairing = try visits.pairings(member: "程佳怡").first!
        let first = try visits.record(pairing: pairing, visitedAt: clock.now, notes: nil, needs: ["楼道灯坏了"], rule: rule, actor: nil)
        let again = try visits.record(pairing: pairing, visitedAt: clock.now, notes: nil, needs: ["楼道灯坏了"], rule: rule, actor: nil)
        #expect(again.needs[0].kind == "attached" && again.needs[0].targetId == first.needs[0].targetId)
        #expect(try grievances.list(TicketFilter()).count == 1)
    }

    @Test func aVisitInTheFutureIsRefusedAndNothingIsFiled() throws {
        let (db, grievances, visits) = try services()
        let pairing = try visits.pairings(member: "程佳怡").first!
        #expect(throws: CoBuildingWorkError.visitInFuture) {
            try visits.record(pairing: pairing, visitedAt: clock.now.addingTimeInterval(3600), notes: nil, needs: ["漏水"], rule: rule, actor: nil)
        }
        #expect(try grievances.list(TicketFilter()).isEmpty)
        #expect(try CoBuildingWorkFigures.load(db).visits == 0)
    }

    @Test func figuresCountHouseholdsVisited() throws {
        let (db, _, visits) = try services()
        let pairings = try visits.pairings(community: "大富社区")
        _ = try visits.record(pairing: pairings[0], visitedAt: clock.now, notes: nil, needs: ["楼道灯坏了"], rule: rule, actor: nil)
        _ = try visits.record(pairing: pairings[0], visitedAt: clock.now, notes: nil, needs: [], rule: rule, actor: nil)
        _ = try visits.record(pairing: pairings[1], visitedAt: clock.now, notes: nil, needs: [], rule: rule, actor: nil)
        let f = try CoBuildingWorkFigures.load(db)
        #expect(f.visits == 3 && f.householdsVisited == 2 && f.needsFound == 1 && f.ticketsFromVisits == 1 && f.householdsPaired == 100)
    }

    @Test(arguments: [
        ("老人需要助餐服务", "助老"), ("双职工家庭放学后无人照看孩子", "托管"), ("晚上停车难", "车位"), ("缺少儿童活动场地", "场地"),
        ("门口乱停车", nil), ("楼道灯坏了", nil), ("楼下垃圾没人清", nil), ("需要修一下漏水的水管", nil),
        ("停车场燃气泄漏，需要处理", nil), ("希望多办活动", nil),
    ] as [(String, String?)])
    func theRuleTellsANeedFromAGrievance(_ finding: String, _ kind: String?) throws {
        #expect(rule.needKind(of: finding, grievances: try TestDatabase.rules()) == kind)
    }

    @Test func aWantedServiceBecomesACoBuildingNeedFromTheVisit() throws {
        let (db, grievances, visits) = try services()
        let lists = CoBuildingLists(db: db, clock: clock)
        let pairing = try visits.pairings(member: "程佳怡").first!
        let before = try lists.needs(CoBuildingFilter()).count
        let v = try visits.record(pairing: pairing, visitedAt: clock.now, notes: nil, needs: ["老人需要助餐服务", "楼道灯坏了"], rule: rule, actor: nil)
        #expect(v.needs.map(\.kind) == ["need", "grievance"])
        let need = try lists.need(id: v.needs[0].targetId!)!
        #expect(need.id.hasPrefix("XQ") && need.status == .open && need.kind == "助老" && need.source == "入户走访")
        #expect(need.community == pairing.community && need.place == pairing.estate && need.phone == pairing.memberPhone)
        #expect(try lists.needs(CoBuildingFilter()).count == before + 1)
        #expect(try grievances.list(TicketFilter()).count == 1)
        #expect(try visits.visit(id: v.id)?.needs[0].targetId == need.id)
        let f = try CoBuildingWorkFigures.load(db)
        #expect(f.needsFound == 2 && f.ticketsFromVisits == 1 && f.needsFromVisits == 1)
    }

    @Test func aWantToldAgainPointsAtTheUnsettledNeedButASettledOneIsAskedAnew() throws {
        let (db, _, visits) = try services()
        let lists = CoBuildingLists(db: db, clock: clock)
        let pairing = try visits.pairings(member: "程佳怡").first!
        let before = try lists.needs(CoBuildingFilter()).count
        let first = try visits.record(pairing: pairing, visitedAt: clock.now, notes: nil, needs: ["老人需要助餐服务"], rule: rule, actor: nil)
        let again = try visits.record(pairing: pairing, visitedAt: clock.now, notes: nil, needs: ["还是需要送餐", "想借活动场地"], rule: rule, actor: nil)
        #expect(again.needs.map(\.kind) == ["need_repeat", "need"])
        #expect(again.needs[0].targetId == first.needs[0].targetId && again.needs[0].isNeed)
        #expect(try lists.needs(CoBuildingFilter()).count == before + 2)
        let f = try CoBuildingWorkFigures.load(db)
        #expect(f.needsFound == 3 && f.ticketsFromVisits == 0 && f.needsFromVisits == 2)
        // Once settled, the same want at a later visit is a new need.
        let needID = first.needs[0].targetId!
        let provider = try lists.candidates(needID: needID).candidates.first!
        _ = try lists.recordMatch(needID: needID, providerID: provider.offer.id)
        #expect(try visits.record(pairing: pairing, visitedAt: clock.now, notes: nil, needs: ["还想要送餐"], rule: rule, actor: nil)
            .needs[0].kind == "need_repeat")
        #expect(try lists.update(needID: needID, action: .settle).status == .settled)
        let later = try visits.record(pairing: pairing, visitedAt: clock.now, notes: nil, needs: ["老人需要助餐服务"], rule: rule, actor: nil)
        #expect(later.needs.map(\.kind) == ["need"] && later.needs[0].targetId != first.needs[0].targetId)
    }

    @Test func aRefusedVisitFilesNoNeed() throws {
        let (db, _, visits) = try services()
        let lists = CoBuildingLists(db: db, clock: clock)
        let before = try lists.needs(CoBuildingFilter()).count
        let pairing = try visits.pairings(member: "程佳怡").first!
        #expect(throws: CoBuildingWorkError.visitInFuture) {
            try visits.record(pairing: pairing, visitedAt: clock.now.addingTimeInterval(3600), notes: nil, needs: ["老人需要助餐服务"],
                              rule: rule, actor: nil)
        }
        #expect(try lists.needs(CoBuildingFilter()).count == before)
    }
}
