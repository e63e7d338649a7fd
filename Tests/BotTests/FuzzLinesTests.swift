import Bot
import Domain
import Foundation
import SocketServer
import Testing

/// Issue 7's fault test, bounded: 10,000 random and mutated lines (random
/// bytes, truncated JSON, lines of 1 MB, GBK-encoded Chinese, control
/// characters, random Chinese text) to the real engine over a real socket.
/// After every bad line a valid request follows, and it must be answered:
/// no crash, the stream stays in step, the server keeps serving.
@Suite struct FuzzLinesTests {
    /// A small deterministic generator, so a failure can be replayed.
    struct XorShift {
        var state: UInt64
        mutating func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
        mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    static let valid = ["查询网格 香榭郦景3栋", "帮助", "报事 香榭郦景3栋楼道灯不亮 电话13800138000", "查询活动 明天", "统计"]
    static let gbk: [UInt8] = [0xB1, 0xA8, 0xCA, 0xC2, 0xCF, 0xE3, 0xE9, 0xBF]  // 报事香榭 in GBK: invalid UTF-8

    static func badLine(_ r: inout XorShift) -> [UInt8] {
        switch r.int(7) {
        case 0: return (0..<r.int(200)).map { _ in UInt8(truncatingIfNeeded: r.next()) }.filter { $0 != 10 }
        case 1:
            let json = Array(#"{"id": "x", "text": "查询网格 香榭郦景3栋", "session": "s"}"#.utf8)
            return Array(json.prefix(r.int(json.count)))
        case 2: return r.int(400) == 0 ? [UInt8](repeating: UInt8(ascii: "a"), count: 1 << 20) : Array("太长".utf8)
        case 3: return gbk + Array(" 电梯坏了".utf8)
        case 4: return Array("报事\u{0}香榭郦景\u{7}3栋\u{1B}[31m".utf8)
        case 5: return Array(String((0..<r.int(40)).map { _ in Character(Unicode.Scalar(UInt32(0x4E00 + r.int(0x5000)))!) }).utf8)
        default:
            var line = Array(valid[r.int(valid.count)].utf8)
            if !line.isEmpty { line[r.int(line.count)] = UInt8(truncatingIfNeeded: r.next()) }
            return line.filter { $0 != 10 }
        }
    }

    @Test func tenThousandBadLinesAndEveryValidRequestIsAnswered() async throws {
        let engine = try TestEngine.make(clock: Clock.frozen(iso: "2026-11-29T09:00:00+08:00")!)
        let answered = try await OffPool.run { () -> Int in
            let server = try TestServer.start(engine)
            defer { server.stop() }
            var r = XorShift(state: 0x9E37_79B9_7F4A_7C15)
            var client = try LineClient(path: server.path, timeout: 30)
            var answered = 0
            for k in 0..<10_000 {
                try client.write(Self.badLine(&r) + [10])
                let id = "ok\(k)"
                try client.send(#"{"id": "\#(id)", "text": "\#(Self.valid[k % Self.valid.count])"}"#)
                // Replies come in order: skip the bad line's reply (text or JSON) up to ours.
                while true {
                    let line = try client.readLine()
                    if line.hasPrefix("{"), line.contains(#""id":"\#(id)""#) {
                        if line.contains(#""ok":true"#) { answered += 1 }
                        break
                    }
                }
                if k % 2_000 == 1_999 {  // a fresh connection now and then, as clients come and go
                    client.close()
                    client = try LineClient(path: server.path, timeout: 30)
                }
            }
            client.close()
            return answered
        }
        #expect(answered == 10_000)
    }
}
