import Bot
import Domain
import Foundation
import Testing

/// Two intents too close to call: the engine asks which was meant (state
/// `clarify`, `data.choices` with each intent), and the answer carries on with
/// the chosen intent and the slots the first line already gave.
@Suite struct ClarifyIntentTests {
    static let line = "你好 我想问下活动安排和我的预约"

    @Test func asksWhichIntentThenCarriesOn() throws {
        let engine = try TestEngine.make(clock: Clock.frozen(iso: "2026-11-29T09:00:00+08:00")!)
        let session = Session(id: "s")
        let asked = engine.handle(Self.line, session: session)
        #expect(asked.state == .clarify)
        #expect(asked.text.contains("我的预约") && asked.text.contains("查询活动"))
        guard case .object(let data) = asked.data, case .array(let choices) = data["choices"] else {
            Issue.record("no choices: \(asked.data)")
            return
        }
        let intents = choices.compactMap { choice -> String? in
            guard case .object(let c) = choice, case .string(let i) = c["intent"] else { return nil }
            return i
        }
        #expect(Set(intents) == ["activity.bookings", "activity.search"])
        // Picking 查询活动 by its number answers it.
        let number = intents.firstIndex(of: "activity.search")! + 1
        let answered = engine.handle("\(number)", session: session)
        #expect(answered.intent == "activity.search")
        #expect(answered.state == .done)
        #expect(session.dialogue == nil)
        // Picking 我的预约 by name goes on to ask for the phone number.
        let other = Session(id: "t")
        #expect(engine.handle(Self.line, session: other).state == .clarify)
        let asked2 = engine.handle("我的预约", session: other)
        #expect(asked2.intent == "activity.bookings")
        #expect(asked2.state == .ask)
        #expect(engine.handle("13800001111", session: other).state == .done)
    }

    /// Choices are listed (which 太极拳 session?) and the operator types another
    /// command instead of a number: that command is answered, the choice dropped.
    @Test func aNewCommandLeavesTheChoicesListed() throws {
        let engine = try TestEngine.make(clock: Clock.frozen(iso: "2026-11-29T09:00:00+08:00")!)
        let session = Session(id: "s")
        let listed = engine.handle("预约 明天 太极拳 7点 一人 13800006666", session: session)
        #expect(listed.state == .clarify)
        // Not a choice and not a command: asked again.
        #expect(engine.handle("嗯嗯", session: session).state == .clarify)
        let lookup = engine.handle("查询网格 香榭郦景3栋", session: session)
        #expect(lookup.intent == "grid.lookup")
        #expect(lookup.state == .done)
        #expect(session.dialogue == nil)
    }

    @Test func aClearRequestIsNotAskedAbout() throws {
        let engine = try TestEngine.make(clock: Clock.frozen(iso: "2026-11-29T09:00:00+08:00")!)
        let reply = engine.handle("我的预约 13800001111", session: Session(id: "s"))
        #expect(reply.state == .done)
        #expect(reply.intent == "activity.bookings")
    }
}

/// A short form several estates share (观峰) is asked about, never guessed.
@Suite struct ShortFormEstateTests {
    @Test func aSharedShortFormIsAskedAboutWithTheBuildingKept() throws {
        let engine = try TestEngine.make(clock: Clock.frozen(iso: "2026-11-29T09:00:00+08:00")!)
        let session = Session(id: "s")
        let asked = engine.handle("观峰5栋的网格员是谁", session: session)
        #expect(asked.state == .clarify)
        #expect(asked.text.contains("观峰公馆") && asked.text.contains("观峰豪庭"))
        let answered = engine.handle("观峰公馆", session: session)
        #expect(answered.state == .done)
        #expect(answered.text.contains("观峰公馆5栋"))
    }

    @Test func aUniqueShortFormIsUnderstoodDirectly() throws {
        let engine = try TestEngine.make(clock: Clock.frozen(iso: "2026-11-29T09:00:00+08:00")!)
        let reply = engine.handle("香榭3栋的网格员是谁", session: Session(id: "s"))
        #expect(reply.state == .done)
        #expect(reply.text.contains("香榭郦景"))
    }
}
