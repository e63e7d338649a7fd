import Bot
import Foundation

/// The health request: the text line `/stats`, or a JSON request
/// `{"id": …, "cmd": "stats"}` (docs/PROTOCOL.md, "Health").
struct StatsRequest: Decodable {
    static let textCommand = "/stats"

    var id: JSONValue?
    var cmd: String?

    /// The request when `line` is a JSON stats request, else nil. Cheap for
    /// ordinary requests: only lines that mention `"cmd"` are decoded.
    init?(_ line: String) {
        guard line.utf8.containsCmdKey,
              let decoded = try? JSONDecoder().decode(StatsRequest.self, from: Data(line.utf8)),
              decoded.cmd == "stats"
        else { return nil }
        self = decoded
    }
}

/// Built once, not per request.
private let cmdKey: [UInt8] = Array("\"cmd\"".utf8)

extension String.UTF8View {
    /// Whether the bytes `"cmd"` occur (a byte search: `String.contains` from
    /// Foundation is a locale-aware search, and this runs on every JSON request).
    fileprivate var containsCmdKey: Bool {
        let key = cmdKey
        var matched = 0
        for byte in self {
            matched = byte == key[matched] ? matched + 1 : (byte == key[0] ? 1 : 0)
            if matched == key.count { return true }
        }
        return false
    }
}
