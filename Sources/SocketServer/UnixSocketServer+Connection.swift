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
        if let peer = await PeerCredentials.of(connection.channel) {
            session.operatorName = Platform.userName(uid: peer.uid) ?? "uid:\(peer.uid)"
            logger[metadataKey: "peer"] = "\(peer)"
        }
        logger.info("连接建立")
        defer { connections.remove(connection.channel) }
        if connections.isDraining {
            ConnectionRegistry.stopReading(connection.channel)
        }

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
