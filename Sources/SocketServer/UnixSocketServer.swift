import Bot
import Foundation
import Logging
import NIOCore
import NIOPosix

/// The bot on a Unix-domain socket (CONTRACT §3): one request per line, text or
/// JSON, replies in request order, any number of connections.
///
/// ```swift
/// let server = UnixSocketServer(path: "/run/guanlan.sock", handler: engine,
///                               sessions: SessionRegistry(), logger: logger)
/// try await server.start()          // bound and listening when this returns
/// …
/// await server.shutdown()           // drain, close, remove the socket file
/// ```
///
/// Lifecycle: `idle → starting → listening → draining → closed`. Shutdown stops
/// accepting, stops reading on open connections, lets requests already read get
/// their replies, closes every connection (forcibly after `shutdownGracePeriod`),
/// and removes the socket file if it is still ours.
///
/// `@unchecked Sendable`: the only mutable stored property, `state`, is guarded by `lock`.
public final class UnixSocketServer: @unchecked Sendable {
    public let path: String
    let responder: RequestResponder
    let logger: Logger
    let socketMode: mode_t
    let shutdownGracePeriod: Duration
    let threadPool: NIOThreadPool
    let limits: ServerLimits
    let access: AccessPolicy
    let listeningDescriptor: CInt?
    public let stats: ServerStats
    let connections = ConnectionRegistry()
    /// Where replies finished on other threads go back to their event loop.
    let mailboxes = ReplyMailboxes()
    private let closed: EventLoopPromise<Void>
    private let lock = NSLock()
    private var state: State = .idle

    private enum State {
        case idle
        case starting(shutdownRequested: Bool)
        case listening(Listening)
        case draining
        case closed
    }

    private struct Listening {
        var channel: any Channel
        var socketFile: Platform.FileIdentity?
    }

    /// - Parameters:
    ///   - path: where the socket file goes.
    ///   - handler: the engine; its blocking `handle` runs on a dedicated thread pool.
    ///   - sessions: named sessions shared by all connections.
    ///   - socketMode: permissions set on the socket file after bind.
    ///   - handlerThreads: threads that run `handle` (requests of one connection run one at a time).
    ///   - shutdownGracePeriod: how long shutdown waits for connections before closing them.
    ///   - limits: connections, idle timeout, pipelined requests (docs/PROTOCOL.md).
    ///   - access: which peer uids/gids may connect.
    ///   - listeningDescriptor: a listening socket handed over by the service manager
    ///     (`SocketActivation`); `path` then only names it in the log, and the file is
    ///     neither created, nor chmod-ed, nor removed: it belongs to the `.socket` unit.
    public init(
        path: String,
        handler: any LineHandler,
        sessions: SessionRegistry,
        logger: Logger,
        socketMode: mode_t = 0o660,
        handlerThreads: Int = 4,
        shutdownGracePeriod: Duration = .seconds(10),
        limits: ServerLimits = ServerLimits(),
        access: AccessPolicy = AccessPolicy(),
        listeningDescriptor: CInt? = nil
    ) {
        self.path = path
        self.listeningDescriptor = listeningDescriptor
        let stats = ServerStats()
        let connections = self.connections
        self.stats = stats
        self.limits = limits
        self.access = access
        self.responder = RequestResponder(handler: handler, sessions: sessions, stats: stats,
                                          openConnections: { connections.count })
        self.logger = logger
        self.socketMode = socketMode
        self.shutdownGracePeriod = shutdownGracePeriod
        self.threadPool = NIOThreadPool(numberOfThreads: max(1, handlerThreads))
        self.closed = MultiThreadedEventLoopGroup.singleton.any().makePromise(of: Void.self)
    }

    /// Binds and serves until `shutdown()`, or until the calling task is cancelled.
    public func run() async throws {
        try await start()
        await withTaskCancellationHandler {
            await waitUntilClosed()
        } onCancel: {
            Task { await self.shutdown() }
        }
    }

    /// Binds the socket and starts accepting; returns once clients can connect.
    ///
    /// - Throws: `SocketServerError.alreadyListening` when another server
    ///   answers on `path`; `.notASocket` when a non-socket file is in the way.
    public func start() async throws {
        try lock.withLock {
            guard case .idle = state else { throw SocketServerError.alreadyStarted }
            state = .starting(shutdownRequested: false)
        }
        let listening: Listening
        do {
            threadPool.start()
            if let descriptor = listeningDescriptor {
                let serverChannel = try await bootstrap().withBoundSocket(descriptor).get()
                listening = Listening(channel: serverChannel, socketFile: nil)
            } else {
                let serverChannel = try await bind()
                do {
                    try Platform.setMode(socketMode, path: path)
                } catch {
                    try? await serverChannel.close()
                    try? Platform.removeFile(path)
                    throw error
                }
                listening = Listening(channel: serverChannel, socketFile: Platform.identity(ofPath: path))
            }
        } catch {
            lock.withLock { state = .closed }
            try? await threadPool.shutdownGracefully()
            closed.succeed(())
            throw error
        }
        let shutdownRequested = lock.withLock {
            guard case .starting(let requested) = state else { preconditionFailure("state changed during start") }
            state = .listening(listening)
            return requested
        }
        if let descriptor = listeningDescriptor {
            logger.info("监听套接字（由 systemd 传入）", metadata: ["path": "\(path)", "fd": "\(descriptor)"])
        } else {
            logger.info("监听套接字", metadata: ["path": "\(path)", "mode": "\(String(socketMode, radix: 8))"])
        }
        if shutdownRequested { await shutdown() }
    }

    /// Waits until the server has shut down (or failed to start).
    public func waitUntilClosed() async {
        try? await closed.futureResult.get()
    }

    /// Stops accepting, lets requests already read finish, closes connections and
    /// removes the socket file. Safe to call more than once and from several tasks.
    public func shutdown() async {
        enum Action { case wait, closeIdle, drain(Listening) }
        let action = lock.withLock { () -> Action in
            switch state {
            case .idle:
                state = .closed
                return .closeIdle
            case .starting:
                state = .starting(shutdownRequested: true)
                return .wait
            case .listening(let listening):
                state = .draining
                return .drain(listening)
            case .draining, .closed:
                return .wait
            }
        }
        switch action {
        case .closeIdle: closed.succeed(())
        case .drain(let listening): await drain(listening)
        case .wait: break
        }
        await waitUntilClosed()
    }

    private func drain(_ listening: Listening) async {
        logger.info("开始关闭：停止接受新连接", metadata: ["path": "\(path)"])
        try? await listening.channel.close()
        // Only an active channel can have its input closed; one still being set up
        // sees `isDraining` as it becomes active (on the same event loop, so one of
        // the two always happens).
        for channel in connections.startDraining() {
            channel.eventLoop.execute {
                if channel.isActive { channel.close(mode: .input, promise: nil) }
            }
        }
        let grace = shutdownGracePeriod
        let connections = self.connections
        let logger = self.logger
        let forceClose = Task {
            try? await Task.sleep(for: grace)
            guard !Task.isCancelled else { return }
            let remaining = connections.open
            logger.warning("宽限期已过，强制关闭连接", metadata: ["count": "\(remaining.count)"])
            for channel in remaining { channel.close(promise: nil) }
        }
        // Every accepted connection closes once its last reply is written (or at the
        // end of the grace period). One accepted as the listener closed may only now
        // be set up: look again until none is left.
        var open = connections.stillAccepted
        while !open.isEmpty {
            for channel in open { try? await channel.closeFuture.get() }
            open = connections.stillAccepted
        }
        forceClose.cancel()
        try? await threadPool.shutdownGracefully()
        if let ours = listening.socketFile, Platform.identity(ofPath: path) == ours {
            try? Platform.removeFile(path)
        }
        lock.withLock { state = .closed }
        logger.info("已关闭", metadata: ["path": "\(path)"])
        closed.succeed(())
    }

    private func bind() async throws -> any Channel {
        switch try Platform.status(ofSocketPath: path) {
        case .absent:
            break
        case .listening:
            throw SocketServerError.alreadyListening(path: path)
        case .notASocket:
            throw SocketServerError.notASocket(path: path)
        case .stale:
            logger.notice("删除残留的套接字文件（无人监听）", metadata: ["path": "\(path)"])
            try Platform.removeFile(path)
        }
        return try await bootstrap()
            .bind(unixDomainSocketPath: path, cleanupExistingSocketFile: false)
            .get()
    }

    private func bootstrap() -> ServerBootstrap {
        let connections = self.connections
        return ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 1024)
            .childChannelOption(.allowRemoteHalfClosure, value: true)
            .childChannelInitializer { channel in
                connections.noteAccepted(channel)
                return PeerCredentials.of(channel).flatMapThrowing { peer in
                    try self.configure(channel, peer: peer)
                }
            }
    }
}
