import Bot
import Logging
import NIOCore

extension UnixSocketServer {
    /// Serves one connection: its requests run one after another on the thread
    /// pool, so replies keep request order however many lines arrive at once.
    func serveConnection(_ connection: Connection) async {
        let id = connections.nextID()
        let session = Session(id: "conn-\(id)")
        var logger = self.logger
        logger[metadataKey: "connection"] = "\(id)"
        let peer = await PeerCredentials.of(connection.channel)
        if let peer {
            if access.peerIsOperator { session.operatorName = Platform.userName(uid: peer.uid) ?? "uid:\(peer.uid)" }
            logger[metadataKey: "peer"] = "\(peer)"
        }
        guard access.allows(peer) else {
            logger.warning("拒绝连接：不在允许名单中")
            await refuse(connection, .notAllowed)
            return
        }
        switch connections.add(connection.channel, limit: limits.maximumConnections) {
        case .full:
            logger.warning("拒绝连接：连接数已达上限", metadata: ["limit": "\(limits.maximumConnections)"])
            await refuse(connection, .tooManyConnections(limit: limits.maximumConnections))
            return
        case .draining:
            connection.channel.close(mode: .input, promise: nil)
        case .admitted:
            break
        }
        session.mayOperate = access.mayOperate(peer)
        stats.connectionAccepted()
        logger.info("连接建立")
        defer { connections.remove(connection.channel) }

        let responder = self.responder
        var requests = 0
        do {
            try await connection.executeThenClose { inbound, outbound in
                for try await piece in inbound {
                    requests += 1
                    let reply = try await threadPool.runIfActive {
                        responder.respond(to: piece, connectionSession: session)
                    }
                    if let reply {
                        try await outbound.write(ByteBuffer(string: reply))
                    }
                }
            }
        } catch {
            logger.debug("连接异常结束", metadata: ["error": "\(error)"])
        }
        logger.info("连接关闭", metadata: ["requests": "\(requests)"])
    }
}

extension UnixSocketServer {
    /// Sends the refusal's one JSON line and closes, without reading anything.
    func refuse(_ connection: Connection, _ refusal: ServerRefusal) async {
        stats.connectionRefused()
        try? await connection.executeThenClose { _, outbound in
            try await outbound.write(ByteBuffer(string: refusal.line))
        }
    }
}
