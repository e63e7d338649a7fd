import Bot
import Foundation
import SocketServer

/// Many socket clients sending one JSON request each at the same moment: each
/// connects, waits at a barrier, then all send. Returns the reply lines.
enum ConcurrentClients {
    static func send(_ texts: [String], to engine: Engine) async throws -> [String] {
        try await OffPool.run { () -> [String] in
            let server = try TestServer.start(engine)
            defer { server.stop() }
            let collector = Collector()
            let connected = DispatchGroup(), done = DispatchGroup()
            let go = DispatchSemaphore(value: 0)
            for (i, text) in texts.enumerated() {
                connected.enter()
                done.enter()
                Thread.detachNewThread {
                    defer { done.leave() }
                    guard let client = try? LineClient(path: server.path) else { connected.leave(); collector.add("connect failed"); return }
                    connected.leave()
                    go.wait()
                    collector.add((try? client.sendJSON(#"{"id": "\#(i)", "text": "\#(text)"}"#)) ?? "no reply")
                    client.close()
                }
            }
            connected.wait()
            for _ in texts { go.signal() }
            done.wait()
            return collector.lines
        }
    }

    /// `data.booking.status` of each reply of `intent`, or `other: …`.
    static func bookingStatuses(_ replies: [String], intent: String) -> [String] {
        replies.map { line -> String in
            guard let data = line.data(using: .utf8),
                  let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                  object["intent"] as? String == intent,
                  let booking = (object["data"] as? [String: Any])?["booking"] as? [String: Any],
                  let status = booking["status"] as? String else { return "other: \(line)" }
            return status
        }
    }
}

/// Lines gathered from many threads.
final class Collector: @unchecked Sendable {
    // Guarded by `lock`.
    private let lock = NSLock()
    private var _lines: [String] = []
    func add(_ line: String) { lock.withLock { _lines.append(line) } }
    var lines: [String] { lock.withLock { _lines } }
}
