import Bot
import Domain
import Foundation
import SocketServer
import Testing

/// Issue 5's check: 50 socket clients booking a 20-seat session at the same
/// moment → exactly 20 confirmed, 30 on the waiting list, nothing else.
@Suite struct BookingOverSocketTests {
    @Test func fiftyClientsBookingTwentySeats() async throws {
        let engine = try TestEngine.make(clock: Clock.frozen(iso: "2026-11-29T09:00:00+08:00")!)
        let replies = try await OffPool.run { () -> [String] in
            let server = try TestServer.start(engine)
            defer { server.stop() }
            // 50 threads connect, wait at a barrier, then all send at once.
            let collector = Collector()
            let connected = DispatchGroup(), done = DispatchGroup()
            let go = DispatchSemaphore(value: 0)
            for i in 0..<50 {
                connected.enter()
                done.enter()
                Thread.detachNewThread {
                    defer { done.leave() }
                    guard let client = try? LineClient(path: server.path) else { connected.leave(); collector.add("connect failed"); return }
                    connected.leave()
                    go.wait()
                    let phone = String(13_900_000_000 + i)
                    collector.add((try? client.sendJSON(#"{"id": "\#(i)", "text": "预约 HD-004 12月5日 1人 电话\#(phone)"}"#)) ?? "no reply")
                    client.close()
                }
            }
            connected.wait()
            for _ in 0..<50 { go.signal() }
            done.wait()
            return collector.lines
        }
        let statuses = replies.map { line -> String in
            guard let data = line.data(using: .utf8),
                  let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let booking = (object["data"] as? [String: Any])?["booking"] as? [String: Any],
                  let status = booking["status"] as? String else { return "other: \(line)" }
            return status
        }
        #expect(statuses.filter { $0 == "confirmed" }.count == 20)
        #expect(statuses.filter { $0 == "waitlisted" }.count == 30)
        #expect(statuses.count == 50)
        let session = try engine.services.activities.sessions(
            of: [try engine.services.activities.activity(code: "HD-004")!],
            from: Clock.parseISO("2026-12-05T00:00:00+08:00")!, to: Clock.parseISO("2026-12-06T00:00:00+08:00")!).first!
        #expect(session.booked == 20 && session.waitlisted == 30)
    }
}

/// Lines gathered from many threads.
final class Collector: @unchecked Sendable {
    private let lock = NSLock()
    private var _lines: [String] = []
    func add(_ line: String) { lock.withLock { _lines.append(line) } }
    var lines: [String] { lock.withLock { _lines } }
}
