@testable import Bot
import SQLiteStorage
import Transcripts
import Understanding
import Domain
import Foundation
import Testing

/// A building's 查询网格 reply kept beside its understanding (`UnderstandingCache.keep`, served
/// by `Engine.prepare` without routing): every reply is the one an engine without the understanding cache
/// gives, whatever the dialogue state around it, and the kept reply is served only outside
/// a dialogue and for the same text.
@Suite struct LookupReplyMemoTests {
    static let clock = Clock.frozen(iso: "2026-11-29T09:00:00+08:00")!

    static func uncached() throws -> Engine {
        let root = TranscriptDiscovery.packageRoot()!
        return try BotEnvironment.makeEngine(db: try SQLiteDatabase(path: ":memory:"), root: root, clock: clock,
                                             understandingCacheSize: 0)
    }

    @Test func repliesAreThoseOfAnEngineWithoutCaches() throws {
        let engine = try TestEngine.make(clock: Self.clock)
        let plain = try Self.uncached()
        // Lookups between the turns of a dialogue (a filing that asks for a phone, a choice of estate).
        let lines = ["查询网格 香榭郦景3栋", "查询网格 香榭郦景3栋", "报事 香榭郦景3栋电梯坏了", "查询网格 香榭郦景3栋",
                     "查询网格 香榭郦景3栋", "报事 香榭郦景5栋楼道灯不亮", "13800138000", "查询网格 香榭郦景3栋",
                     "查询网格 香榭郦景5栋", "查询网格 香榭郦景99栋", "查询网格 香榭郦景99栋", "查询网格 香榭郦景",
                     "查询网格 香榭郦景5栋", "  查询网格 香榭郦景5栋  ", "取消", "查询网格 香榭郦景3栋"]
        let session = Session(id: "memo"), plainSession = Session(id: "plain")
        for line in lines {
            let reply = engine.handle(line, session: session)
            let expected = plain.handle(line, session: plainSession)
            #expect(reply == expected, "\(line)")
            #expect((session.dialogue == nil) == (plainSession.dialogue == nil), "\(line)")
            if let rendered = reply.rendered {
                #expect(rendered.head + rendered.tail != [], "\(line)")
                let fresh = Reply(state: reply.state, intent: reply.intent, text: reply.text, data: reply.data, error: reply.error)
                #expect(WireFormat.jsonReplyBytes(reply, id: .int(3)) == WireFormat.jsonReplyBytes(fresh, id: .int(3)), "\(line)")
            }
        }
    }

    @Test func keptOnlyForABuildingsLookupAndServedOutsideADialogue() throws {
        let engine = try TestEngine.make(clock: Self.clock)
        let context = engine.context
        let session = Session(id: "kept")
        let building = "查询网格 香榭郦景3栋"
        #expect(engine.understandingCache.keptReply(for: building, context: context) == nil)
        let first = engine.handle(building, session: session)
        let kept = try #require(engine.understandingCache.keptReply(for: building, context: context))
        #expect(kept == first)
        #expect(engine.handle(building, session: session) == first)
        // Not kept: an estate's summary, a place not found, a filing's question.
        for line in ["查询网格 香榭郦景", "查询网格 香榭郦景99栋", "报事 香榭郦景3栋电梯坏了"] {
            _ = engine.handle(line, session: Session(id: "other"))
            #expect(engine.understandingCache.keptReply(for: line, context: context) == nil, "\(line)")
        }
        // Inside a dialogue the lookup is routed (it ends the dialogue, and says so), as without the memo.
        _ = engine.handle("报事 香榭郦景3栋电梯坏了", session: session)
        #expect(session.dialogue != nil)
        let inside = engine.handle(building, session: session)
        #expect(inside.text == "（上一条“报事”未完成，没有保存。）\n" + first.text)
        #expect(inside.data == first.data)
        #expect(session.dialogue == nil)
        // Another day's clock: the entry (and the reply beside it) no longer serves.
        let tomorrow = ParseContext(now: context.now.addingTimeInterval(86_400), timeZone: context.timeZone)
        #expect(engine.understandingCache.keptReply(for: building, context: tomorrow) == nil)
    }
}
