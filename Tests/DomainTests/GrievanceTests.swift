import Domain
import Foundation
import Testing

@Suite struct GrievanceTests {
    func service() throws -> (GrievanceService, GridService) {
        let db = try TestDatabase.memory()
        return (GrievanceService(db: db, clock: TestDatabase.clock, rules: try TestDatabase.rules()), GridService(db: db))
    }

    func intake(_ description: String, _ placement: GridPlacement?) -> GrievanceIntake {
        GrievanceIntake(description: description, placement: placement, community: placement?.community, estate: placement?.estate,
                        building: placement?.building, reporterName: nil, reporterPhone: "13800138000")
    }

    @Test func filingGradesRoutesAndNumbersTickets() throws {
        let (s, grid) = try service()
        let p = try grid.placement(community: nil, estate: "香榭郦景", building: "3栋")!
        let t1 = try s.file(intake("电梯坏了", p))
        let t2 = try s.file(intake("电梯困人", p))
        #expect(t1.id == "GL20261129-0001" && t2.id == "GL20261129-0002")
        #expect(t1.assignee == p.gridWorker.name && t1.gridCode == "DF-01-01")
        #expect(t1.grade == "A" && !t1.urgent)
        #expect(t2.urgent && t2.dueAt.timeIntervalSince(t2.createdAt) == 2 * 3600)
        #expect(try s.file(intake("拖欠工资三个月", p)).level == "subdistrict")
    }

    /// `file` builds its reply from the values it inserted instead of reading the row back:
    /// the two must be the same ticket, field for field, in every shape of intake.
    @Test func aFiledTicketIsTheRowAsStored() throws {
        let (s, grid) = try service()
        let p = try grid.placement(community: nil, estate: "香榭郦景", building: "3栋")!
        let occurred = Date(timeIntervalSince1970: 1_764_300_000.75)
        let intakes = [
            intake("电梯坏了", p),
            intake("电梯困人", p),
            intake("邻居吵架纠纷", p),
            intake("路灯不亮", nil),
            GrievanceIntake(description: "楼道堆物", placement: nil, community: "大富社区", estate: "不存在小区", building: "9栋",
                            reporterName: "张三", reporterPhone: nil, channel: "网格巡查", actor: "op1", anonymous: true,
                            occurredAt: occurred),
            GrievanceIntake(description: "拖欠工资三个月", placement: p, community: p.community, estate: p.estate, building: p.building,
                            reporterName: "李四", reporterPhone: "13900139000", channel: "入户走访", actor: "op2",
                            occurredAt: occurred, routeLevel: "community"),
        ]
        for i in intakes {
            let filed = try s.file(i)
            #expect(try s.ticket(id: filed.id) == filed, "\(i.description)")
        }
    }

    @Test(arguments: [
        (TicketStatus.reported, TicketAction.accept, TicketStatus?.some(.accepted)),
        (.reported, .confirm, nil),
        (.accepted, .dispatch, .dispatched),
        (.dispatched, .resolve, .resolved),
        (.resolved, .confirm, .confirmed),
        (.confirmed, .feedback, .closed),
        (.closed, .reopen, .accepted),
        (.closed, .accept, nil),
        (.resolved, .escalate, nil),
    ])
    func theLoopAllowsOnlyItsMoves(_ from: TicketStatus, _ action: TicketAction, _ to: TicketStatus?) {
        #expect(TicketTransition.next(from: from, action: action) == to)
    }

    @Test func anIllegalMoveChangesNothingAndTheHistoryRecordsEachStep() throws {
        let (s, grid) = try service()
        let t = try s.file(intake("楼道灯不亮", try grid.placement(community: nil, estate: "香榭郦景", building: "3栋")))
        #expect(throws: DomainError.self) { _ = try s.update(id: t.id, action: .confirm, note: nil, actor: nil) }
        #expect(try s.ticket(id: t.id)?.status == .reported)
        _ = try s.update(id: t.id, action: .accept, note: nil, actor: "op1")
        _ = try s.update(id: t.id, action: .escalate, note: nil, actor: "op1")
        #expect(try s.ticket(id: t.id)?.level == "community")
        #expect(try s.history(id: t.id).map(\.action) == ["file", "accept", "escalate"])
    }

    @Test func categoriesPreferTheLongestKeyword() throws {
        let rules = try TestDatabase.rules()
        #expect(rules.classify("电梯困人了").urgent)
        #expect(!rules.classify("电梯坏了").urgent)
        #expect(rules.classify("不知道怎么说").name == "其他")
    }
}
