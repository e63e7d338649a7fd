import Foundation
import Bot

/// One transcript file, parsed: its lines as written, the settings from its
/// header directives, and its steps (directives and user lines with their
/// expected replies), each with its 1-based line number.
///
/// Format (docs/TRANSCRIPTS.md):
/// - `#` at column 0: a comment.
/// - `@now ISO8601`, `@session NAME`, `@db fresh`: directives (a ` #` comment may follow).
/// - `> TEXT`: a text line sent to the bot. `>json {…}`: a JSON request.
/// - Any other line after a user line: the expected reply, up to the next user
///   line, directive or comment; trailing blank lines are not part of it. A reply
///   line that would start with `#`, `@`, `>` or `\` is written with a `\` before it.
public struct TranscriptFile: Sendable {
    public var url: URL
    /// The file's lines as written, without line terminators.
    public var lines: [String]
    /// `"\n"`, or `"\r\n"` when the file uses CRLF.
    public var lineEnding: String
    /// Whether the last line was terminated.
    public var endsWithNewline: Bool
    /// The settings from the directives before the first user line.
    public var settings: TranscriptSettings
    public var steps: [TranscriptStep]

    /// The user lines (text and JSON), in order.
    public var exchanges: [TranscriptStep] { steps.filter(\.isExchange) }

    /// Reads and parses a transcript file.
    public static func load(_ url: URL) throws -> TranscriptFile {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw TranscriptError.unreadable(file: url, message: "cannot read: \(error.localizedDescription)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw TranscriptError.unreadable(file: url, message: "not valid UTF-8")
        }
        return try parse(text, file: url)
    }

    /// Parses transcript text; `file` names it in errors and settings.
    public static func parse(_ text: String, file: URL) throws -> TranscriptFile {
        var body = text
        if body.unicodeScalars.first == "\u{FEFF}" { body.unicodeScalars.removeFirst() }
        let split = splitLines(body)
        let lineEnding = split.crlf ? "\r\n" : "\n"
        let endsWithNewline = split.endsWithNewline
        let lines = split.lines

        var settings = try TranscriptSettings(file: file)
        var steps: [TranscriptStep] = []
        var open: Int? = nil            // index in `steps` of the exchange collecting its reply
        var block: [String] = []
        var sawExchange = false

        func fail(_ line: Int, _ message: String) -> TranscriptError {
            .parse(file: file, line: line, message: message)
        }

        func close() throws {
            guard let index = open else { return }
            var reply = block
            while let last = reply.last, last.trimmingCharacters(in: .whitespaces).isEmpty { reply.removeLast() }
            let first = steps[index].line // 1-based line of the user line = 0-based index of the first reply line
            steps[index].replyLines = first ..< first + reply.count
            steps[index].expected = reply.map(TranscriptFile.unescape)
            if case .json = steps[index].kind, !reply.isEmpty {
                let joined = steps[index].expected.joined(separator: "\n")
                do { _ = try JSONMatch.parse(joined) } catch {
                    throw fail(first + 1, "the expected reply to the JSON request on line \(steps[index].line) is not a JSON value: \(error)")
                }
            }
            open = nil
            block = []
        }

        for (index, raw) in lines.enumerated() {
            let number = index + 1
            if raw.hasPrefix("#") {
                try close()
                continue
            }
            if raw.hasPrefix("@") {
                try close()
                let kind = try parseDirective(raw, line: number, file: file)
                let step = TranscriptStep(kind: kind, line: number, isHeader: !sawExchange)
                if !sawExchange {
                    switch kind {
                    case .now(_, let text):
                        settings = try TranscriptSettings(file: file, nowText: text, session: settings.session)
                    case .session(let name):
                        settings.session = name
                    default: break
                    }
                }
                steps.append(step)
                continue
            }
            if raw.hasPrefix(">") {
                try close()
                let kind: TranscriptStep.Kind
                if raw.hasPrefix(">json") {
                    let request = raw.dropFirst(5).trimmingCharacters(in: .whitespaces)
                    guard raw.dropFirst(5).first.map({ $0 == " " || $0 == "\t" || $0 == "{" }) ?? false, !request.isEmpty else {
                        throw fail(number, "a JSON request is written '>json {\"id\": \"r1\", \"text\": \"…\"}'")
                    }
                    kind = .json(request)
                } else if raw == ">" {
                    kind = .text("")
                } else if raw.hasPrefix("> ") {
                    let text = String(raw.dropFirst(2))
                    if text.hasPrefix("{") {
                        throw fail(number, "a line starting with '{' is a JSON request on the wire; write it as '>json {…}'")
                    }
                    kind = .text(text)
                } else {
                    throw fail(number, "a user line starts with '> ' (or '>json ' for a JSON request)")
                }
                sawExchange = true
                steps.append(TranscriptStep(kind: kind, line: number, isHeader: false))
                open = steps.count - 1
                continue
            }
            if open != nil {
                block.append(raw)
            } else if !raw.trimmingCharacters(in: .whitespaces).isEmpty {
                if let previous = steps.last(where: \.isExchange) {
                    throw fail(number, "reply text with no user line before it (the reply to line \(previous.line) ended at a comment or directive; start continuation lines with '\\' if they begin with '#', '@' or '>')")
                }
                throw fail(number, "reply text with no user line before it (user lines start with '> ')")
            }
        }
        try close()
        return TranscriptFile(url: file, lines: lines, lineEnding: lineEnding, endsWithNewline: endsWithNewline,
                              settings: settings, steps: steps)
    }

    /// Splits on `\n` scalars (a `"\r\n"` is one Swift Character, so Character-based
    /// splitting would miss it), dropping a `\r` before each `\n`.
    static func splitLines(_ text: String) -> (lines: [String], crlf: Bool, endsWithNewline: Bool) {
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var crlf = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                if current.last == "\r" { current.removeLast(); crlf = true }
                lines.append(String(current))
                current = String.UnicodeScalarView()
            } else {
                current.append(scalar)
            }
        }
        let endsWithNewline = current.isEmpty && !lines.isEmpty
        if !current.isEmpty { lines.append(String(current)) }
        return (lines, crlf, endsWithNewline)
    }

    static func parseDirective(_ raw: String, line: Int, file: URL) throws -> TranscriptStep.Kind {
        var text = raw
        // A trailing comment: whitespace then '#'.
        if let range = text.range(of: #"\s#"#, options: .regularExpression) {
            text = String(text[..<range.lowerBound])
        }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        let name = words[0]
        let args = Array(words.dropFirst())
        func fail(_ message: String) -> TranscriptError { .parse(file: file, line: line, message: message) }
        switch name {
        case "@now":
            guard args.count == 1 else { throw fail("write '@now 2026-11-29T09:00:00+08:00'") }
            guard let parsed = TranscriptSettings.parseDate(args[0]) else {
                throw fail("'\(args[0])' is not an ISO 8601 time with an offset, e.g. 2026-11-29T09:00:00+08:00")
            }
            return .now(parsed.date, text: args[0])
        case "@session":
            guard args.count == 1 else { throw fail("write '@session NAME' (one word)") }
            return .session(args[0])
        case "@db":
            guard args == ["fresh"] else { throw fail("the only database directive is '@db fresh'") }
            return .freshDatabase
        default:
            throw fail("unknown directive '\(name)' (known: @now, @session, @db)")
        }
    }

    /// Undoes the `\` written before a reply line that starts with `#`, `@`, `>` or `\`.
    static func unescape(_ line: String) -> String {
        line.hasPrefix("\\") ? String(line.dropFirst()) : line
    }

    /// Writes a reply line so that it reads back as a reply line.
    static func escape(_ line: String) -> String {
        if let first = line.first, "#@>\\".contains(first) { return "\\" + line }
        return line
    }

    /// The file's text with the expected replies of some exchanges replaced.
    /// `replies` maps a step's line number to the new reply lines (unescaped).
    /// Everything else — comments, directives, user lines, blank lines — is kept as written.
    public func rewritten(replies: [Int: [String]]) -> String {
        var out: [String] = []
        var cursor = 0
        for step in steps where step.isExchange {
            guard let reply = replies[step.line], let range = step.replyLines else { continue }
            out += lines[cursor ..< range.lowerBound]
            out += reply.map(TranscriptFile.escape)
            cursor = range.upperBound
        }
        out += lines[cursor...]
        var text = out.joined(separator: lineEnding)
        if endsWithNewline || lines.isEmpty { text += lineEnding }
        return text
    }
}

/// A directive or a user line with its expected reply.
public struct TranscriptStep: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// `@now ISO8601`
        case now(Date, text: String)
        /// `@session NAME`
        case session(String)
        /// `@db fresh`
        case freshDatabase
        /// `> TEXT`
        case text(String)
        /// `>json {…}` (the request line as written)
        case json(String)
    }

    public var kind: Kind
    /// 1-based line number in the file.
    public var line: Int
    /// A directive before the first user line (already in `TranscriptFile.settings`).
    public var isHeader: Bool
    /// For user lines: the expected reply lines (unescaped, trailing blank lines trimmed).
    public var expected: [String] = []
    /// For user lines: the 0-based indices in `TranscriptFile.lines` holding the reply.
    public var replyLines: Range<Int>? = nil

    public init(kind: Kind, line: Int, isHeader: Bool, expected: [String] = [], replyLines: Range<Int>? = nil) {
        self.kind = kind
        self.line = line
        self.isHeader = isHeader
        self.expected = expected
        self.replyLines = replyLines
    }

    public var isExchange: Bool {
        switch kind {
        case .text, .json: return true
        default: return false
        }
    }

    /// The user line as sent (text or JSON request).
    public var input: String? {
        switch kind {
        case .text(let t), .json(let t): return t
        default: return nil
        }
    }
}
