import NIOCore

/// The flushes of one event loop's connections, done together once the loop has handled
/// every socket that was ready in this turn (a task run by the loop after its I/O events).
///
/// Why: flushing each connection as its read burst ends interleaves one socket write with
/// the next socket's read, so a client waiting on several connections is woken for each
/// reply while the server is still reading. Written back to back (as Redis writes its
/// replies before it sleeps), the client is woken once and finds the other replies ready,
/// and its next requests arrive together: fewer wake-ups on both sides per request.
/// The replies and their order on each connection are unchanged; only when the write
/// system call happens moves, within the same turn of the loop.
///
/// `@unchecked Sendable`: `waiting` is touched only on `loop` (every caller runs there;
/// `request` checks it in debug builds).
final class DeferredFlushes: @unchecked Sendable {
    private let loop: any EventLoop
    private var waiting: [ChannelHandlerContext] = []
    /// The batch being flushed, kept to reuse its storage.
    private var flushing: [ChannelHandlerContext] = []

    init(loop: any EventLoop) {
        self.loop = loop
    }

    /// Inside `together`: the flushes wait for its end, no task is needed.
    private var holding = false

    /// Flushes `context`'s channel later in this turn of the loop (on the loop only).
    func request(_ context: ChannelHandlerContext) {
        loop.assertInEventLoop()
        waiting.append(context)
        guard waiting.count == 1, !holding else { return }  // the task is already on its way, or `together` flushes
        loop.execute { self.flushAll() }
    }

    /// Runs `body` (on the loop) and then the flushes it asked for, at once: a hand-over of
    /// finished replies (`ReplyMailbox`) writes them back to back without a task of its own.
    func together(_ body: () -> Void) {
        loop.assertInEventLoop()
        holding = true
        body()
        holding = false
        if !waiting.isEmpty { flushAll() }
    }

    private func flushAll() {
        // A flush may start more replies (writability), which ask for the next turn's task.
        swap(&waiting, &flushing)
        for context in flushing where context.channel.isActive { context.flush() }
        flushing.removeAll(keepingCapacity: true)
    }
}
