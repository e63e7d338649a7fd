@testable import Bot
import Foundation
import Testing

/// The hand-written request reader gives what `JSONDecoder` gives, and leaves
/// everything outside the usual shape (and every error) to it.
@Suite struct JSONRequestScannerTests {
    static let usual = [
        #"{"id":1,"text":"查询网格 香榭郦景3栋"}"#,
        #"{"text":"帮助"}"#,
        #" { "id" : "r-7" , "text" : "报事 电梯坏了", "session" : "s1", "operator" : "王芳" } "#,
        #"{"id":-12,"text":"x","session":null,"operator":null}"#,
        #"{"id":null,"text":""}"#,
        #"{"id":0,"text":"tab\tinside"}"#.replacingOccurrences(of: "\\t", with: "\u{7F}"),
        #"{"id":123456789012345678,"text":"a"}"#,
        // Valid, without text: read by hand, answered `missing_text` through JSONDecoder.
        #"{"id":1}"#, #"{"id":1,"text":null}"#, "{}",
    ]

    /// Escapes, other keys, repeats, fractions, big numbers, malformed or non-object JSON.
    static let unusual = [
        #"{"id":1,"text":"line\nbreak"}"#, #"{"id":1,"text":"\u4e2d"}"#, #"{"id":1,"text":"a","extra":[1,2]}"#,
        #"{"id":1,"text":"a","text":"b"}"#, #"{"id":1.5,"text":"a"}"#, #"{"id":1e3,"text":"a"}"#, #"{"id":01,"text":"a"}"#,
        #"{"id":-0,"text":"a"}"#, #"{"id":12345678901234567890,"text":"a"}"#, #"{"id":true,"text":"a"}"#,
        #"{"id":[1],"text":"a"}"#, #"{"id":{"k":1},"text":"a"}"#, #"{"id":1,"text":2}"#,
        #"{"id":1,"text":"a"} x"#, #"{"id":1,"text":"a",}"#, #"{"id":1 "text":"a"}"#, #"{"id":1,"text":"a"#, #"{"#,
        #"{"id":"\"q","text":"a"}"#, #"{"i\u0064":1,"text":"a"}"#, #"{"id":1,"text":"a"}{}"#, #"{"id":nul,"text":"a"}"#,
        #"{"id":1,"text":"a","session":5}"#, #"{"id":-,"text":"a"}"#,
        // Keys compared as bytes: near misses of the four known keys.
        #"{"ID":1,"text":"a"}"#, #"{"idx":1,"text":"a"}"#, #"{"i":1,"text":"a"}"#, #"{"id":1,"tex":"a"}"#,
        #"{"id":1,"texts":"a"}"#, #"{"id":1,"text":"a","session ":"s"}"#, #"{"id":1,"text":"a","operators":"o"}"#,
        #"{"id":1,"t\u0065xt":"a"}"#, #"{id:1,"text":"a"}"#, #"{"id":1,"text":"a","":"b"}"#,
    ]

    @Test(arguments: usual)
    func readsTheUsualShapeByHand(line: String) throws {
        let scanned = try #require(JSONRequestScanner.scan(line))
        try expectSame(scanned, try JSONDecoder().decode(WireFormat.JSONRequest.self, from: Data(line.utf8)))
    }

    @Test(arguments: unusual)
    func leavesTheRestToJSONDecoder(line: String) {
        #expect(JSONRequestScanner.scan(line) == nil)
    }

    /// A string read from a line's bytes is taken exactly when it is valid UTF-8 (as
    /// `String(validating:as:)` decides): the same text, or nil for the full decoder.
    @Test func takesStringBytesOnlyWhenValidUTF8() {
        func scan(text bytes: [UInt8]) -> WireFormat.JSONRequest? {
            let line = Array(#"{"id":1,"text":""#.utf8) + bytes + Array(#""}"#.utf8)
            return line.withUnsafeBufferPointer { JSONRequestScanner.scan(bytes: $0) }
        }
        for text in ["查询网格 香榭郦景3栋", "", "a", "caf\u{E9}", "cafe\u{301}", "😀 x", "\u{FFFD}", "\u{10FFFF}", "\u{7F}"] {
            #expect(scan(text: Array(text.utf8))?.text.map { Array($0.utf8) } == Array(text.utf8))
        }
        let invalid: [[UInt8]] = [[0xFF], [0x80], [0xE4, 0xB8], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
                                  Array("查询".utf8) + [0xE7], [0xEF, 0xBF, 0xBD, 0xFE]]
        for bytes in invalid {
            #expect(String(validating: bytes, as: UTF8.self) == nil)
            #expect(scan(text: bytes) == nil)
        }
        // Seeded random byte strings (no quote, backslash or control byte): taken exactly when valid.
        var random = SeededRandom(seed: 7)
        let pieces: [UInt8] = [UInt8(ascii: "a"), 0xC3, 0xA9, 0xE4, 0xB8, 0xAD, 0xF0, 0x9F, 0x98, 0x80, 0x80, 0xBF, 0xFF]
        for _ in 0..<3_000 {
            let bytes = (0..<Int(random.next() % 9)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }
            let valid = String(validating: bytes, as: UTF8.self)
            #expect(scan(text: bytes)?.text.map { Array($0.utf8) } == valid.map { Array($0.utf8) })
        }
    }

    /// Whichever path a line takes, `decodeJSONRequest` answers as `JSONDecoder` did.
    @Test(arguments: usual + unusual)
    func decodesAsJSONDecoderDoes(line: String) throws {
        let reference = try? JSONDecoder().decode(WireFormat.JSONRequest.self, from: Data(line.utf8))
        switch WireFormat.decodeJSONRequest(line) {
        case .success(let request):
            try expectSame(request, try #require(reference))
        case .failure(let failure):
            if let reference {
                #expect(reference.text == nil)
                #expect(failure.reply.error?.code == "missing_text")
                #expect(failure.id == reference.id)
            } else {
                #expect(failure.reply.error?.code == "bad_json")
            }
        }
    }

    private func expectSame(_ a: WireFormat.JSONRequest, _ b: WireFormat.JSONRequest) throws {
        #expect(a.id == b.id)
        #expect(a.text == b.text)
        #expect(a.session == b.session)
        #expect(a.operator == b.operator)
    }
}
