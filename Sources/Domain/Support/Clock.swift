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
    }

    /// A clock whose time comes from `source` (a transcript's `@now` that moves mid-file).
    public init(timeZone: TimeZone, source: @escaping @Sendable () -> Date) {
        self.source = source
        self.timeZone = timeZone
    }

    public var now: Date { source() }

    public var calendar: Calendar {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = timeZone
        c.firstWeekday = 2
        return c
    }

    /// `20261129` in the clock's zone.
    public func dayStamp(_ date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d%02d%02d", c.year!, c.month!, c.day!)
    }

    /// ISO 8601 with the clock's offset: `2026-11-29T09:00:00+08:00`.
    public func iso(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.timeZone = timeZone
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: date)
    }

    public func iso(epoch: Int) -> String { iso(Date(timeIntervalSince1970: TimeInterval(epoch))) }

    /// `12月2日（周三）15:00` for replies.
    public func display(_ date: Date, withTime: Bool = true) -> String {
        let c = calendar.dateComponents([.month, .day, .weekday, .hour, .minute], from: date)
        let weekday = ["日", "一", "二", "三", "四", "五", "六"][c.weekday! - 1]
        let day = "\(c.month!)月\(c.day!)日（周\(weekday)）"
        return withTime ? day + String(format: "%02d:%02d", c.hour!, c.minute!) : day
    }

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
