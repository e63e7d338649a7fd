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

    static let replies: [(Reply, JSONValue?)] = [
        (.done("grid.lookup", "香榭郦景3栋 属于 大富社区\n网格员 \"王\"", data: ["matches": [["estate": "香榭郦景"]]]), .int(1)),
        (.failure(nil, code: "bad_json", message: "请求不是有效的 JSON。"), nil),
        (.ask("grievance.file", "请问在哪个小区？", data: ["awaiting": "estate"]), .string("r-7")),
        (.clarify(nil, "请选择：", choices: [["title": "1"]]), .null),
        (.done(nil, "", data: [:]), .double(2.5)),
    ]

    /// The reply envelope written directly is the envelope JSONEncoder writes.
    @Test(arguments: 0..<replies.count)
    func replyEnvelopeMatchesJSONEncoder(index: Int) {
        let (reply, id) = Self.replies[index]
        var object: [String: JSONValue] = [
            "id": id ?? .null, "ok": .bool(reply.ok), "state": .string(reply.state.rawValue),
            "intent": .optional(reply.intent), "text": .string(reply.text), "data": reply.data,
        ]
        if let error = reply.error { object["error"] = ["code": .string(error.code), "message": .string(error.message)] }
        #expect(WireFormat.jsonReply(reply, id: id) == JSONLine.encode(JSONValue.object(object)))
    }
}
