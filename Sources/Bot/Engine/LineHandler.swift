/// The one entry point every front end calls: REPL, stdin line mode, the socket
/// server and the transcript runner. Front ends add no behaviour of their own.
///
/// `handle` may block (it writes durably to the database before it answers), so
/// callers keep it off event-loop and cooperative-pool threads.
public protocol LineHandler: Sendable {
    func handle(_ line: String, session: Session) -> Reply
}
