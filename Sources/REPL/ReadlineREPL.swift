import Bot
import CReadline
import Foundation

/// The interactive front end: readline line editing and history, a prompt that
/// shows a dialogue in progress, and a Ctrl-C that cancels rather than kills.
///
/// - Ctrl-D on an empty line quits.
/// - Ctrl-C throws away the line being typed and, if a dialogue is in
///   progress, the dialogue too (`已取消当前对话。`).
/// - A multi-line paste is handled line by line.
///
/// `run()` blocks on the terminal: call it from the main thread or a thread of
/// its own, never from Swift's cooperative pool. Use it only when stdin is a
/// terminal (`ReadlineREPL.standardInputIsTerminal`); otherwise use `LineMode`.
public struct ReadlineREPL {
    let handler: any LineHandler
    let session: Session
    let historyPath: String

    public init(handler: any LineHandler, session: Session, historyPath: String) {
        self.handler = handler
        self.session = session
        self.historyPath = historyPath
    }

    /// True when stdin is a terminal, so the REPL (not `LineMode`) applies.
    public static var standardInputIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }

    static let cancelledDialogue = "已取消当前对话。"

    /// The prompt: `观澜> `, or `观澜[报事]> ` while a dialogue is in progress.
    static func prompt(for session: Session) -> String {
        session.promptLabel.map { "观澜[\($0)]> " } ?? "观澜> "
    }

    /// Reads, answers and prints lines until Ctrl-D.
    public func run() {
        UTF8Locale.ensure()
        guanlan_rl_set_name("guanlan")
        guanlan_rl_set_catch_signals(0)
        guanlan_rl_disable_completion()
        _ = guanlan_install_sigint_flag()
        var history = History(path: historyPath)
        history.load()
        defer { history.save() }

        while let line = readLine() {
            for part in line.split(separator: "\n", omittingEmptySubsequences: true) {
                answer(String(part), history: &history)
            }
        }
        Terminal.write("\n")
    }

    /// One edited line, or nil at end of input. Handles Ctrl-C while editing.
    private func readLine() -> String? {
        _ = guanlan_take_sigint()
        guanlan_rl_begin_line(Self.prompt(for: session))
        while true {
            let waited = guanlan_wait_for_input()
            if guanlan_take_sigint() != 0 {
                guanlan_rl_discard_line()
                Terminal.write("\n")
                if session.dialogue != nil {
                    session.dialogue = nil
                    Terminal.write(Self.cancelledDialogue + "\n")
                }
                guanlan_rl_begin_line(Self.prompt(for: session))
                continue
            }
            if waited == -EINTR { continue }
            if waited < 0 { return nil }
            rl_callback_read_char()
            switch guanlan_rl_line_status() {
            case 1:
                guard let raw = guanlan_rl_take_line() else { return nil }
                defer { free(raw) }
                return String(decoding: UnsafeRawBufferPointer(start: raw, count: strlen(raw)), as: UTF8.self)
            case 2:
                _ = guanlan_rl_take_line()
                return nil
            default:
                continue
            }
        }
    }

    private func answer(_ line: String, history: inout History) {
        guard !line.allSatisfy({ $0 == " " || $0 == "\t" }) else { return }
        history.add(line)
        let reply: Reply
        switch LineInput.check(line) {
        case .failure(let rejected): reply = rejected.reply
        case .success(let text): reply = handler.handle(text, session: session)
        }
        // A Ctrl-C while the engine worked cannot stop it (it may be writing to
        // the database); the terminal echoed `^C`, so start the reply on a new line.
        let interrupted = guanlan_take_sigint() != 0
        Terminal.write((interrupted ? "\n" : "") + reply.text + "\n")
    }
}

/// Unbuffered writes to stdout, so output and readline's own drawing interleave correctly.
enum Terminal {
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
