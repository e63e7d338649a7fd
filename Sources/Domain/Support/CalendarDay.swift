import Foundation

/// A date without a time: `2026-12-02`.
public struct CalendarDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    public init?(_ text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), (1...31).contains(d) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public init(_ date: Date, calendar: Calendar) {
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        self.init(year: c.year!, month: c.month!, day: c.day!)
    }

    public var description: String { String(format: "%04d-%02d-%02d", year, month, day) }

    public static func < (a: CalendarDay, b: CalendarDay) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// Midnight at the start of the day in `calendar`'s zone.
    public func start(in calendar: Calendar) -> Date {
        calendar.date(from: DateComponents(year: year, month: month, day: day))!
    }

    /// Counted on the proleptic Gregorian calendar (the only one the project uses) without
    /// Foundation: `Calendar` date arithmetic was a hot spot in every ticket's deadline.
    public func adding(days: Int, calendar: Calendar) -> CalendarDay {
        guard calendar.identifier == .gregorian else {
            return CalendarDay(calendar.date(byAdding: .day, value: days, to: start(in: calendar))!, calendar: calendar)
        }
        let (year, month, day) = Clock.civil(daysSinceEpoch: daysSinceEpoch + days)
        return CalendarDay(year: year, month: month, day: day)
    }

    /// 1 = Monday … 7 = Sunday.
    public func isoWeekday(calendar: Calendar) -> Int {
        guard calendar.identifier == .gregorian else {
            let w = calendar.component(.weekday, from: start(in: calendar)) // 1 = Sunday
            return w == 1 ? 7 : w - 1
        }
        // 1970-01-01 was a Thursday (4).
        return ((daysSinceEpoch % 7) + 7 + 3) % 7 + 1
    }

    /// Days from 1970-01-01 (H. Hinnant's `days_from_civil`; `Clock.civil` is its inverse).
    var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
