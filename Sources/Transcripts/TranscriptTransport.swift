import Foundation
import Bot

/// How a transcript's user lines reach the bot: in process, or through a real
/// socket connection (the socket server module provides that one, in tests).
/// One transport is one conversation: text lines share its session.
public protocol TranscriptTransport {
    /// Sends a text line; returns the reply text, its lines joined with `\n`
    /// (without the socket framing's closing empty line).
    func send(text: String) throws -> String
    /// Sends a JSON request line; returns the JSON reply line.
    func send(json: String) throws -> String
    /// Ends the conversation (closes the connection).
    func close()
}

/// The transport a socket `connect` closure returns.
public typealias SocketTransport = any TranscriptTransport

/// Calls a `LineHandler` directly, the way the socket server would: text lines
/// are checked with `LineInput` and answered with the reply text; JSON lines are
/// decoded with `WireFormat`, run in the named session (`"session"`, from
/// `registry`) or this transport's own, with `"operator"` applied, and answered
/// with `WireFormat.jsonReply`.
public final class InProcessTransport: TranscriptTransport, @unchecked Sendable {
    public let handler: any LineHandler
    public let session: Session
    public let registry: SessionRegistry

    public init(handler: any LineHandler, session: Session, registry: SessionRegistry = SessionRegistry()) {
        self.handler = handler
        self.session = session
        self.registry = registry
    }

    public func send(text: String) throws -> String {
        switch LineInput.check(text) {
        case .failure(let rejected): return rejected.reply.text
        case .success(let line): return handler.handle(line, session: session).text
        }
    }

    public func send(json: String) throws -> String {
        if case .failure(let rejected) = LineInput.check(json) {
            return WireFormat.jsonReply(rejected.reply, id: nil)
        }
        switch WireFormat.decodeJSONRequest(json) {
        case .failure(let failure):
            return WireFormat.jsonReply(failure.reply, id: failure.id)
        case .success(let request):
            let text = request.text ?? ""
            let target = request.session.map { registry.session(named: $0) } ?? session
            if let op = request.operator { target.operatorName = op }
            let reply: Reply
            switch LineInput.check(text) {
            case .failure(let rejected): reply = rejected.reply
            case .success(let line): reply = handler.handle(line, session: target)
            }
            return WireFormat.jsonReply(reply, id: request.id)
        }
    }

    public func close() {}
}
