import Bot
import Foundation
import Testing

/// `JSONValue.compactJSON` writes the same bytes as `JSONLine.encode`.
@Suite struct JSONSerializationTests {
    static let samples: [JSONValue] = [
        .null, true, 0, -42, .double(0.5), .double(1), .double(1.0e-7), .double(12345.678),
        "plain", "中文“引号”/斜杠", "quote\" back\\ nl\n cr\r tab\t bs\u{08} ff\u{0C} nul\u{00} us\u{1F} del\u{7F}",
        ["b": 1, "a": [1, "x", .null], "A": ["z": true, "p99": .double(2.25), "p50": 0]],
        ["data": ["matches": [["grid_code": "DF-01-02", "estate": "香榭郦景"]]], "id": "r1", "ok": true, "intent": .null],
        ["key10": 1, "key9": 2, "_x": 3, "Z": 4, "ä": 5, "中": 6, "": 7],
    ]

    @Test(arguments: samples)
    func matchesJSONEncoder(value: JSONValue) {
        #expect(value.compactJSON == JSONLine.encode(value))
    }
}
