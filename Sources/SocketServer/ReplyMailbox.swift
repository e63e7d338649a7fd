import Domain
import Foundation
import NIOCore

/// Hands replies finished on other threads (the group committer, request threads)
/// to one event loop: deliveries posted while one hand-over is pending go with it,
/// and inside a group commit's completions (`CompletionBatch`) the loop is woken
/// once, at the end, for the whole batch instead of once per reply.
///
/// `@unchecked Sendable`: `waiting` is read and written under `lock`.
final class ReplyMailbox: @unchecked Sendable {
    typealias Delivery = @Sendable () -> Void

    private let loop: any EventLoop
    private let lock = NSLock()
    private var waiting: [Delivery] = []
    /// The loop's connections' flushes, done together at the end of its turn.
    let flushes: DeferredFlushes

    init(loop: any EventLoop) {
        self.loop = loop
        self.flushes = DeferredFlushes(loop: loop)
    }

    /// Runs `delivery` on the loop, soon: with the next hand-over.
    func post(_ delivery: @escaping Delivery) {
        let first = lock.withLock {
            waiting.append(delivery)
            return waiting.count == 1
        }
        guard first else { return }  // a hand-over is already on its way
        if !CompletionBatch.atEnd({ self.wake() }) { wake() }
    }

    private func wake() {
        loop.execute { self.deliver() }
    }

    /// On the loop: everything posted until now, in order.
    private func deliver() {
        var batch: [Delivery] = []
        lock.withLock { swap(&batch, &waiting) }
        flushes.together { for delivery in batch { delivery() } }
    }
}

/// One mailbox per event loop of a server.
///
/// `@unchecked Sendable`: `boxes` is read and written under `lock` (once per connection).
final class ReplyMailboxes: @unchecked Sendable {
    private let lock = NSLock()
    private var boxes: [ObjectIdentifier: ReplyMailbox] = [:]

    func mailbox(for loop: any EventLoop) -> ReplyMailbox {
        lock.withLock {
            if let box = boxes[ObjectIdentifier(loop)] { return box }
            let box = ReplyMailbox(loop: loop)
            boxes[ObjectIdentifier(loop)] = box
            return box
        }
    }
}
