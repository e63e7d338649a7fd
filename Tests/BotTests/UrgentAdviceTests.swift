import Bot
import Domain
import Foundation
import Testing

/// An emergency's advice (call 110 / 119 / 120) comes with the bot's first
/// reply, even when it still asks for the building before filing.
@Suite struct UrgentAdviceTests {
    @Test func aQuestionBeforeFilingAnEmergencyCarriesItsAdvice() throws {
        let engine = try TestEngine.make(clock: Clock.frozen(iso: "2026-11-29T09:00:00+08:00")!)
        let session = Session(id: "operator")
        let asked = engine.handle("报事 凤凰小区篮球场那边有两伙人打起来了 有人流血 电话17722334455", session: session)
        #expect(asked.text.contains("【紧急】请同时拨打 110"))
        #expect(asked.text.contains("哪一栋"))
        // Answered, it files as urgent.
        let filed = engine.handle("3栋", session: session)
        #expect(filed.text.contains("已登记工单"))
        #expect(filed.text.contains("【紧急】"))
    }

    @Test func anOrdinaryProblemIsAskedPlainly() throws {
        let engine = try TestEngine.make(clock: Clock.frozen(iso: "2026-11-29T09:00:00+08:00")!)
        let asked = engine.handle("报事 凤凰小区门口路灯不亮 电话17722334455", session: Session(id: "operator"))
        #expect(asked.text.contains("哪一栋"))
        #expect(!asked.text.contains("【紧急】"))
    }
}
