import Bot
import Logging
import NIOCore

extension UnixSocketServer {
    /// Sets up one accepted connection on its event loop: checks the peer and the
    /// connection limit, then installs `RequestChannelHandler` (which frames lines and keeps the idle timeout itself)
    /// (or a `RefusalHandler` that sends one line and closes).
    func configure(_ channel: any Channel, peer: PeerCredentials?) throws {
        var peer = peer
        if access.asksAboutGroups, let uid = peer?.uid, let gid = peer?.gid {
            peer?.supplementaryGroups = Platform.groups(uid: uid, gid: gid).subtracting([gid])
        }
        let id = connections.nextID()
        let session = Session(id: "conn-\(id)")
        var logger = self.logger
        logger[metadataKey: "connection"] = "\(id)"
        if let peer {
            if access.peerIsOperator { session.operatorName = Platform.userName(uid: peer.uid) ?? "uid:\(peer.uid)" }
            logger[metadataKey: "peer"] = "\(peer)"
        }
        let pipeline = channel.pipeline.syncOperations
        guard access.allows(peer) else {
            logger.warning("拒绝连接：不在允许名单中")
            stats.connectionRefused()
            try pipeline.addHandler(RefusalHandler(.notAllowed))
            return
        }
        switch connections.add(channel, limit: limits.maximumConnections) {
        case .full:
            logger.warning("拒绝连接：连接数已达上限", metadata: ["limit": "\(limits.maximumConnections)"])
            stats.connectionRefused()
            try pipeline.addHandler(RefusalHandler(.tooManyConnections(limit: limits.maximumConnections)))
            return
        case .draining, .admitted:
            break  // a draining server closes the input as the connection becomes active
        }
        session.mayOperate = access.mayOperate(peer)
        stats.connectionAccepted()
        logger.info("连接建立")
        let connections = self.connections
        // The idle timeout is the handler's own (no `IdleStateHandler` in front: one hop less per read).
        try pipeline.addHandler(RequestChannelHandler(
            responder: responder, pool: threadPool, mailbox: mailboxes.mailbox(for: channel.eventLoop), session: session,
            connectionID: id, maximumPending: limits.maximumPipelinedRequests, idleTimeout: limits.idleTimeout, logger: logger,
            isDraining: { connections.isDraining }, onClose: { connections.remove(channel) }))
    }
}

/// Sends a refusal's one JSON line as the connection becomes active and closes
/// it, reading nothing.
final class RefusalHandler: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let refusal: ServerRefusal
    private var sent = false

    init(_ refusal: ServerRefusal) {
        self.refusal = refusal
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { refuse(context: context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        refuse(context: context)
        context.fireChannelActive()
    }

    /// Nothing is read from a refused connection.
    func read(context: ChannelHandlerContext) {}

    private func refuse(context: ChannelHandlerContext) {
        guard !sent else { return }
        sent = true
        let line = context.channel.allocator.buffer(string: refusal.line)
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(line)).whenComplete { _ in channel.close(promise: nil) }
    }
}
