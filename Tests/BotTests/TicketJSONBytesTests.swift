import Bot
import Domain
import Foundation
import Testing

/// A filing's reply carries its `data` as JSON bytes written directly (`TicketJSONBytes`):
/// they must be the bytes the general path renders from the reply's `data` value, for
/// tickets with and without a place, anonymous, urgent, with a mediation channel and
/// with characters JSON escapes; and any change to the reply drops the written bytes.
@Suite struct TicketJSONBytesTests {
    static let filings = [
        "报事 香榭郦景3栋电梯坏了 电话13800138000",
        "报事 匿名 香榭郦景5栋楼道有人乱堆杂物",
        "报事 地址不详 有人在路边烧垃圾 电话13800138001",
        "报事 香榭郦景7栋楼上邻居装修噪音太大两家吵起来了 电话13800138002",
        "报事 香榭郦景9栋楼道着火了 电话13800138003",
        #"报事 香榭郦景2栋门口"井盖"丢了\还有个坑 电话13800138004"#,
        "报事 网格巡查 香榭郦景6栋垃圾桶满了没人清 电话13800138005",
    ]

    @Test func writtenBytesAreTheGeneralRendering() throws {
        let clock = Clock.frozen(iso: "2026-11-29T09:00:00+08:00")!
        let engine = try TestEngine.make(clock: clock)
        var filed = 0
        for text in Self.filings {
            let reply = engine.handle(text, session: Session(id: "bytes-\(filed)"))
            guard reply.state == .done, reply.data["ticket"] != nil else { continue }
            filed += 1
            #expect(reply.rendered != nil, "a filing's reply carries its bytes: \(text)")
            let general = Reply(state: reply.state, intent: reply.intent, text: reply.text, data: reply.data, error: reply.error)
            #expect(general.rendered == nil)
            for id: JSONValue? in [nil, .int(7), .string("a\"b"), .null] {
                let fast = WireFormat.jsonReplyBytes(reply, id: id)
                let slow = WireFormat.jsonReplyBytes(general, id: id)
                #expect(fast == slow, "\(text)\n\(String(decoding: fast, as: UTF8.self))\n\(String(decoding: slow, as: UTF8.self))")
            }
            #expect(reply == general)
        }
        #expect(filed >= 5, "most sample lines file a ticket")
    }

    @Test func anyChangeDropsTheWrittenBytes() throws {
        let clock = Clock.frozen(iso: "2026-11-29T09:00:00+08:00")!
        let engine = try TestEngine.make(clock: clock)
        let reply = engine.handle(Self.filings[0], session: Session(id: "change"))
        #expect(reply.rendered != nil)
        var changed = reply
        changed.data = ["ticket": .null]
        #expect(changed.rendered == nil)
        #expect(changed.data == ["ticket": .null])
        #expect(String(decoding: WireFormat.jsonReplyBytes(changed, id: nil), as: UTF8.self).hasPrefix(#"{"data":{"ticket":null}"#))
        var retexted = reply
        retexted.text = "别的"
        #expect(retexted.rendered == nil)
        #expect(retexted.data == reply.data)
    }
}
