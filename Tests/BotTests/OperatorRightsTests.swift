import Bot
import Domain
import Foundation
import Testing

/// `Session.mayOperate`: the socket server clears it for peers outside the operator group.
@Suite struct OperatorRightsTests {
    @Test func sessionWithoutOperatorRightsCannotMoveATicketButCanFileAndAsk() throws {
        let engine = try TestEngine.make(clock: Clock.frozen(iso: "2026-11-29T09:00:00+08:00")!)
        let resident = Session(id: "resident")
        resident.mayOperate = false
        let filed = engine.handle("报事 香榭郦景3栋电梯坏了 电话13800138000", session: resident)
        #expect(filed.ok)
        let refused = engine.handle("受理 GL20261129-0001", session: resident)
        #expect(refused.error?.code == "forbidden")
        #expect(engine.handle("查询工单 GL20261129-0001", session: resident).ok)
        let accepted = engine.handle("受理 GL20261129-0001", session: Session(id: "operator"))
        #expect(accepted.ok)
    }
}

/// Co-building staff work is operator-only too; a resident may still register a need and look it up.
@Suite struct CoBuildingOperatorRightsTests {
    @Test func residentCannotRecordAMatchOrSettleANeedButCanRegisterAndLookUpOne() throws {
        let engine = try TestEngine.make(clock: Clock.frozen(iso: "2026-11-29T09:00:00+08:00")!)
        let resident = Session(id: "resident")
        resident.mayOperate = false
        #expect(engine.handle("登记需求 大富社区 香榭郦景 缺少儿童活动场地 周末", session: resident).ok)
        #expect(engine.handle("查需求 XQ20261129-0001", session: resident).ok)
        let match = engine.handle("匹配需求 XQ20261129-0001 ZY20261022-0001", session: resident)
        #expect(match.intent == "cobuild.match")
        #expect(match.error?.code == "forbidden")
        let settle = engine.handle("办结需求 XQ20261129-0001", session: resident)
        #expect(settle.intent == "cobuild.need.update")
        #expect(settle.error?.code == "forbidden")
        // Refused means unchanged: the need is still waiting for a match.
        #expect(engine.handle("查需求 XQ20261129-0001", session: resident).text.contains("待匹配"))
        #expect(engine.handle("匹配需求 XQ20261129-0001 ZY20261022-0001", session: Session(id: "operator")).ok)
    }
}
