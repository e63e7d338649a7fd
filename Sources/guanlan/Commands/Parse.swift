import ArgumentParser
import Bot
import Foundation
import Understanding

/// `guanlan parse [TEXT ...]`: understanding only, one JSON object per input
/// (CONTRACT §2). Reads the gazetteer from the CSV files; touches no database.
struct Parse: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Understanding only: one JSON object per input line.")

    @OptionGroup var clock: ClockOptions
    @Argument(help: "Texts to parse; without any, lines are read from stdin.") var texts: [String] = []

    func run() async throws {
        try await reportingErrors {
            let understander = try BotEnvironment.makeUnderstander(root: BotEnvironment.resourceRoot())
            let c = try clock.make()
            let context = ParseContext(now: c.now, timeZone: c.timeZone)
            var out = ""
            func emit(_ text: String) {
                out += ParseOutput.json(understander.understand(text, context: context)) + "\n"
                if out.utf8.count > 1 << 16 { FileHandle.standardOutput.write(Data(out.utf8)); out = "" }
            }
            if texts.isEmpty {
                while let line = readLine(strippingNewline: true) { emit(line) }
            } else {
                texts.forEach(emit)
            }
            FileHandle.standardOutput.write(Data(out.utf8))
        }
    }
}
