import Bot

/// Turns one framed request into the bytes to send back (CONTRACT §3).
///
/// Pure apart from the handler call: no I/O, so it is tested without a socket.
/// `respond` calls `LineHandler.handle`, which may block; run it on a thread pool.
struct RequestResponder: Sendable {
    let handler: any LineHandler
    let sessions: SessionRegistry
    let gate = SessionGate()

    /// The reply to one piece of input, or nil for an empty text line (no reply).
    ///
    /// - Parameters:
    ///   - piece: a line from `LineSplitter`, or the note that one was too long.
    ///   - connectionSession: the connection's own session, used unless a JSON
    ///     request names another.
    /// - Returns: a JSON line with its newline, or a text reply ending in an empty line.
    func respond(to piece: LineSplitter.Piece, connectionSession: Session) -> String? {
        switch piece {
        case .tooLong(let startsWithBrace):
            return render(RejectedLine.tooLong.reply, json: startsWithBrace, id: nil)
        case .line(let bytes):
            let isJSON = bytes.first == UInt8(ascii: "{")
            switch LineInput.decode(bytes) {
            case .failure(let rejected):
                return render(rejected.reply, json: isJSON, id: nil)
            case .success(let text) where isJSON:
                return respondToJSON(text, connectionSession: connectionSession)
            case .success(let text):
                if text.allSatisfy({ $0 == " " || $0 == "\t" }) { return nil }
                return WireFormat.textReply(handler.handle(text, session: connectionSession))
            }
        }
    }

    private func respondToJSON(_ line: String, connectionSession: Session) -> String {
        let request: WireFormat.JSONRequest
        switch WireFormat.decodeJSONRequest(line) {
        case .failure(let failure):
            return render(failure.reply, json: true, id: failure.id)
        case .success(let decoded):
            request = decoded
        }
        let text = request.text ?? ""
        // The engine checks the text itself (control characters, empty text):
        // the front end adds no behaviour of its own.
        guard let name = request.session else {
            return render(handle(text, operator: request.operator, session: connectionSession), json: true, id: request.id)
        }
        let reply = gate.run(session: name) {
            handle(text, operator: request.operator, session: sessions.session(named: name))
        }
        return render(reply, json: true, id: request.id)
    }

    private func handle(_ text: String, operator operatorName: String?, session: Session) -> Reply {
        if let operatorName {
            session.operatorName = operatorName
        }
        return handler.handle(text, session: session)
    }

    private func render(_ reply: Reply, json: Bool, id: JSONValue?) -> String {
        json ? WireFormat.jsonReply(reply, id: id) + "\n" : WireFormat.textReply(reply)
    }
}
