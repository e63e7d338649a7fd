import Bot
import Logging
import NIOCore
import NIOPosix

/// Serves one connection: it splits the bytes read into lines (`LineSplitter`:
/// an over-long line comes out once as `.tooLong` and is skipped to the next
/// newline), and each line is prepared on the event loop
/// (`RequestResponder.start`); what may write goes to the handler thread pool
/// or the group committer, one at a time per connection (so replies keep
/// request order however many lines arrive at once), and the reply comes back
/// to the channel's event loop through the loop's `ReplyMailbox` to be written.
/// Lookups and errors are answered on the event loop itself.
///
/// At most two thread hops per request (event loop → pool thread → event loop)
/// and no Swift-concurrency task in between: the async-channel version this
/// replaced also went through an async stream and a task executor both ways,
/// which was most of a lookup's cost (docs/PERFORMANCE.md).
///
/// Back-pressure: with `maximumPending` requests read ahead of their replies the
/// handler stops asking the channel to read; while the socket cannot take more
/// output (a client that reads nothing) no further request is started, so
/// neither the queue nor the outbound buffer grows without bound.
///
/// The framing is done here rather than by a `ByteToMessageHandler` in front,
/// and so is the idle timeout rather than by NIO's `IdleStateHandler` and a
/// handler after it: one handler on the pipeline, one hop per read. Replies to
/// the lines of one read burst are flushed once, after the loop has read every
/// ready connection (`DeferredFlushes`).
///
/// Not `Sendable`: every stored property is touched on the channel's event loop only.
final class RequestChannelHandler: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let responder: RequestResponder
    private let pool: NIOThreadPool
    private let mailbox: ReplyMailbox
    private let session: Session
    private let connectionID: Int
    private let maximumPending: Int
    /// Nothing read for this long closes the connection; nil never.
    private let idleTimeout: TimeAmount?
    private let logger: Logger
    /// Whether the server is draining: a connection that becomes active then has its
    /// input closed at once (it may have been accepted just before shutdown began).
    private let isDraining: @Sendable () -> Bool
    private let onClose: @Sendable () -> Void

    private var splitter = LineSplitter(maximumLineBytes: WireFormat.maximumLineBytes)
    private var pending = CircularBuffer<LineSplitter.Piece>()
    private var busy = false
    private var readHeld = false
    private var inputClosed = false
    /// Inside a read burst (`channelRead` … `channelReadComplete`): replies wait for its end to be flushed.
    private var reading = false
    private var unflushed = false
    private var requests = 0
    private var lastRead = NIODeadline.now()
    private var idleCheck: Scheduled<Void>?

    init(responder: RequestResponder, pool: NIOThreadPool, mailbox: ReplyMailbox, session: Session, connectionID: Int,
         maximumPending: Int, idleTimeout: Duration?, logger: Logger, isDraining: @escaping @Sendable () -> Bool,
         onClose: @escaping @Sendable () -> Void) {
        self.responder = responder
        self.pool = pool
        self.mailbox = mailbox
        self.session = session
        self.connectionID = connectionID
        self.maximumPending = maximumPending
        self.idleTimeout = idleTimeout.map { idle in
            let (seconds, attoseconds) = idle.components
            return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
        }
        self.logger = logger
        self.isDraining = isDraining
        self.onClose = onClose
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { startIdleClock(context: context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        startIdleClock(context: context)
        context.fireChannelActive()
        if isDraining() {
            // Not from inside the activation callout: on the loop's next turn.
            let channel = context.channel
            context.eventLoop.execute { channel.close(mode: .input, promise: nil) }
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        reading = true
        let bytes = unwrapInboundIn(data)
        splitter.append(bytes.readableBytesView)
        while let piece = splitter.next() { pending.append(piece) }
        startNext(context: context)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        reading = false
        if idleTimeout != nil { lastRead = .now() }
        if unflushed {
            unflushed = false
            mailbox.flushes.request(context)
        }
        context.fireChannelReadComplete()
    }

    func read(context: ChannelHandlerContext) {
        if pending.count >= maximumPending {
            readHeld = true
        } else {
            context.read()
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? ChannelEvent, event == .inputClosed {
            // EOF, half-close or drain: answer what was read, then close — on the
            // loop's next turn, not from inside the channel's own input shutdown.
            inputClosed = true
            // An unterminated last line counts as a line at EOF.
            if let piece = splitter.finish() { pending.append(piece) }
            let bound = NIOLoopBound((handler: self, context: context), eventLoop: context.eventLoop)
            context.eventLoop.execute { bound.value.handler.startNext(context: bound.value.context) }
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        startNext(context: context)
        context.fireChannelWritabilityChanged()
    }

    func channelInactive(context: ChannelHandlerContext) {
        idleCheck?.cancel()
        idleCheck = nil
        pending.removeAll()
        onClose()
        logger.info("连接关闭", metadata: ["requests": "\(requests)"])
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        idleCheck?.cancel()
        idleCheck = nil
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        logger.debug("连接异常结束", metadata: ["error": "\(error)"])
        context.close(promise: nil)
    }

    // MARK: idle timeout

    /// The idle clock runs from activation; every read burst moves `lastRead` (one clock read
    /// per burst, no timer work), and the check re-arms itself for `lastRead + idleTimeout`.
    private func startIdleClock(context: ChannelHandlerContext) {
        guard let idleTimeout, idleCheck == nil else { return }
        lastRead = .now()
        scheduleIdleCheck(at: lastRead + idleTimeout, context: context)
    }

    private func scheduleIdleCheck(at deadline: NIODeadline, context: ChannelHandlerContext) {
        let bound = NIOLoopBound((handler: self, context: context), eventLoop: context.eventLoop)
        idleCheck = context.eventLoop.scheduleTask(deadline: deadline) {
            bound.value.handler.checkIdle(context: bound.value.context)
        }
    }

    private func checkIdle(context: ChannelHandlerContext) {
        guard let idleTimeout, context.channel.isActive else { return }
        let due = lastRead + idleTimeout
        if due > .now() {
            scheduleIdleCheck(at: due, context: context)
        } else {
            idleCheck = nil
            logger.debug("空闲超时，关闭连接")
            context.close(promise: nil)
        }
    }

    // MARK: requests

    /// Answers waiting requests in order: a request that never writes (a lookup,
    /// an error) right here on the event loop, one that may write on the pool or
    /// the committer — then nothing more until its reply is written. Stops while the
    /// socket is full. Inside a read burst the flush waits for `channelReadComplete`.
    private func startNext(context: ChannelHandlerContext) {
        var wrote = false
        defer {
            if wrote { unflushed = true }
            if unflushed && !reading {
                unflushed = false
                mailbox.flushes.request(context)
            }
        }
        while !busy, context.channel.isActive {
            guard let piece = pending.first else {
                if inputClosed {
                    // Replies written above, or still waiting for the loop's deferred flush, go out before the close.
                    context.flush()
                    wrote = false
                    unflushed = false
                    context.close(promise: nil)
                }
                return
            }
            // A client that reads nothing: wait for `channelWritabilityChanged`.
            guard context.channel.isWritable else { return }
            pending.removeFirst()
            if readHeld, pending.count < maximumPending {
                readHeld = false
                context.read()
            }
            requests += 1
            if let fixed = BenchmarkFloor.fixedReply {
                context.write(wrapOutboundOut(context.channel.allocator.buffer(bytes: fixed)), promise: nil)
                wrote = true
                continue
            }
            let request = RequestContext(connection: connectionID, sequence: requests, logger: logger)
            switch responder.start(piece, connectionSession: session, request: request) {
            case .answered(let reply):
                if let reply {
                    context.write(wrapOutboundOut(reply), promise: nil)
                    wrote = true
                }
            case .blocking(let rest):
                busy = true
                let mailbox = self.mailbox
                let bound = NIOLoopBound((handler: self, context: context), eventLoop: context.eventLoop)
                pool.submit { state in
                    // Cancelled only when the pool stops, after every connection has closed.
                    let reply = state == .active ? rest() : nil
                    mailbox.post { bound.value.handler.finished(reply, context: bound.value.context) }
                }
            case .deferred(let start):
                // A filing: its write goes to the group committer, the reply comes back here
                // once durable. Nothing more of this connection starts meanwhile (order kept).
                busy = true
                let mailbox = self.mailbox
                let bound = NIOLoopBound((handler: self, context: context), eventLoop: context.eventLoop)
                start { reply in
                    mailbox.post { bound.value.handler.finished(reply, context: bound.value.context) }
                }
            }
        }
    }

    private func finished(_ reply: ByteBuffer?, context: ChannelHandlerContext) {
        busy = false
        if let reply, context.channel.isActive {
            context.write(wrapOutboundOut(reply), promise: nil)
            // Flushed by `startNext`, with any replies it writes after this one.
            unflushed = true
        }
        startNext(context: context)
    }
}

/// What the request is called in the log: `connection-sequence` (e.g. `7-42`),
/// with the connection's metadata (peer pid/uid/gid) already on the logger.
struct RequestContext: Sendable {
    var connection: Int
    var sequence: Int
    var logger: Logger

    /// Formatted only when something is logged.
    var id: String { "\(connection)-\(sequence)" }
}
