/// The one entry point every front end calls: REPL, stdin line mode, the socket
/// server and the transcript runner. Front ends add no behaviour of their own.
///
/// `handle` may block (it writes durably to the database before it answers), so
/// callers keep it off event-loop and cooperative-pool threads.
public protocol LineHandler: Sendable {
    func handle(_ line: String, session: Session) -> Reply

    /// `handle` split where it may block: `prepare(line, session).run()` is
    /// `handle(line, session)`. The part before the split never waits on a write
    /// (it may read), so an event loop may call it; the default defers everything.
    func prepare(_ line: String, session: Session) -> PreparedReply

    /// A reply kept for exactly `text`, which `prepare(text, session)` would answer with
    /// right away (`.ready`), without its checks; nil when there is none (then call
    /// `prepare`). A socket server asks first for the usual JSON request. The default keeps none.
    func keptReply(for text: String, session: Session) -> Reply?
}

extension LineHandler {
    public func prepare(_ line: String, session: Session) -> PreparedReply {
        .blocking { self.handle(line, session: session) }
    }

    public func keptReply(for text: String, session: Session) -> Reply? { nil }
}
