import Bot
import Foundation

/// Counters for the `stats` health line: connections, requests, errors and
/// the latency of recent requests.
///
/// `@unchecked Sendable`: every stored property is read and written under `lock`.
public final class ServerStats: @unchecked Sendable {
    private let lock = NSLock()
    private let started = ContinuousClock.now
    private var accepted = 0
    private var refused = 0
    private var requests = 0
    private var errors = 0
    private var reloads = 0
    /// The last `window` request durations in microseconds, as a ring.
    private var recent: [Int32]
    private var next = 0
    private let window: Int

    public init(window: Int = 10_000) {
        self.window = max(1, window)
        self.recent = []
        recent.reserveCapacity(self.window)
    }

    func connectionAccepted() { lock.withLock { accepted += 1 } }
    func connectionRefused() { lock.withLock { refused += 1 } }
    public func reloaded() { lock.withLock { reloads += 1 } }

    func record(_ duration: Duration, error: Bool) {
        let (seconds, attoseconds) = duration.components
        let micros = Int32(clamping: seconds * 1_000_000 + attoseconds / 1_000_000_000_000)
        lock.withLock {
            requests += 1
            if error { errors += 1 }
            if recent.count < window {
                recent.append(micros)
            } else {
                recent[next] = micros
            }
            next = (next + 1) % window
        }
    }

    /// A snapshot for the health line.
    func snapshot(openConnections: Int) -> Snapshot {
        let (counts, sample) = lock.withLock { ((accepted, refused, requests, errors, reloads), recent) }
        let sorted = sample.sorted()
        func percentile(_ p: Double) -> Double {
            guard !sorted.isEmpty else { return 0 }
            let index = min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)
            return Double(sorted[max(0, index)]) / 1000
        }
        let uptime = ContinuousClock.now - started
        return Snapshot(open: openConnections, accepted: counts.0, refused: counts.1, requests: counts.2,
                        errors: counts.3, reloads: counts.4, p50: percentile(0.5), p99: percentile(0.99),
                        window: sorted.count, uptime: Int(uptime.components.seconds))
    }

    struct Snapshot {
        var open, accepted, refused, requests, errors, reloads: Int
        var p50, p99: Double
        var window, uptime: Int

        var reply: Reply {
            func ms(_ value: Double) -> JSONValue { .double((value * 1000).rounded() / 1000) }
            let text = "连接 \(open)（累计 \(accepted)，拒绝 \(refused)），请求 \(requests)，错误 \(errors)，"
                + "p50 \(String(format: "%.3f", p50)) 毫秒，p99 \(String(format: "%.3f", p99)) 毫秒"
            return .done("server.stats", text, data: [
                "connections": ["open": .int(open), "accepted": .int(accepted), "refused": .int(refused)],
                "requests": .int(requests),
                "errors": .int(errors),
                "reloads": .int(reloads),
                "latency_ms": ["p50": ms(p50), "p99": ms(p99), "window": .int(window)],
                "uptime_s": .int(uptime),
            ])
        }
    }
}
