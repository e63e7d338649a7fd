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
