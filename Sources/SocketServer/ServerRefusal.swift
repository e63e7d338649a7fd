import Bot

/// Why the server turns a connection away before reading from it. The one
/// place where these Chinese messages are made.
enum ServerRefusal: Sendable, Equatable {
    case tooManyConnections(limit: Int)
    case notAllowed

    var reply: Reply {
        switch self {
        case .tooManyConnections(let limit):
            .failure(nil, code: "too_many_connections", message: "服务繁忙：连接数已达上限（\(limit)），请稍后重试。")
        case .notAllowed:
            .failure(nil, code: "not_allowed", message: "无权连接本服务（用户或用户组不在允许名单中）。")
        }
    }

    /// The one JSON line sent before the connection is closed.
    var line: String { WireFormat.jsonReply(reply, id: nil) + "\n" }
}
