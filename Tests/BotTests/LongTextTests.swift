import Bot
import Domain
import Foundation
import Testing
import Understanding

/// A text longer than the understanding analyses gets a Chinese refusal and
/// changes nothing, even inside a dialogue; a text at the limit is still read.
@Suite struct LongTextTests {
    static let clock = Clock.frozen(iso: "2026-11-29T09:00:00+08:00")!

    @Test func overTheLimitIsRefusedAndFilesNothing() throws {
        let engine = try TestEngine.make(clock: Self.clock)
        let session = Session(id: "long")
        let problem = "报事 香榭郦景3栋电梯坏了 电话13800138000 "
        let padding = String(repeating: "三点多", count: Understander.maximumCharacters / 3 + 1)
        let reply = engine.handle(problem + padding, session: session)
        #expect(reply.state == .error)
        #expect(reply.error?.code == "text_too_long")
        #expect(reply.text.contains("内容过长"))
        #expect(try engine.services.stats.figures().ticketsTotal == 0)
        #expect(session.dialogue == nil)
    }

    @Test func aDialogueSurvivesALongAnswer() throws {
        let engine = try TestEngine.make(clock: Self.clock)
        let session = Session(id: "dialogue")
        #expect(engine.handle("报事", session: session).state == .ask)
        let long = engine.handle(String(repeating: "楼道灯坏了", count: Understander.maximumCharacters / 5 + 1), session: session)
        #expect(long.error?.code == "text_too_long")
        #expect(session.dialogue != nil)
    }

    @Test func atTheLimitIsUnderstood() throws {
        let engine = try TestEngine.make(clock: Self.clock)
        let head = "查询网格 香榭郦景3栋"
        let text = head + String(repeating: "。", count: Understander.maximumCharacters - head.unicodeScalars.count)
        #expect(text.unicodeScalars.count == Understander.maximumCharacters)
        let reply = engine.handle(text, session: Session(id: "edge"))
        #expect(reply.intent == "grid.lookup")
        #expect(reply.state == .done)
    }
}
