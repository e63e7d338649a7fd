import Foundation

/// A request taken as far as it goes without waiting on a durable write.
///
/// The socket server answers a `ready` reply on the connection's event loop,
/// starts a `deferred` one there too (its write goes to the group committer and
/// the reply comes back through the completion once the write is durable), and
/// runs a `blocking` one on its request threads: a write waits there for its
/// group commit, which must never hold up an event loop, while a lookup is
/// answered without the two thread hops (docs/PERFORMANCE.md).
public enum PreparedReply: Sendable {
    /// Answered: nothing of it writes to the database.
    case ready(Reply)
    /// Still to run on a thread that may block (it may write, durably).
    case blocking(@Sendable () -> Reply)
    /// Started by calling it (never blocks: what it writes is handed to the database
    /// with a completion); the reply is passed to its argument once durable, on
    /// whichever thread finished the write.
    case deferred(@Sendable (@escaping @Sendable (Reply) -> Void) -> Void)

    /// The reply, running the rest here when there is a rest (and waiting for a deferred one).
    public func run() -> Reply {
        switch self {
        case .ready(let reply): return reply
        case .blocking(let rest): return rest()
        case .deferred(let start): return Self.wait(for: start)
        }
    }

    /// The same preparation, its reply changed by `change` once there is one (at once, after the
    /// blocking rest, or on the completion of a deferred write).
    func map(_ change: @escaping @Sendable (Reply) -> Reply) -> PreparedReply {
        switch self {
        case .ready(let reply): return .ready(change(reply))
        case .blocking(let rest): return .blocking { change(rest()) }
        case .deferred(let start): return .deferred { done in start { done(change($0)) } }
        }
    }

    /// Starts `start` and waits for the reply it passes on.
    static func wait(for start: (@escaping @Sendable (Reply) -> Void) -> Void) -> Reply {
        let box = ReplyBox()
        start { box.put($0) }
        return box.take()
    }
}

/// One reply handed from the thread that finished a write to the one waiting for it.
///
/// `@unchecked Sendable`: `reply` is written before `ready` is signalled and read after the wait.
private final class ReplyBox: @unchecked Sendable {
    private var reply: Reply?
    private let ready = DispatchSemaphore(value: 0)

    func put(_ reply: Reply) {
        self.reply = reply
        ready.signal()
    }

    func take() -> Reply {
        ready.wait()
        return reply!
    }
}
