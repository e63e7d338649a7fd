import Foundation

/// Benchmark only: with `GUANLAN_BENCH_FIXED_REPLY` set, every line read is answered
/// with that text (and a newline) by the connection handler itself — no engine, no
/// JSON. What the same NIO pipeline costs per request with nothing to do: the floor
/// under any lookup (docs/PERFORMANCE.md, `FLOOR=1 scripts/bench.sh`). Never set in service.
enum BenchmarkFloor {
    static let fixedReply: [UInt8]? = ProcessInfo.processInfo.environment["GUANLAN_BENCH_FIXED_REPLY"].map { Array($0.utf8) + [UInt8(ascii: "\n")] }
}
