import Bot
import Domain
import Foundation
import Testing

/// `GridReplyMemo`: a building's lookup answered from the memo is the reply a fresh engine builds,
/// for each building asked (no reply served for another key), and a place not found is not kept.
@Suite struct GridReplyMemoTests {
    @Test func keptRepliesAreTheRepliesAFreshEngineBuilds() throws {
        let clock = Clock.frozen(iso: "2026-11-29T09:00:00+08:00")!
        let engine = try TestEngine.make(clock: clock)
        let texts = ["查询网格 香榭郦景3栋", "查询网格 香榭郦景5栋", "查询网格 香榭郦景3栋", "查询网格 香榭郦景99栋",
                     "查询网格 香榭郦景99栋", "查询网格 香榭郦景5栋", "查询网格 香榭郦景"]
        var seen: [String: Reply] = [:]
        for text in texts {
            let reply = engine.handle(text, session: Session(id: "memo"))
            let fresh = try TestEngine.make(clock: clock).handle(text, session: Session(id: "fresh"))
            #expect(reply == fresh, "\(text)")
            if let earlier = seen[text] { #expect(reply == earlier, "\(text)") }
            seen[text] = reply
        }
        #expect(seen["查询网格 香榭郦景3栋"] != seen["查询网格 香榭郦景5栋"])
        #expect(seen["查询网格 香榭郦景99栋"]?.error?.code == "place_not_found")
    }
}
