import Foundation
import Bot

/// Runs transcript files against a `LineHandler` and reports, per user line,
/// how the actual reply differs from the expected one (as a unified diff).
///
/// ```swift
/// let runner = TranscriptRunner { settings in try makeEngine(settings) }
/// let result = try runner.run(file: url, mode: .inProcess)
/// if !result.passed { print(result.report) }
/// ```
public struct TranscriptRunner: Sendable {
    public enum Mode {
        /// Calls `handler.handle` directly, through `InProcessTransport`.
        case inProcess
        /// Sends every line through a transport the closure returns — a real Unix
        /// socket in the test suite. Called once per session name used in the file
        /// (`settings.session` names it) and per handler (`settings.generation`);
        /// one server per generation with one connection per call is the intended use.
        /// The runner calls `close()` on every transport when the file ends.
        case socket(connect: (TranscriptSettings, any LineHandler) throws -> SocketTransport)
    }

    public let makeHandler: @Sendable (TranscriptSettings) throws -> any LineHandler

    public init(makeHandler: @escaping @Sendable (TranscriptSettings) throws -> any LineHandler) {
        self.makeHandler = makeHandler
    }

    /// Runs one transcript. Throws `TranscriptError` when the file is malformed,
    /// the handler cannot be made or a transport fails; mismatches are not errors
    /// but are listed in the result.
    public func run(file: URL, mode: Mode) throws -> TranscriptResult {
        try run(TranscriptFile.load(file), mode: mode)
    }

    /// Runs an already parsed transcript.
    public func run(_ transcript: TranscriptFile, mode: Mode) throws -> TranscriptResult {
        let file = transcript.url
        var settings = transcript.settings
        let firstLine = transcript.exchanges.first?.line ?? 1

        func newHandler(at line: Int) throws -> any LineHandler {
            do { return try makeHandler(settings) } catch {
                throw TranscriptError.handler(file: file, line: line, message: "cannot make the handler: \(error)")
            }
        }

        var handler = try newHandler(at: firstLine)
        var registry = SessionRegistry()
        var transports: [String: any TranscriptTransport] = [:]
        var currentSession = settings.session
        defer { for t in transports.values { t.close() } }

        func transport(at line: Int) throws -> any TranscriptTransport {
            if let t = transports[currentSession] { return t }
            var s = settings
            s.session = currentSession
            let t: any TranscriptTransport
            switch mode {
            case .inProcess:
                t = InProcessTransport(handler: handler, session: Session(id: currentSession), registry: registry)
            case .socket(let connect):
                do { t = try connect(s, handler) } catch {
                    throw TranscriptError.transport(file: file, line: line, message: "cannot connect: \(error)")
                }
            }
            transports[currentSession] = t
            return t
        }

        var result = TranscriptResult(file: file)
        for step in transcript.steps {
            switch step.kind {
            case .now(let date, let text):
                if step.isHeader { continue }
                settings.clock.now = date
                if let parsed = TranscriptSettings.parseDate(text) {
                    settings.now = parsed.date
                    settings.nowText = text
                    settings.utcOffsetSeconds = parsed.offset
                }
            case .session(let name):
                currentSession = name
                if !step.isHeader { settings.session = name }
            case .freshDatabase:
                if step.isHeader { continue }
                for t in transports.values { t.close() }
                transports = [:]
                registry = SessionRegistry()
                settings.generation += 1
                settings.clock = TranscriptClock(settings.clock.now)
                handler = try newHandler(at: step.line)
            case .text(let text):
                let t = try transport(at: step.line)
                let reply: String
                do { reply = try t.send(text: text) } catch {
                    throw TranscriptError.transport(file: file, line: step.line, message: "sending '> \(text)' failed: \(error)")
                }
                result.exchanges += 1
                if let mismatch = TranscriptRunner.compareText(step: step, actual: reply, file: file) {
                    result.mismatches.append(mismatch)
                }
            case .json(let request):
                let t = try transport(at: step.line)
                let reply: String
                do { reply = try t.send(json: request) } catch {
                    throw TranscriptError.transport(file: file, line: step.line, message: "sending '>json \(request)' failed: \(error)")
                }
                result.exchanges += 1
                if let mismatch = TranscriptRunner.compareJSON(step: step, actual: reply, file: file) {
                    result.mismatches.append(mismatch)
                }
            }
        }
        return result
    }

    /// Runs the transcript and rewrites, in place, the expected reply of every
    /// user line whose reply did not match, with the actual reply (`guanlan replay
    /// --update`). Replies that match — including hand-written JSON subsets — and
    /// all comments, directives, user lines and blank lines stay exactly as written.
    /// Returns the result of the run before the rewrite; the file is written only
    /// when something changed.
    @discardableResult
    public func update(file: URL) throws -> TranscriptResult {
        try update(file: file, mode: .inProcess)
    }

    /// `update(file:)` through the given mode.
    @discardableResult
    public func update(file: URL, mode: Mode) throws -> TranscriptResult {
        let transcript = try TranscriptFile.load(file)
        let result = try run(transcript, mode: mode)
        guard !result.mismatches.isEmpty else { return result }
        var replies: [Int: [String]] = [:]
        for m in result.mismatches { replies[m.line] = m.actual }
        let text = transcript.rewritten(replies: replies)
        do {
            try text.write(to: file, atomically: true, encoding: .utf8)
        } catch {
            throw TranscriptError.unreadable(file: file, message: "cannot write: \(error.localizedDescription)")
        }
        return result
    }

    // MARK: - Comparison

    static func replyLines(_ reply: String) -> [String] {
        var lines = TranscriptFile.splitLines(reply).lines
        while let last = lines.last, last.trimmingCharacters(in: .whitespaces).isEmpty { lines.removeLast() }
        return lines
    }

    static func trimTrailing(_ line: String) -> Substring {
        var s = Substring(line)
        while let last = s.last, last == " " || last == "\t" { s.removeLast() }
        return s
    }

    static func compareText(step: TranscriptStep, actual: String, file: URL) -> TranscriptMismatch? {
        let lines = replyLines(actual)
        let same = lines.count == step.expected.count
            && zip(lines, step.expected).allSatisfy { trimTrailing($0) == trimTrailing($1) }
        if same { return nil }
        let place = "\(TranscriptPaths.display(file)):\(step.line)"
        let diff = UnifiedDiff.diff(old: step.expected, new: lines,
                                    oldName: "\(place) expected", newName: "\(place) actual")
        return TranscriptMismatch(file: file, line: step.line, input: "> \(step.input ?? "")",
                                  expected: step.expected, actual: lines, diff: diff)
    }

    static func compareJSON(step: TranscriptStep, actual: String, file: URL) -> TranscriptMismatch? {
        let actualLines = replyLines(actual)
        let actualText = actualLines.joined(separator: "\n")
        let actualValue = try? JSONMatch.parse(actualText)
        let expectedValue = step.expected.isEmpty ? nil : try? JSONMatch.parse(step.expected.joined(separator: "\n"))
        if let e = expectedValue, let a = actualValue, JSONMatch.matches(expected: e, actual: a) { return nil }

        let old = expectedValue.map(JSONMatch.prettyLines) ?? step.expected
        let new: [String]
        switch (expectedValue, actualValue) {
        case (let e?, let a?): new = JSONMatch.prettyLines(JSONMatch.project(a, onto: e))
        case (nil, let a?): new = JSONMatch.prettyLines(a)
        default: new = actualLines
        }
        let place = "\(TranscriptPaths.display(file)):\(step.line)"
        var diff = UnifiedDiff.diff(old: old, new: new, oldName: "\(place) expected", newName: "\(place) actual")
        if diff.isEmpty {
            // Same text after projection but no match (e.g. 1 vs "1" cannot happen; kept for safety).
            diff = "--- \(place) expected\n+++ \(place) actual\n" + new.map { "+\($0)\n" }.joined()
        }
        return TranscriptMismatch(file: file, line: step.line, input: ">json \(step.input ?? "")",
                                  expected: step.expected, actual: actualLines, diff: diff)
    }
}

/// The outcome of running one transcript.
public struct TranscriptResult: Sendable {
    public var file: URL
    /// How many user lines were sent.
    public var exchanges: Int = 0
    /// The user lines whose reply differed, in file order.
    public var mismatches: [TranscriptMismatch] = []

    public init(file: URL, exchanges: Int = 0, mismatches: [TranscriptMismatch] = []) {
        self.file = file
        self.exchanges = exchanges
        self.mismatches = mismatches
    }

    public var passed: Bool { mismatches.isEmpty }

    /// One line per file: `ok   PATH (N lines)` or `FAIL PATH (M of N lines differ)`.
    public var summary: String {
        let path = TranscriptPaths.display(file)
        return passed
            ? "ok   \(path) (\(exchanges) user lines)"
            : "FAIL \(path) (\(mismatches.count) of \(exchanges) user lines differ)"
    }

    /// The summary followed by every mismatch's report.
    public var report: String {
        ([summary] + mismatches.map(\.report)).joined(separator: "\n")
    }
}

/// A user line whose actual reply differs from the expected one.
public struct TranscriptMismatch: Sendable, Equatable {
    public var file: URL
    /// 1-based line of the user input.
    public var line: Int
    /// The user line as written (`> …` or `>json …`).
    public var input: String
    /// The expected reply lines (for JSON: as written).
    public var expected: [String]
    /// The actual reply lines (for JSON: the reply line as received).
    public var actual: [String]
    /// Unified diff, expected → actual; its headers name `FILE:LINE`.
    public var diff: String

    public init(file: URL, line: Int, input: String, expected: [String], actual: [String], diff: String) {
        self.file = file
        self.line = line
        self.input = input
        self.expected = expected
        self.actual = actual
        self.diff = diff
    }

    /// `FILE:LINE` of the user input.
    public var location: String { "\(TranscriptPaths.display(file)):\(line)" }

    /// `FILE:LINE: reply differs for > INPUT` followed by the diff.
    public var report: String {
        "\(location): reply differs for \(input)\n" + diff
    }
}
