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
        guard line.contains("\"cmd\""),
              let decoded = try? JSONDecoder().decode(StatsRequest.self, from: Data(line.utf8)),
              decoded.cmd == "stats"
        else { return nil }
        self = decoded
    }
}
