import ArgumentParser
import Bot
import Foundation

/// `guanlan`: the REPL on a terminal, line mode otherwise.
struct Chat: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "chat", abstract: "Interactive REPL (or line mode when stdin is not a terminal).")

    @OptionGroup var data: DataOptions

    func run() async throws {
        try await reportingErrors {
            let engine = try data.makeEngine()
            let session = Session(id: "stdin")
            while let line = readLine() {
                if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
                print(engine.handle(line, session: session).text)
            }
        }
    }
}
