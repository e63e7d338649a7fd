import Foundation

/// What a transcript asks of the engine it runs against, from its directives.
/// The runner hands it to `makeHandler` for every handler it creates (once per
/// file, and again after a mid-file `@db fresh`).
public struct TranscriptSettings: Sendable {
    /// The default clock: `2026-11-29T09:00:00+08:00`.
    public static let defaultNowText = "2026-11-29T09:00:00+08:00"
    /// The default session name (the session in use until `@session`).
    public static let defaultSession = "default"

    /// The transcript file these settings come from.
    public var file: URL
    /// The frozen clock's start value (`@now` before the first user line; default
    /// `2026-11-29T09:00:00+08:00`).
    public var now: Date
    /// `now` as written, ISO 8601 with its UTC offset; pass it to the engine as
    /// `--now` would be passed, so relative times resolve in that offset.
    public var nowText: String
    /// The clock's UTC offset in seconds (from `nowText`), e.g. 28800 for +08:00.
    public var utcOffsetSeconds: Int
    /// The clock for this file, shared with the handler: a mid-file `@now` moves
    /// it. A handler that reads the time from `clock.now` follows those moves;
    /// one that only reads `now` sees the start value.
    public var clock: TranscriptClock
    /// The session in use (default `"default"`). When the runner connects a socket
    /// transport, this is the session the connection is for.
    public var session: String
    /// Always `true`: every handler the runner asks for gets a fresh, newly
    /// seeded database (per file by default; `@db fresh` mid-file asks again).
    public var freshDatabase: Bool
    /// 0 for the file's first handler, +1 for each one after a mid-file `@db fresh`.
    /// Lets a socket `connect` closure reuse one server per handler.
    public var generation: Int

    public init(file: URL, nowText: String = TranscriptSettings.defaultNowText,
                session: String = TranscriptSettings.defaultSession) throws {
        guard let parsed = TranscriptSettings.parseDate(nowText) else {
            throw TranscriptError.invalidDate(nowText)
        }
        self.file = file
        self.now = parsed.date
        self.nowText = nowText
        self.utcOffsetSeconds = parsed.offset
        self.clock = TranscriptClock(parsed.date)
        self.session = session
        self.freshDatabase = true
        self.generation = 0
    }

    /// Parses ISO 8601 with a UTC offset (`Z` or `±HH:MM`), seconds optional
    /// (`2026-11-29T09:00+08:00` is accepted). Returns the date and the offset in seconds.
    public static func parseDate(_ text: String) -> (date: Date, offset: Int)? {
        let pattern = #"^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:?\d{2})$"#
        guard let regex = try? NSRegularExpression(pattern: pattern),
              let m = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
        else { return nil }
        func group(_ i: Int) -> String? {
            guard let r = Range(m.range(at: i), in: text) else { return nil }
            return String(text[r])
        }
        guard let year = Int(group(1)!), let month = Int(group(2)!), let day = Int(group(3)!),
              let hour = Int(group(4)!), let minute = Int(group(5)!) else { return nil }
        let second = group(6).flatMap(Int.init) ?? 0
        let fraction = group(7).flatMap { Double("0." + $0) } ?? 0
        let zone = group(8)!
        var offset = 0
        if zone != "Z" {
            let sign = zone.hasPrefix("-") ? -1 : 1
            let digits = zone.dropFirst().filter { $0 != ":" }
            guard let hh = Int(digits.prefix(2)), let mm = Int(digits.suffix(2)), hh < 24, mm < 60 else { return nil }
            offset = sign * (hh * 3600 + mm * 60)
        }
        guard (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61,
              let tz = TimeZone(secondsFromGMT: offset) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = tz
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        guard let date = calendar.date(from: components),
              calendar.component(.day, from: date) == day else { return nil }
        return (date.addingTimeInterval(fraction), offset)
    }
}

/// A frozen, settable clock shared between the runner and the handler it runs.
public final class TranscriptClock: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Date

    public init(_ date: Date) { value = date }

    /// The frozen time; a mid-file `@now` sets it.
    public var now: Date {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }
}

/// Why a transcript could not be read or run. `description` names file and line.
public enum TranscriptError: Error, CustomStringConvertible, Sendable {
    /// The file is malformed at `line` (1-based).
    case parse(file: URL, line: Int, message: String)
    /// Sending the user line at `line` failed (a socket error, say).
    case transport(file: URL, line: Int, message: String)
    /// The handler for the file could not be made.
    case handler(file: URL, line: Int, message: String)
    /// A path given to discovery does not exist.
    case notFound(path: String)
    case invalidDate(String)
    case unreadable(file: URL, message: String)

    public var description: String {
        switch self {
        case .parse(let file, let line, let message),
             .transport(let file, let line, let message),
             .handler(let file, let line, let message):
            return "\(TranscriptPaths.display(file)):\(line): \(message)"
        case .notFound(let path):
            return "\(path): no such file or folder"
        case .invalidDate(let text):
            return "invalid date '\(text)': expected ISO 8601 with an offset, e.g. \(TranscriptSettings.defaultNowText)"
        case .unreadable(let file, let message):
            return "\(TranscriptPaths.display(file)): \(message)"
        }
    }
}

enum TranscriptPaths {
    /// The path relative to the current directory when inside it, else absolute.
    static func display(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let cwd = FileManager.default.currentDirectoryPath
        let prefix = cwd.hasSuffix("/") ? cwd : cwd + "/"
        if path.hasPrefix(prefix) { return String(path.dropFirst(prefix.count)) }
        return path
    }
}
