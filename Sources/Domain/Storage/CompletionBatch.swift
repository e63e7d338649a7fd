/// The completions of one group commit, run together: work they hand to another
/// thread may wait for the end of the batch and go over in one hand-over.
///
/// Why: a group commit completes ≈40 filings at once; each completion handed its
/// reply to the connection's event loop with its own `execute` (a wake-up of the
/// loop thread per reply, ≈3 % of a filed ticket's CPU plus the task switches).
/// Inside a batch, the socket server's `ReplyMailbox` wakes its loop once, at the end.
///
/// The batch is the calling thread's (a task-local bound outside any task is a
/// thread-local): completions running elsewhere are not in it.
public final class CompletionBatch: @unchecked Sendable {
    /// `@unchecked Sendable`: `endActions` is touched only by the thread running the batch.
    @TaskLocal private static var current: CompletionBatch?
    private var endActions: [() -> Void] = []

    private init() {}

    /// Runs `completions`, then what they left for the end of the batch, in order.
    public static func run(_ completions: () -> Void) {
        let batch = CompletionBatch()
        $current.withValue(batch) { completions() }
        for action in batch.endActions { action() }
    }

    /// Inside `run` (on its thread): keeps `action` for the end of the batch and returns
    /// true. Elsewhere: returns false and does nothing (the caller acts at once).
    public static func atEnd(_ action: @escaping () -> Void) -> Bool {
        guard let batch = current else { return false }
        batch.endActions.append(action)
        return true
    }
}
