import Foundation

/// How a request line and its reply look on the wire (CONTRACT §3). Shared by
/// the socket server and the transcript runner's socket mode.
public enum WireFormat {
    /// The longest request line accepted, in bytes (without the newline).
    public static let maximumLineBytes = 64 * 1024

    /// A parsed JSON request: `{"id": "r1", "text": "…", "session": "…", "operator": "…"}`.
    public struct JSONRequest: Sendable, Decodable {
        public var id: JSONValue?
        public var text: String?
        public var session: String?
        public var `operator`: String?
    }

    /// The JSON reply object for a request id.
    ///
    /// The envelope is written in sorted-key order directly (the same bytes as
    /// `JSONValue.object(…).compactJSON`, without building and sorting a
    /// dictionary per reply); `data` is written as `compactJSON` writes it.
    public static func jsonReply(_ reply: Reply, id: JSONValue?) -> String {
        String(decoding: jsonReplyBytes(reply, id: id), as: UTF8.self)
    }

    /// `jsonReply`'s UTF-8 bytes, without the trip through `String` (the socket
    /// server copies them straight into its output buffer).
    public static func jsonReplyBytes(_ reply: Reply, id: JSONValue?) -> [UInt8] {
        if let rendered = reply.rendered {
            var out: [UInt8] = []
            out.reserveCapacity(rendered.head.count + rendered.tail.count + 32)
            out += rendered.head
            out += #","id":"#.utf8
            (id ?? .null).write(to: &out)
            out += rendered.tail
            return out
        }
        var out: [UInt8] = []
        out.reserveCapacity(512 + reply.text.utf8.count)
        writeHead(reply, to: &out)
        out += #","id":"#.utf8
        (id ?? .null).write(to: &out)
        writeTail(reply, to: &out)
        return out
    }

    /// The reply's members before `id` in key order: `data` and `error`.
    static func writeHead(_ reply: Reply, to out: inout [UInt8]) {
        out += #"{"data":"#.utf8
        reply.data.write(to: &out)
        if let error = reply.error {
            out += #","error":"#.utf8
            JSONValue.object(["code": .string(error.code), "message": .string(error.message)]).write(to: &out)
        }
    }

    /// The reply's members after `id`, and the closing brace.
    static func writeTail(_ reply: Reply, to out: inout [UInt8]) {
        out += #","intent":"#.utf8
        JSONValue.optional(reply.intent).write(to: &out)
        out += #","ok":"#.utf8
        out += (reply.ok ? "true" : "false").utf8
        out += #","state":"#.utf8
        JSONValue.string(reply.state.rawValue).write(to: &out)
        out += #","text":"#.utf8
        JSONValue.string(reply.text).write(to: &out)
        out.append(UInt8(ascii: "}"))
    }

    /// A text reply is its lines followed by one empty line, which ends it.
    /// (Reply text never contains an empty line.)
    public static func textReply(_ reply: Reply) -> String {
        reply.text + "\n\n"
    }

    /// Decodes a JSON request line, or returns the error reply to send instead.
    public static func decodeJSONRequest(_ line: String) -> Result<JSONRequest, ReplyWithID> {
        // The usual request shape is read by hand; anything else (and every error) goes through JSONDecoder.
        if let request = JSONRequestScanner.scan(line), request.text != nil { return .success(request) }
        guard let data = line.data(using: .utf8),
              let request = try? JSONDecoder().decode(JSONRequest.self, from: data)
        else {
            let id = extractID(line)
            return .failure(ReplyWithID(id: id, reply: .failure(nil, code: "bad_json", message: "请求不是有效的 JSON。")))
        }
        guard let text = request.text else {
            return .failure(ReplyWithID(id: request.id, reply: .failure(nil, code: "missing_text", message: "请求缺少 text 字段。")))
        }
        _ = text
        return .success(request)
    }

    public struct ReplyWithID: Error, Sendable {
        public var id: JSONValue?
        public var reply: Reply
    }

    /// Best effort: the id of a malformed request, so the client can match the error.
    private static func extractID(_ line: String) -> JSONValue? {
        guard let data = line.data(using: .utf8),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let id = object["id"]
        else { return nil }
        if let s = id as? String { return .string(s) }
        if let i = id as? Int { return .int(i) }
        return nil
    }
}
