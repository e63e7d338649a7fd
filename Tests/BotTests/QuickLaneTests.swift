@testable import Bot
import Domain
import Foundation
import Testing
@testable import SocketServer

/// The socket's quick lane — a JSON line read from its bytes (`QuickJSONRequest`), a building's
/// kept 查询网格 reply served without the engine's checks (`LineHandler.keptReply`), the reply
/// written straight into the output buffer — answers every line byte for byte as the general
/// path (`RequestResponder.quickLane = false`) does, on two engines fed the same lines.
@Suite struct QuickLaneTests {
    static let clock = Clock.frozen(iso: "2026-11-29T09:00:00+08:00")!

    static func responders() throws -> (quick: RequestResponder, general: RequestResponder) {
        let quick = RequestResponder(handler: try TestEngine.make(clock: clock), sessions: SessionRegistry(), stats: ServerStats(),
                                     openConnections: { 1 })
        var general = RequestResponder(handler: try TestEngine.make(clock: clock), sessions: SessionRegistry(), stats: ServerStats(),
                                       openConnections: { 1 })
        general.quickLane = false
        return (quick, general)
    }

    /// Lines of every kind the quick lane must take or leave: kept lookups, filings and a
    /// dialogue around them, ids of each type, white space, `\r`, controls (C0, DEL, C1) inside
    /// and outside the text, invalid UTF-8, escapes, other keys, malformed JSON, text mode.
    static let lines: [[UInt8]] = {
        let grid = "查询网格 香榭郦景3栋"
        var texts = [
            #"{"id":1,"text":"\#(grid)"}"#, #"{"id":1,"text":"\#(grid)"}"#, #"{"id":"r-7","text":"\#(grid)"}"#,
            #"{"id":null,"text":"\#(grid)"}"#, #"{"text":"\#(grid)"}"#, #" {"id":1,"text":"\#(grid)"}"#,
            #"{"id":1,"text":"  \#(grid)  "}"#, "{\"id\":1,\t\"text\":\"\(grid)\"}", "{\"id\":1,\"text\":\"\(grid)\t\"}",
            #"{ "id" : -42 , "text" : "\#(grid)" } "#, #"{"id":1,"text":"查询网格 香榭郦景5栋"}"#,
            #"{"id":1,"text":"查询网格 香榭郦景"}"#, #"{"id":1,"text":"查询网格 香榭郦景99栋"}"#,
            "{\"id\":1,\"text\":\"查询网格 \u{85}香榭郦景3栋\"}", "{\"id\":\"\u{85}\",\"text\":\"\(grid)\"}",
            "{\"id\":1,\"text\":\"\(grid)\u{7F}\"}", "{\"id\":1,\"text\":\"\(grid)\"}\u{7F}", "{\"id\":1,\u{1}\"text\":\"\(grid)\"}",
            #"{"id":1,"text":"\#(grid)","operator":"王"}"#, #"{"id":1,"text":"\#(grid)","session":"s1"}"#,
            #"{"id":1,"text":"\#(grid)","session":null,"operator":null}"#, #"{"id":1,"text":"cmd"}"#,
            #"{"id":1,"text":""}"#, #"{"id":1,"text":"   "}"#, #"{"id":1,"text":null}"#, #"{"id":1}"#, "{}",
            #"{"id":1.5,"text":"\#(grid)"}"#, #"{"id":01,"text":"\#(grid)"}"#, #"{"id":1,"text":"a\"b"}"#,
            #"{"id":1,"text":"\u67e5询网格 香榭郦景3栋"}"#, #"{"id":1,"text":"\#(grid)"} x"#, #"{"id":1,"text":"\#(grid)""#,
            #"{"id":1,"id":2,"text":"\#(grid)"}"#, #"{"id":1,"text":"\#(grid)","extra":true}"#,
            #"{"id":1,"text":"报事 香榭郦景3栋电梯坏了 电话13800138000"}"#, #"{"id":2,"text":"报事 香榭郦景3栋电梯坏了 电话13800138000"}"#,
            #"{"id":3,"text":"报事 香榭郦景5栋楼道灯不亮"}"#, #"{"id":4,"text":"\#(grid)"}"#, #"{"id":5,"text":"13800138000"}"#,
            #"{"id":6,"text":"报事 香榭郦景7栋水管爆了"}"#, #"{"id":7,"text":"取消"}"#, #"{"id":8,"text":"\#(grid)"}"#,
            grid, "  \(grid)", "帮助",
        ].map { Array($0.utf8) }
        texts += texts.prefix(4).map { $0 + [0x0D] } + texts.prefix(2).map { $0 + [0x0D, 0x0D] }
        // Invalid UTF-8 in the text, in the id, and outside the strings.
        texts.append(Array(#"{"id":1,"text":"查询网格 "#.utf8) + [0xE9, 0xFF] + Array(#""}"#.utf8))
        texts.append(Array(#"{"id":""#.utf8) + [0xC3] + Array(#"","text":"\#(grid)"}"#.utf8))
        texts.append(Array(#"{"id":1,"text":"\#(grid)"}"#.utf8) + [0xC2])
        return texts
    }()

    @Test func everyLineIsAnsweredAsByTheGeneralPath() throws {
        let (quick, general) = try Self.responders()
        let q = Session(id: "q"), g = Session(id: "g")
        for _ in 0..<2 {
            for line in Self.lines {
                let a = quick.respondBytes(to: .line(line), connectionSession: q)
                let b = general.respondBytes(to: .line(line), connectionSession: g)
                #expect(a == b, "\(String(decoding: line, as: UTF8.self))")
            }
        }
    }

    /// Random changes to those lines (a byte replaced, dropped or doubled; seeded, so the same each run).
    @Test func mutatedLinesAreAnsweredAsByTheGeneralPath() throws {
        let (quick, general) = try Self.responders()
        let q = Session(id: "q"), g = Session(id: "g")
        var random = SeededRandom(seed: 7)
        let alphabet: [UInt8] = [0x00, 0x09, 0x0D, 0x20, 0x22, 0x2C, 0x3A, 0x5C, 0x7B, 0x7D, 0x7F, 0x80, 0x85, 0x9F, 0xC2, 0xE9, 0xFF,
                                 UInt8(ascii: "1"), UInt8(ascii: "n"), UInt8(ascii: "t")]
        for _ in 0..<1500 {
            var line = Self.lines[Int(random.next() % UInt64(Self.lines.count))]
            guard !line.isEmpty else { continue }
            let at = Int(random.next() % UInt64(line.count))
            switch random.next() % 3 {
            case 0: line[at] = alphabet[Int(random.next() % UInt64(alphabet.count))]
            case 1: line.remove(at: at)
            default: line.insert(line[at], at: at)
            }
            // A stats request's figures differ between two servers (latencies): not compared.
            if String(decoding: line, as: UTF8.self).contains("cmd") { continue }
            let a = quick.respondBytes(to: .line(line), connectionSession: q)
            let b = general.respondBytes(to: .line(line), connectionSession: g)
            #expect(a == b, "\(line)")
        }
    }

    @Test func quickRequestReadsOnlyLinesTheGeneralPathPassesUnchanged() {
        func quick(_ line: String, _ extra: [UInt8] = []) -> QuickJSONRequest? { QuickJSONRequest(line: Array(line.utf8) + extra) }
        #expect(quick(#"{"id":1,"text":"查询网格 香榭郦景3栋"}"#) == QuickJSONRequest(id: .int(1), text: "查询网格 香榭郦景3栋"))
        #expect(quick(#"{"text":"帮助","id":"a b"}"#, [0x0D]) == QuickJSONRequest(id: .string("a b"), text: "帮助"))
        #expect(quick(#"{"id":null,"text":"帮助","operator":null}"#) == QuickJSONRequest(id: nil, text: "帮助"))
        for refused in [#"{"id":1,"text":"帮助","operator":"王"}"#, #"{"id":1,"text":"帮助","session":"s"}"#,
                        #"{"id":1,"cmd":"stats"}"#, #"{"id":1}"#, #"{"id":1,"text":null}"#, #" {"id":1,"text":"帮助"}"#,
                        "{\"id\":1,\"text\":\"帮\u{85}助\"}", "{\"id\":1,\"text\":\"帮助\u{7F}\"}", "{\"id\":1,\r\"text\":\"帮助\"}",
                        #"{"id":1,"text":"帮\n助"}"#, #"{"id":1,"text":"帮助"}x"#] {
            #expect(quick(refused) == nil, "\(refused)")
        }
        #expect(quick(#"{"id":1,"text":"帮助"}"#, [0x0D, 0x0D]) == nil)
        #expect(QuickJSONRequest(line: Array(#"{"id":1,"text":""#.utf8) + [0xE5, 0xB8] + Array(#""}"#.utf8)) == nil)
    }
}

/// xorshift64*: the same numbers every run.
struct SeededRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed == 0 ? 0x9E37_79B9_7F4A_7C15 : seed }
    mutating func next() -> UInt64 {
        state ^= state >> 12
        state ^= state << 25
        state ^= state >> 27
        return state &* 0x2545_F491_4F6C_DD1D
    }
}
