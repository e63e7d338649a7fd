/// A request taken as far as it goes without waiting on a durable write.
///
/// The socket server answers a `ready` reply on the connection's event loop
/// and runs a `blocking` one on its request threads: a write waits there for
/// its group commit, which must never hold up an event loop, while a lookup is
/// answered without the two thread hops (docs/PERFORMANCE.md).
public enum PreparedReply: Sendable {
    /// Answered: nothing of it writes to the database.
    case ready(Reply)
    /// Still to run on a thread that may block (it may write, durably).
    case blocking(@Sendable () -> Reply)

    /// The reply, running the rest here when there is a rest.
    public func run() -> Reply {
        switch self {
        case .ready(let reply): return reply
        case .blocking(let rest): return rest()
        }
    }
}
