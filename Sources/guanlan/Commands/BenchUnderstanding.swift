import ArgumentParser
import Bot
import Foundation
import Understanding

/// `guanlan bench-understanding FILE.jsonl`: the understanding speed benchmark
/// (issue 3). Parses the file's utterances over and over, `--count` in all, on
/// the calling thread, and prints one `key=value` line: utterances per second,
/// p50/p99 microseconds per utterance, and the resident size before and after
/// loading the gazetteer. `scripts/bench-understanding.sh` runs it pinned to one
/// core beside `jieba.lcut` on the same utterances. Run it on a release build.
struct BenchUnderstanding: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-understanding",
        abstract: "Understanding speed: utterances/s and p50/p99 µs over a JSONL file's texts.")

    @OptionGroup var clock: ClockOptions
    @Option(help: "Utterances to parse in all (the file's texts, repeated).") var count: Int = 100_000
    @Argument(help: "JSONL file with a \"text\" field per line (e.g. Tests/UnderstandingTests/Fixtures/utterances.jsonl).")
    var file: String

    func run() async throws {
        try await reportingErrors {
            let texts = try Self.texts(in: file)
            guard !texts.isEmpty else { throw CLIError("\(file) 中没有 text 字段") }
            guard count > 0 else { throw CLIError("--count 应为正数") }
            let rssBefore = Self.residentKiB()
            let understander = try BotEnvironment.makeUnderstander(root: BotEnvironment.resourceRoot())
            let rssLoaded = Self.residentKiB()
            let c = try clock.make()
            let context = ParseContext(now: c.now, timeZone: c.timeZone)
            // One pass to warm caches and lazily built tables; not measured.
            var understood = 0
            for text in texts where understander.understand(text, context: context).intent != nil { understood += 1 }
            var nanos = [UInt64](repeating: 0, count: count)
            understood = 0
            let start = DispatchTime.now().uptimeNanoseconds
            for i in 0..<count {
                let t0 = DispatchTime.now().uptimeNanoseconds
                if understander.understand(texts[i % texts.count], context: context).intent != nil { understood += 1 }
                nanos[i] = DispatchTime.now().uptimeNanoseconds - t0
            }
            let total = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            nanos.sort()
            func percentile(_ p: Double) -> String {
                String(format: "%.1f", Double(nanos[min(count - 1, Int(Double(count) * p))]) / 1000)
            }
            print("utterances=\(count) distinct=\(texts.count) with_intent=\(understood)"
                + " per_second=\(Int(Double(count) / total)) p50_us=\(percentile(0.5)) p99_us=\(percentile(0.99))"
                + " rss_before_mib=\(rssBefore / 1024) rss_loaded_mib=\(rssLoaded / 1024) rss_after_mib=\(Self.residentKiB() / 1024)")
        }
    }

    static func texts(in path: String) throws -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else { throw CLIError("无法读取 \(path)") }
        return try String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap { line in
            guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return object?["text"] as? String
        }
    }

    /// VmRSS from /proc/self/status, in KiB (0 where there is no /proc).
    static func residentKiB() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
        }
        return 0
    }
}
