import Foundation

/// The time source and the zone dates are told in. Frozen by `--now` in tests.
public struct Clock: Sendable {
    public let timeZone: TimeZone
    private let source: @Sendable () -> Date

    public init(frozenAt date: Date? = nil, timeZone: TimeZone = TimeZone(identifier: "Asia/Shanghai")!) {
        if let date {
            self.source = { date }
        } else {
            self.source = { Date() }
        }
        self.timeZone = timeZone
        self.calendar = Self.calendar(in: timeZone)
    }

    /// A clock whose time comes from `source` (a transcript's `@now` that moves mid-file).
    public init(timeZone: TimeZone, source: @escaping @Sendable () -> Date) {
        self.source = source
        self.timeZone = timeZone
        self.calendar = Self.calendar(in: timeZone)
    }

    public var now: Date { source() }

    /// Gregorian, weeks from Monday, in the clock's zone: made once (it was
    /// built on every call, several times per request).
    public let calendar: Calendar

    private static func calendar(in timeZone: TimeZone) -> Calendar {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = timeZone
        c.firstWeekday = 2
        return c
    }

    /// `20261129` in the clock's zone.
    public func dayStamp(_ date: Date) -> String {
        let t = local(date)
        return Self.ascii(capacity: 8) { out in
            Self.append(t.year, 4, to: &out)
            Self.append(t.month, 2, to: &out)
            Self.append(t.day, 2, to: &out)
        }
    }

    /// ISO 8601 with the clock's offset: `2026-11-29T09:00:00+08:00`.
    ///
    /// Formatted by hand (no `ISO8601DateFormatter` per call: it was a hot spot
    /// under load); whole seconds, like `.withInternetDateTime`.
    public func iso(_ date: Date) -> String {
        Self.ascii(capacity: 32) { writeISO(date, to: &$0) }
    }

    /// `iso(date)`'s bytes appended to `out`, with no `String` in between (a filing's
    /// reply writes two dates into its JSON; no byte of them needs escaping).
    public func writeISO(_ date: Date, to out: inout [UInt8]) {
        let t = local(date)
        Self.append(t.year, 4, to: &out)
        out.append(UInt8(ascii: "-"))
        Self.append(t.month, 2, to: &out)
        out.append(UInt8(ascii: "-"))
        Self.append(t.day, 2, to: &out)
        out.append(UInt8(ascii: "T"))
        Self.append(t.hour, 2, to: &out)
        out.append(UInt8(ascii: ":"))
        Self.append(t.minute, 2, to: &out)
        out.append(UInt8(ascii: ":"))
        Self.append(t.second, 2, to: &out)
        if t.offset == 0 {
            out.append(UInt8(ascii: "Z"))
        } else {
            let minutes = abs(t.offset) / 60
            out.append(UInt8(ascii: t.offset < 0 ? "-" : "+"))
            Self.append(minutes / 60, 2, to: &out)
            out.append(UInt8(ascii: ":"))
            Self.append(minutes % 60, 2, to: &out)
        }
    }

    /// The local date and time of `date` in the clock's zone (its calendar is Gregorian),
    /// by arithmetic: `Calendar.dateComponents` was a hot spot (every ticket's id, dates and reply).
    /// `weekday`: 1 = Sunday … 7 = Saturday, as `Calendar` counts.
    struct LocalTime {
        var year, month, day, hour, minute, second, weekday, offset: Int
    }

    func local(_ date: Date) -> LocalTime {
        let offset = timeZone.secondsFromGMT(for: date)
        let local = Int((date.timeIntervalSince1970).rounded(.down)) + offset
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let seconds = local - days * 86_400
        let (year, month, day) = Self.civil(daysSinceEpoch: days)
        // 1970-01-01 was a Thursday (5 in Calendar's count).
        let weekday = ((days % 7) + 7 + 4) % 7 + 1
        return LocalTime(year: year, month: month, day: day, hour: seconds / 3600, minute: seconds / 60 % 60,
                         second: seconds % 60, weekday: weekday, offset: offset)
    }

    /// `String(format: "%0*d", width, value)` without Foundation's formatter
    /// (a hot spot: every ticket's id, dates and reply use it).
    static func padded(_ value: Int, _ width: Int) -> String {
        ascii(capacity: max(width, 20) + 1) { append(value, width, to: &$0) }
    }

    /// An ASCII string written into one buffer (no intermediate strings).
    private static func ascii(capacity: Int, _ write: (inout [UInt8]) -> Void) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(capacity)
        write(&out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `value` in decimal, zero-padded to `width` characters (a sign counts as one).
    private static func append(_ value: Int, _ width: Int, to out: inout [UInt8]) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        let start = out.count
        var magnitude = value.magnitude
        repeat {
            out.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        let zeros = width - (value < 0 ? 1 : 0) - (out.count - start)
        if zeros > 0 { out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: zeros)) }
        // Written least significant first, the zeros after them: reversed, the zeros lead.
        out[start...].reverse()
    }

    /// Year, month, day of a day count since 1970-01-01 (proleptic Gregorian; H. Hinnant's algorithm).
    static func civil(daysSinceEpoch: Int) -> (Int, Int, Int) {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    public func iso(epoch: Int) -> String { iso(Date(timeIntervalSince1970: TimeInterval(epoch))) }

    /// `12月2日（周三）15:00` for replies: written into one buffer (the interpolated
    /// pieces and a weekday array per call showed in the filing profile).
    public func display(_ date: Date, withTime: Bool = true) -> String {
        let t = local(date)
        return Self.ascii(capacity: 40) { out in
            Self.append(t.month, 1, to: &out)
            out += "月".utf8
            Self.append(t.day, 1, to: &out)
            out += "日（周".utf8
            out += Self.weekdayNames[t.weekday - 1]
            out += "）".utf8
            if withTime {
                Self.append(t.hour, 2, to: &out)
                out.append(UInt8(ascii: ":"))
                Self.append(t.minute, 2, to: &out)
            }
        }
    }

    /// 日 一 … 六 by `LocalTime.weekday` (1 = Sunday), as UTF-8.
    private static let weekdayNames: [[UInt8]] = ["日", "一", "二", "三", "四", "五", "六"].map { Array($0.utf8) }

    public func display(epoch: Int, withTime: Bool = true) -> String {
        display(Date(timeIntervalSince1970: TimeInterval(epoch)), withTime: withTime)
    }

    /// Parses `2026-11-29T09:00:00+08:00`.
    public static func parseISO(_ text: String) -> Date? {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.date(from: text)
    }

    /// The clock for `--now`: frozen at that instant, telling dates in its offset.
    public static func frozen(iso text: String) -> Clock? {
        guard let date = parseISO(text) else { return nil }
        let offset = offsetSeconds(of: text) ?? 8 * 3600
        return Clock(frozenAt: date, timeZone: TimeZone(secondsFromGMT: offset)!)
    }

    private static func offsetSeconds(of text: String) -> Int? {
        if text.hasSuffix("Z") { return 0 }
        let scalars = Array(text)
        guard scalars.count >= 6 else { return nil }
        let tail = String(scalars[(scalars.count - 6)...])
        guard let sign = tail.first, sign == "+" || sign == "-" else { return nil }
        let parts = tail.dropFirst().split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]) else { return nil }
        return (sign == "-" ? -1 : 1) * (h * 3600 + m * 60)
    }
}

extension Date {
    public var epoch: Int { Int(timeIntervalSince1970.rounded(.down)) }
}
