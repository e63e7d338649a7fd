import Foundation
import SocketServer

/// A client connection to `guanlan serve --socket PATH` (CONTRACT §3), for the
/// socket half of every transcript: the server's own blocking `LineClient`
/// seen as a `TranscriptTransport`.
///
/// ```swift
/// .socket(connect: { settings, handler in
///     let path = try server(for: handler, generation: settings.generation) // start/reuse one
///     return try UnixSocketTransport(path: path)
/// })
/// ```
public final class UnixSocketTransport: TranscriptTransport {
    private let client: LineClient

    /// Connects to the socket at `path`; reads time out after `timeout` seconds.
    public init(path: String, timeout: TimeInterval = 10) throws {
        client = try LineClient(path: path, timeout: timeout)
    }

    /// A text line is answered by reply lines ended by an empty line.
    public func send(text: String) throws -> String { try client.sendText(text) }

    /// A JSON line is answered by one JSON line.
    public func send(json: String) throws -> String { try client.sendJSON(json) }

    public func close() { client.close() }
}
