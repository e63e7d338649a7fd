import ArgumentParser
import Bot
import Foundation
import REPL

/// `guanlan` (the default command): the readline REPL when stdin is a
/// terminal, otherwise one command per line from stdin with replies on stdout.
struct Chat: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "chat", abstract: "Interactive REPL (or line mode when stdin is not a terminal).")

    @OptionGroup var data: DataOptions

    func run() async throws {
        try await reportingErrors {
            let engine = try data.makeEngine()
            if ReadlineREPL.standardInputIsTerminal {
                print("观澜街道服务热线助手。输入“帮助”查看能做的事，Ctrl-D 退出。")
                try await runBlocking { ReadlineREPL(handler: engine, session: Session(id: "repl", operatorName: NSUserName()), historyPath: Self.historyPath()).run() }
            } else {
                try await runBlocking { LineMode.run(handler: engine, session: Session(id: "stdin")) }
            }
        }
    }

    /// readline blocks: keep it off Swift's cooperative thread pool.
    private func runBlocking(_ body: @escaping @Sendable () -> Void) async throws {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            Thread.detachNewThread {
                body()
                continuation.resume()
            }
        }
    }

    static func historyPath() -> String {
        let env = ProcessInfo.processInfo.environment
        let base = env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (NSHomeDirectory() + "/.local/share")
        return base + "/guanlan/history"
    }
}
