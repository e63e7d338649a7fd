import ArgumentParser
import Bot
import Foundation
import Understanding

/// `guanlan eval FILE.jsonl`: scores understanding on a labelled set — intent
/// and slot accuracy, confusions, misses. Exit 1 below `--min-intent`.
struct Eval: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Score understanding on a labelled JSON Lines set.")

    @OptionGroup var clock: ClockOptions
    @Option(help: "Fail (exit 1) when intent accuracy is below this fraction.") var minIntent: Double = 0
    @Flag(help: "Print every miss.") var verbose = false
    @Flag(help: "Print precision and recall per slot.") var slots = false
    @Argument(help: "JSON Lines: {\"text\": …, \"intent\": … or null, \"slots\": {…}}") var file: String

    func run() async throws {
        try await reportingErrors {
            let understander = try BotEnvironment.makeUnderstander(root: BotEnvironment.resourceRoot())
            let c = try clock.make()
            guard FileManager.default.fileExists(atPath: file) else { throw CLIError("文件不存在：\(file)") }
            let evaluation: UtteranceEvaluation
            do { evaluation = try UtteranceEvaluation.load(URL(fileURLWithPath: file)) } catch let e as IntentFileError {
                throw CLIError("\(e)")
            } catch { throw CLIError("无法读取 \(file)：\(error)") }
            let started = Date()
            let score = evaluation.score(with: understander, context: ParseContext(now: c.now, timeZone: c.timeZone))
            let micros = Date().timeIntervalSince(started) * 1_000_000 / Double(max(1, score.intents))
            print(score.summary + String(format: "; %d clarify; %.0f µs per utterance", score.clarified, micros))
            if slots { score.slotLines.forEach { print($0) } }
            for (pair, n) in score.confusion.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) { print("  confusion \(pair): \(n)") }
            if verbose { score.misses.forEach { print("  miss \($0)") } }
            if score.intentAccuracy < minIntent { throw ExitCode(1) }
        }
    }
}
