import Bot
import Foundation

/// A `LineHandler` whose engine can be swapped while serving (SIGHUP reload).
///
/// Requests already running finish on the engine they started with; the next
/// request gets the new one. Connections and sessions are untouched.
///
/// `@unchecked Sendable`: the only mutable stored property, `current`, is read and written under `lock`.
public final class ReloadableHandler: LineHandler, @unchecked Sendable {
    private let lock = NSLock()
    private var current: any LineHandler

    public init(_ handler: any LineHandler) {
        self.current = handler
    }

    /// Serves every later request with `handler`.
    public func replace(with handler: any LineHandler) {
        lock.withLock { current = handler }
    }

    public func handle(_ line: String, session: Session) -> Reply {
        lock.withLock { current }.handle(line, session: session)
    }

    public func prepare(_ line: String, session: Session) -> PreparedReply {
        lock.withLock { current }.prepare(line, session: session)
    }

    public func keptReply(for text: String, session: Session) -> Reply? {
        lock.withLock { current }.keptReply(for: text, session: session)
    }
}
