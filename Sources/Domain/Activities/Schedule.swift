import Foundation

/// When a recurring activity meets, as written in `activities.csv`:
/// weekday names (`周二|周四`), a single date (`2026-12-12`), or a monthly
/// ordinal weekday (`每月第一个周六`, `每月最后一个周日`).
public enum Schedule: Sendable, Equatable {
    /// ISO weekdays, 1 = Monday … 7 = Sunday.
    case weekly(Set<Int>)
    case once(CalendarDay)
    /// `ordinal` 1…5, or -1 for the last such weekday of the month.
    case monthly(ordinal: Int, weekday: Int)

    static let weekdayNames: [String: Int] = [
        "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "日": 7, "天": 7,
    ]

    public init?(_ text: String) {
        if let day = CalendarDay(text) { self = .once(day); return }
        if text.hasPrefix("每月") {
            let rest = text.dropFirst(2)
            let ordinals: [(String, Int)] = [("第一个", 1), ("第二个", 2), ("第三个", 3), ("第四个", 4), ("最后一个", -1)]
            for (word, ordinal) in ordinals where rest.hasPrefix(word) {
                guard let weekday = Self.weekday(String(rest.dropFirst(word.count))) else { return nil }
                self = .monthly(ordinal: ordinal, weekday: weekday)
                return
            }
            return nil
        }
        var days = Set<Int>()
        for part in text.split(separator: "|") {
            guard let d = Self.weekday(String(part)) else { return nil }
            days.insert(d)
        }
        guard !days.isEmpty else { return nil }
        self = .weekly(days)
    }

    /// `周三`, `星期三`, `礼拜三` → 3.
    static func weekday(_ text: String) -> Int? {
        for prefix in ["周", "星期", "礼拜"] where text.hasPrefix(prefix) && text.count == prefix.count + 1 {
            return weekdayNames[String(text.last!)]
        }
        return nil
    }

    /// Whether the activity meets on `day`.
    public func occurs(on day: CalendarDay, calendar: Calendar) -> Bool {
        switch self {
        case .once(let d): return d == day
        case .weekly(let days): return days.contains(day.isoWeekday(calendar: calendar))
        case .monthly(let ordinal, let weekday):
            guard day.isoWeekday(calendar: calendar) == weekday else { return false }
            if ordinal > 0 { return (day.day - 1) / 7 + 1 == ordinal }
            return day.adding(days: 7, calendar: calendar).month != day.month
        }
    }

    /// The form `activities.csv` uses, which `init?(_:)` reads back.
    public var source: String {
        let names = ["", "一", "二", "三", "四", "五", "六", "日"]
        switch self {
        case .once(let d): return d.description
        case .weekly(let days): return days.sorted().map { "周" + names[$0] }.joined(separator: "|")
        case .monthly: return display
        }
    }

    /// Human-readable form for replies: 每周二、周四 / 2026-12-12 / 每月第一个周六.
    public var display: String {
        let names = ["", "一", "二", "三", "四", "五", "六", "日"]
        switch self {
        case .once(let d): return d.description
        case .weekly(let days): return "每" + days.sorted().map { "周" + names[$0] }.joined(separator: "、")
        case .monthly(let ordinal, let weekday):
            let o = ordinal == -1 ? "最后一个" : "第\(["", "一", "二", "三", "四", "五"][ordinal])个"
            return "每月\(o)周\(names[weekday])"
        }
    }
}
