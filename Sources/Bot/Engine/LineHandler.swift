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
}

extension LineHandler {
    public func prepare(_ line: String, session: Session) -> PreparedReply {
        .blocking { self.handle(line, session: session) }
    }
}
