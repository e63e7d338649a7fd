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

    /// A kept reply's pre-rendered JSON is the reply rendered anew, for every kind of request id,
    /// and any change to the reply drops it.
    @Test func keptJSONBytesAreTheRenderedReplyForEveryID() throws {
        let clock = Clock.frozen(iso: "2026-11-29T09:00:00+08:00")!
        let engine = try TestEngine.make(clock: clock)
        _ = engine.handle("查询网格 香榭郦景3栋", session: Session(id: "memo"))
        let kept = engine.handle("查询网格 香榭郦景3栋", session: Session(id: "memo"))
        let fresh = try TestEngine.make(clock: clock).handle("查询网格 香榭郦景3栋", session: Session(id: "fresh"))
        #expect(kept.rendered != nil)
        let ids: [JSONValue?] = [nil, .int(1), .int(-42), .string("r-1"), .string("引号\"和\\"), .null, .double(1.5), .bool(true),
                                 .array([.int(1), .string("a")]), .object(["k": .string("v")])]
        for id in ids {
            #expect(WireFormat.jsonReplyBytes(kept, id: id) == WireFormat.jsonReplyBytes(fresh, id: id), "\(String(describing: id))")
        }
        var changed = kept
        changed.text += "。"
        #expect(changed.rendered == nil)
        #expect(String(decoding: WireFormat.jsonReplyBytes(changed, id: .int(1)), as: UTF8.self).contains("。\"}"))
        #expect(changed != kept)
    }
}
