import Foundation

/// Holidays of the Chinese lunar calendar (春节 元宵 端午 七夕 中秋 重阳 除夕) and 清明 (a solar
/// term) for any year, so that 春节 is understood in 2029 as in 2026: a table of three years
/// stopped there. The lunar dates come from Foundation's Chinese calendar (ICU), worked out
/// once per year on first use (about 150 calendar calls, a millisecond or two) and kept;
/// 清明 from the usual solar-term formula for this century.
enum LunarHolidays {
    /// The names `TimeDates.holidays` maps to, with the lunar month and day.
    static let lunar: [String: (month: Int, day: Int)] = [
        "春节": (1, 1), "元宵": (1, 15), "端午": (5, 5), "七夕": (7, 7), "中秋": (8, 15), "重阳": (9, 9),
    ]

    /// The Gregorian day of holiday `name` in `year`, or nil for a name it does not know.
    static func day(_ name: String, year: Int) -> LocalDay? {
        if name == "清明" { return qingming(year) }
        if name == "除夕" { return day("春节", year: year)?.adding(-1) }
        guard lunar[name] != nil, (1901...2099).contains(year) else { return nil }
        return cache.days(of: year)[name]
    }

    /// 清明: 4 or 5 April, by the solar-term formula [Y × 0.2422 + 4.81] − [Y / 4] for the
    /// year's last two digits Y (this century's constant; other centuries are not read).
    static func qingming(_ year: Int) -> LocalDay? {
        guard (2001...2099).contains(year) else { return nil }
        let y = year % 100
        return LocalDay(year: year, month: 4, day: Int((Double(y) * 0.2422 + 4.81).rounded(.down)) - y / 4)
    }

    private static let cache = Cache()

    /// The lunar holidays of each year asked for, worked out once (a lock: parses run on many threads).
    private final class Cache: @unchecked Sendable {
        private let lock = NSLock()
        private var years: [Int: [String: LocalDay]] = [:]

        func days(of year: Int) -> [String: LocalDay] {
            lock.lock()
            defer { lock.unlock() }
            if let known = years[year] { return known }
            let found = LunarHolidays.compute(year)
            years[year] = found
            return found
        }
    }

    /// Each lunar holiday of `year`, found by walking the weeks where it can fall (春节 between
    /// 21 January and 20 February, 中秋 between 8 September and 8 October …).
    private static func compute(_ year: Int) -> [String: LocalDay] {
        var chinese = Calendar(identifier: .chinese)
        let zone = TimeZone(identifier: "Asia/Shanghai") ?? TimeZone(secondsFromGMT: 8 * 3600)!
        chinese.timeZone = zone
        let windows: [(String, Int, Int, Int)] = [
            ("春节", 1, 20, 33), ("端午", 5, 26, 32), ("七夕", 7, 29, 33), ("中秋", 9, 6, 34), ("重阳", 9, 30, 35),
        ]
        var out: [String: LocalDay] = [:]
        for (name, month, day, span) in windows {
            guard let want = lunar[name], let first = LocalDay(year: year, month: month, day: day) else { continue }
            for k in 0..<span {
                let d = first.adding(k)
                // Noon in Shanghai: far from either midnight, whatever zone the parse runs in.
                let date = Date(timeIntervalSince1970: TimeInterval(d.n * 86400 + 4 * 3600))
                let c = chinese.dateComponents([.month, .day, .isLeapMonth], from: date)
                if c.isLeapMonth != true, c.month == want.month, c.day == want.day {
                    out[name] = d
                    break
                }
            }
        }
        if let newYear = out["春节"] { out["元宵"] = newYear.adding(14) }
        return out
    }
}
