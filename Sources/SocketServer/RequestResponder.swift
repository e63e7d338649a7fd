import Bot
import Foundation
import Logging
import NIOCore

/// Turns one framed request into the bytes to send back (CONTRACT §3).
///
/// Pure apart from the handler call: no I/O, so it is tested without a socket.
/// `respond` calls `LineHandler.handle`, which may block; run it on a thread pool,
/// or call `start` on an event loop and run what it leaves on the pool.
struct RequestResponder: Sendable {
    let handler: any LineHandler
    let sessions: SessionRegistry
    let gate = SessionGate()
    let stats: ServerStats
    /// Open connections now, for the `stats` line.
    let openConnections: @Sendable () -> Int
    /// JSON lines of the usual shape go the quick lane (`QuickJSONRequest`, `LineHandler.keptReply`);
    /// off only where a test compares it with the general path (`QuickLaneTests`).
    var quickLane = true
    /// Replies are written into output buffers where they are finished (on the group committer's
    /// thread for a filing), so the event loop writes them without another copy.
    private let allocator = ByteBufferAllocator()

    /// What to send for one request, or what is left to run on a request thread.
    enum Step {
        /// The bytes to send (nil: none, for an empty text line).
        case answered(ByteBuffer?)
        /// May block (a write waiting for its group commit): run on a request thread.
        case blocking(@Sendable () -> ByteBuffer?)
        /// Start it where the request was prepared (it never blocks); it passes the
        /// bytes on once the write it handed over is durable, from the writer's thread.
        case deferred(@Sendable (@escaping @Sendable (ByteBuffer?) -> Void) -> Void)
    }

    /// The reply to one piece of input, or nil for an empty text line (no reply).
    ///
    /// - Parameters:
    ///   - piece: a line from `LineSplitter`, or the note that one was too long.
    ///   - connectionSession: the connection's own session, used unless a JSON
    ///     request names another.
    ///   - request: the request's id and the connection's logger; each request is
    ///     logged at `debug` with its id, and a failure of the server itself at `error`.
    /// - Returns: a JSON line with its newline, or a text reply ending in an empty line.
    func respond(to piece: LineSplitter.Piece, connectionSession: Session, request: RequestContext? = nil) -> String? {
        respondBytes(to: piece, connectionSession: connectionSession, request: request).map { String(decoding: $0, as: UTF8.self) }
    }

    /// `respond`'s bytes, exactly as the socket sends them.
    func respondBytes(to piece: LineSplitter.Piece, connectionSession: Session, request: RequestContext? = nil) -> [UInt8]? {
        let buffer: ByteBuffer?
        switch start(piece, connectionSession: connectionSession, request: request) {
        case .answered(let answered): buffer = answered
        case .blocking(let rest): buffer = rest()
        case .deferred(let start):
            let box = BytesBox()
            start { box.put($0) }
            buffer = box.take()
        }
        return buffer.map { Array($0.readableBytesView) }
    }

    /// `respond` split where it may block (`LineHandler.prepare`): the first part
    /// never waits on a write, so the event loop runs it.
    func start(_ piece: LineSplitter.Piece, connectionSession: Session, request: RequestContext? = nil) -> Step {
        let started = ContinuousClock.now
        guard let (prepared, json, id) = prepare(piece, connectionSession: connectionSession) else { return .answered(nil) }
        switch prepared {
        case .ready(let reply):
            return .answered(finish(reply, json: json, id: id, elapsed: ContinuousClock.now - started, request: request))
        case .blocking(let rest):
            let before = ContinuousClock.now - started
            return .blocking {
                let resumed = ContinuousClock.now
                let reply = rest()
                return finish(reply, json: json, id: id, elapsed: before + (ContinuousClock.now - resumed), request: request)
            }
        case .deferred(let start):
            // Its time includes the wait for the group commit (no thread is held meanwhile).
            return .deferred { done in
                start { reply in done(finish(reply, json: json, id: id, elapsed: ContinuousClock.now - started, request: request)) }
            }
        }
    }

    private func finish(_ reply: Reply, json: Bool, id: JSONValue?, elapsed: Duration, request: RequestContext?) -> ByteBuffer {
        stats.record(elapsed, error: !reply.ok)
        if let request { log(reply, elapsed: elapsed, request: request) }
        return render(reply, json: json, id: id)
    }

    private func log(_ reply: Reply, elapsed: Duration, request: RequestContext) {
        let level: Logger.Level = reply.error?.code == "internal" ? .error : .debug
        guard request.logger.logLevel <= level else { return }
        request.logger.log(level: level, "请求", metadata: [
            "request": "\(request.id)",
            "intent": "\(reply.intent ?? "-")",
            "state": "\(reply.state.rawValue)",
            "error": "\(reply.error?.code ?? "-")",
            "us": "\(elapsed.components.attoseconds / 1_000_000_000_000 + elapsed.components.seconds * 1_000_000)",
        ])
    }

    /// The prepared reply, whether to render it as JSON, and the request's id.
    private func prepare(_ piece: LineSplitter.Piece, connectionSession: Session) -> (PreparedReply, Bool, JSONValue?)? {
        switch piece {
        case .tooLong(let startsWithBrace):
            return (.ready(RejectedLine.tooLong.reply), startsWithBrace, nil)
        case .line(let bytes):
            let isJSON = bytes.first == UInt8(ascii: "{")
            // The usual JSON request, read from its bytes in one pass: the general path below would
            // hand the same text to the handler (`QuickJSONRequest` says when; `QuickLaneTests`).
            if quickLane, isJSON, let quick = QuickJSONRequest(line: bytes) {
                // A building's kept 查询网格 reply, served as `prepare` would serve it.
                if let kept = handler.keptReply(for: quick.text, session: connectionSession) { return (.ready(kept), true, quick.id) }
                return (handler.prepare(quick.text, session: connectionSession), true, quick.id)
            }
            switch LineInput.decode(bytes) {
            case .failure(let rejected):
                return (.ready(rejected.reply), isJSON, nil)
            case .success(let text) where isJSON:
                return prepareJSON(text, connectionSession: connectionSession)
            case .success(let text):
                if text.allSatisfy({ $0 == " " || $0 == "\t" }) { return nil }
                if text == StatsRequest.textCommand { return (.ready(statsReply), false, nil) }
                return (handler.prepare(text, session: connectionSession), false, nil)
            }
        }
    }

    private func prepareJSON(_ line: String, connectionSession: Session) -> (PreparedReply, Bool, JSONValue?) {
        if let stats = StatsRequest(line) { return (.ready(statsReply), true, stats.id) }
        let request: WireFormat.JSONRequest
        switch WireFormat.decodeJSONRequest(line) {
        case .failure(let failure):
            return (.ready(failure.reply), true, failure.id)
        case .success(let decoded):
            request = decoded
        }
        let text = request.text ?? ""
        // The engine checks the text itself (control characters, empty text):
        // the front end adds no behaviour of its own.
        guard let name = request.session else {
            if let operatorName = request.operator { connectionSession.operatorName = operatorName }
            return (handler.prepare(text, session: connectionSession), true, request.id)
        }
        // Requests naming the same session from several connections run one at a
        // time, behind a lock that may block: all on a request thread.
        let operatorName = request.operator
        return (.blocking {
            gate.run(session: name) {
                handle(text, operator: operatorName, session: sessions.session(named: name), rightsOf: connectionSession)
            }
        }, true, request.id)
    }

    private func handle(_ text: String, operator operatorName: String?, session: Session, rightsOf connection: Session) -> Reply {
        // A named session acts with the rights of the connection using it now.
        session.mayOperate = connection.mayOperate
        if let operatorName {
            session.operatorName = operatorName
        }
        return handler.handle(text, session: session)
    }

    private var statsReply: Reply { stats.snapshot(openConnections: openConnections()).reply }

    /// The reply's bytes: JSON written as bytes from the start (no `String` in between). A reply
    /// rendered before (a kept lookup, a filing) goes into the buffer in its pieces around the id:
    /// the bytes of `WireFormat.jsonReplyBytes`, copied once.
    private func render(_ reply: Reply, json: Bool, id: JSONValue?) -> ByteBuffer {
        guard json else { return allocator.buffer(string: WireFormat.textReply(reply)) }
        guard let rendered = reply.rendered else {
            var bytes = WireFormat.jsonReplyBytes(reply, id: id)
            bytes.append(UInt8(ascii: "\n"))
            return allocator.buffer(bytes: bytes)
        }
        var buffer = allocator.buffer(capacity: rendered.head.count + rendered.tail.count + 32)
        buffer.writeBytes(rendered.head)
        buffer.writeStaticString(#","id":"#)
        switch id {
        case nil: buffer.writeStaticString("null")
        case .int(let number)?: buffer.writeString(String(number))
        case let other?:
            var bytes: [UInt8] = []
            other.write(to: &bytes)
            buffer.writeBytes(bytes)
        }
        buffer.writeBytes(rendered.tail)
        buffer.writeInteger(UInt8(ascii: "\n"))
        return buffer
    }
}

/// Bytes handed from the thread that finished a deferred reply to `respond`, which waits for them.
///
/// `@unchecked Sendable`: `bytes` is written before `ready` is signalled and read after the wait.
private final class BytesBox: @unchecked Sendable {
    private var bytes: ByteBuffer?
    private let ready = DispatchSemaphore(value: 0)

    func put(_ bytes: ByteBuffer?) {
        self.bytes = bytes
        ready.signal()
    }

    func take() -> ByteBuffer? {
        ready.wait()
        return bytes
    }
}
