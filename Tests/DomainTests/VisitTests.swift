import Domain
import Foundation
import Testing

@Suite struct VisitTests {
    let clock = TestDatabase.clock

    func services() throws -> (any SQLDatabase, GrievanceService, VisitService) {
        let db = try TestDatabase.memory()
        let grievances = GrievanceService(db: db, clock: clock, rules: try TestDatabase.rules())
        return (db, grievances, VisitService(db: db, clock: clock, grievances: grievances))
    }

    @Test func eachNeedBecomesAGrievanceRoutedToTheCommunity() throws {
        let (_, grievances, visits) = try services()
        let pairing = try visits.pairings(member: "程佳怡").first!
        let v = try visits.record(pairing: pairing, visitedAt: clock.now, notes: "独居", needs: ["楼道灯坏了", "卫生间漏水"], actor: "张接线员")
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
        let first = try visits.record(pairing: pairing, visitedAt: clock.now, notes: nil, needs: ["楼道灯坏了"], actor: nil)
        let again = try visits.record(pairing: pairing, visitedAt: clock.now, notes: nil, needs: ["楼道灯坏了"], actor: nil)
        #expect(again.needs[0].kind == "attached" && again.needs[0].targetId == first.needs[0].targetId)
        #expect(try grievances.list(TicketFilter()).count == 1)
    }

    @Test func aVisitInTheFutureIsRefusedAndNothingIsFiled() throws {
        let (db, grievances, visits) = try services()
        let pairing = try visits.pairings(member: "程佳怡").first!
        #expect(throws: CoBuildingWorkError.visitInFuture) {
            try visits.record(pairing: pairing, visitedAt: clock.now.addingTimeInterval(3600), notes: nil, needs: ["漏水"], actor: nil)
        }
        #expect(try grievances.list(TicketFilter()).isEmpty)
        #expect(try CoBuildingWorkFigures.load(db).visits == 0)
    }

    @Test func figuresCountHouseholdsVisited() throws {
        let (db, _, visits) = try services()
        let pairings = try visits.pairings(community: "大富社区")
        _ = try visits.record(pairing: pairings[0], visitedAt: clock.now, notes: nil, needs: ["楼道灯坏了"], actor: nil)
        _ = try visits.record(pairing: pairings[0], visitedAt: clock.now, notes: nil, needs: [], actor: nil)
        _ = try visits.record(pairing: pairings[1], visitedAt: clock.now, notes: nil, needs: [], actor: nil)
        let f = try CoBuildingWorkFigures.load(db)
        #expect(f.visits == 3 && f.householdsVisited == 2 && f.needsFound == 1 && f.ticketsFromVisits == 1 && f.householdsPaired == 100)
    }
}
