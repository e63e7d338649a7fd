import Foundation

/// Replies to 查询网格 for one building, kept once built: the reply depends only on
/// the place asked for, and the grid changes only by import, after which a server
/// reloads (SIGHUP) and builds a new engine, hence new handlers and an empty memo.
/// Building it — the placements, one JSON object per building, the Chinese text —
/// was ≈11 % of a cached lookup's CPU (docs/PERFORMANCE.md).
///
/// A kept reply carries its JSON bytes (all but the request id, `Reply.keepingJSON`),
/// so the socket server copies them instead of rendering the placements again
/// (≈10 % of a cached lookup in the 08:23 profile).
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
        guard reply.state == .done else { return reply }
        let kept = reply.keepingJSON()
        lock.withLock {
            if replies.count < Self.capacity { replies[key] = kept }
        }
        return kept
    }
}
