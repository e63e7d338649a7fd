import Foundation

/// Working days by the official calendar (`data/holidays.csv`): Monday to
/// Friday are working days unless listed as `holiday`; a Saturday or Sunday
/// listed as `workday` (调休上班) is one. Deadlines in working days end at
/// `closingHour` on the Nth working day after the starting day.
public struct WorkingCalendar: Sendable, Equatable {
    public enum Kind: String, Sendable { case holiday, workday }

    public var closingHour: Int

    struct Entry: Sendable, Equatable {
        var kind: Kind
        var name: String
    }
    var entries: [CalendarDay: Entry]

    public init(days: [CalendarDay: (kind: Kind, name: String)] = [:], closingHour: Int = 18) {
        self.entries = days.mapValues { Entry(kind: $0.kind, name: $0.name) }
        self.closingHour = closingHour
    }

    public static func load(from file: URL, closingHour: Int = 18) throws -> WorkingCalendar {
        let table = try CSVTable.load(file)
        try table.require(["date", "kind", "name"])
        var days: [CalendarDay: (kind: Kind, name: String)] = [:]
        for row in table.rows {
            let v = RowValidator(table: table, row: row)
            guard let day = CalendarDay(try v.date("date")) else { throw v.error("date", "日期格式应为 YYYY-MM-DD") }
            guard let kind = Kind(rawValue: try v.text("kind")) else { throw v.error("kind", "类型应为 holiday 或 workday") }
            guard days[day] == nil else { throw v.error("date", "日期重复：\(day)") }
            days[day] = (kind, row["name"])
        }
        return WorkingCalendar(days: days, closingHour: closingHour)
    }

    public func isWorkingDay(_ day: CalendarDay, calendar: Calendar) -> Bool {
        if let e = entries[day] { return e.kind == .workday }
        return day.isoWeekday(calendar: calendar) <= 5
    }

    /// The name of the holiday or make-up day, if `day` is listed.
    public func note(_ day: CalendarDay) -> String? { entries[day]?.name }

    /// The Nth working day after `day` (the day itself never counts).
    public func workingDay(_ n: Int, after day: CalendarDay, calendar: Calendar) -> CalendarDay {
        var d = day
        var left = max(n, 0)
        var guardSteps = 0
        while left > 0 && guardSteps < 3660 {
            d = d.adding(days: 1, calendar: calendar)
            if isWorkingDay(d, calendar: calendar) { left -= 1 }
            guardSteps += 1
        }
        return d
    }

    /// `closingHour` o'clock on the Nth working day after the day of `start`.
    public func deadline(workingDays n: Int, from start: Date, calendar: Calendar) -> Date {
        let day = workingDay(n, after: CalendarDay(start, calendar: calendar), calendar: calendar)
        return day.start(in: calendar).addingTimeInterval(TimeInterval(closingHour * 3600))
    }
}
