import Bot
import Domain
import Foundation
import Testing

/// An emergency's advice (call 110 / 119 / 120) comes with the bot's first
/// reply, and an emergency told without its building is filed at once, routed
/// to the estate's area, instead of waiting for the building.
@Suite struct UrgentAdviceTests {
    static func engine() throws -> Engine {
        try TestEngine.make(clock: Clock.frozen(iso: "2026-11-29T09:00:00+08:00")!)
    }

    @Test func anEmergencyWithoutItsBuildingIsFiledAtOnce() throws {
        let engine = try Self.engine()
        let session = Session(id: "operator")
        let filed = engine.handle("报事 凤凰小区篮球场那边有两伙人打起来了 有人流血 电话17722334455", session: session)
        #expect(filed.text.contains("已登记工单"))
        #expect(filed.text.contains("【紧急】请同时拨打 110"))
        #expect(filed.text.contains("广培社区 › 凤凰小区（楼栋未说明）"))
        // Every building of 凤凰小区 lies in 广培第六街区 (several grids): its block leader takes it.
        #expect(filed.text.contains("已派给街区长 武宁（13800000962）"))
        #expect(!filed.text.contains("分拨队列"))
        let id = try #require(filed.text.firstMatch(of: /GL\d{8}-\d{4}/)).output
        let status = engine.handle("查询工单 \(id)", session: session)
        #expect(status.text.contains("凤凰小区"))
        #expect(status.text.contains("武宁"))
        #expect(!status.text.contains("待分拨"))
    }

    @Test func aQuestionBeforeFilingAnEmergencyCarriesItsAdvice() throws {
        let engine = try Self.engine()
        let session = Session(id: "operator")
        // No phone yet: the bot asks for it, with the advice in front.
        let asked = engine.handle("报事 凤凰小区篮球场那边有两伙人打起来了 有人流血", session: session)
        #expect(asked.text.contains("【紧急】请同时拨打 110"))
        #expect(!asked.text.contains("已登记工单"))
        let filed = engine.handle("17722334455", session: session)
        #expect(filed.text.contains("已登记工单"))
        #expect(filed.text.contains("【紧急】"))
    }

    @Test func anOrdinaryProblemStillAsksForTheBuilding() throws {
        let engine = try Self.engine()
        let asked = engine.handle("报事 凤凰小区门口路灯不亮 电话17722334455", session: Session(id: "operator"))
        #expect(asked.text.contains("哪一栋"))
        #expect(!asked.text.contains("【紧急】"))
    }
}
