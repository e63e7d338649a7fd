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
