import Foundation

/// Replies to 查询网格 for one building, kept once built: the reply depends only on
/// the place asked for, and the grid changes only by import, after which a server
/// reloads (SIGHUP) and builds a new engine, hence new handlers and an empty memo.
/// Building it — the placements, one JSON object per building, the Chinese text —
/// was ≈11 % of a cached lookup's CPU (docs/PERFORMANCE.md).
///
/// Bounded: the sample grid has ≈3,000 buildings; past `capacity` places nothing
/// more is kept (a lookup of an unkept place is built as before).
///
/// `@unchecked Sendable`: `replies` is read and written under `lock`.
final class GridReplyMemo: @unchecked Sendable {
    static let capacity = 8_192
    private let lock = NSLock()
    private var replies: [String: Reply] = [:]

    /// The kept reply for `key`, or `build()`'s (kept when it is a finished answer).
    func reply(for key: String, _ build: () throws -> Reply) rethrows -> Reply {
        if let kept = lock.withLock({ replies[key] }) { return kept }
        let reply = try build()
        if reply.state == .done {
            lock.withLock {
                if replies.count < Self.capacity { replies[key] = reply }
            }
        }
        return reply
    }
}
