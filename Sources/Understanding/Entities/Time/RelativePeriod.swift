/// Periods counted from now: `前两天` / `上两周` (the last N units), `后三个月` / `下三年`
/// (the next N units), and `两个小时前` / `三分钟之后` said after the count.
///
/// As Duckling reads them: an interval at the unit's grain. The last N units end where
/// the current one begins (前两天 said on the 12th: the 10th to the 12th; 上两周: the
/// two calendar weeks before this one); the next N units begin with the next one (后三天
/// said on the 12th: the 13th to the 16th). A count of days said before 前/后 (两天前,
/// 三天后, 三日之后) is that day instead — a hotline's "三天后" is a day to come, "两天前"
/// the day something started — and so is not an interval (docs/UNDERSTANDING.md).
enum RelativePeriod {
    enum Unit {
        case second, minute, hour, day, week, month, year

        var grain: String {
            switch self {
            case .second: return "second"
            case .minute: return "minute"
            case .hour: return "hour"
            case .day: return "day"
            case .week: return "week"
            case .month: return "month"
            case .year: return "year"
            }
        }
    }

    /// Units after a count, longest first. 分 alone is not a minute (两分 is two points).
    static let units = TimeScan.words([
        ("秒钟", Unit.second), ("秒", .second), ("分钟", .minute),
        ("个小时", .hour), ("小时", .hour), ("个钟头", .hour), ("钟头", .hour), ("个钟", .hour),
        ("天", .day), ("日", .day),
        ("个星期", .week), ("星期", .week), ("个礼拜", .week), ("礼拜", .week), ("个周", .week), ("周", .week),
        ("个月", .month), ("月", .month), ("年", .year),
    ])
    /// After the count: 前 / 之前 / 以前 (ago), 后 / 之后 / 以后 (from now).
    static let suffixes = TimeScan.words([("之前", -1), ("以前", -1), ("前", -1), ("之后", 1), ("以后", 1), ("后", 1)])

    /// A period at `i`, or nil.
    static func parse(_ s: [Unicode.Scalar], _ i: Int, now: LocalTime) -> (Int, TimeValue)? {
        guard i < s.count else { return nil }
        if let direction = prefixDirection(s[i]) {
            // 最后两天, 之前三个月: the last days of something else, not counted from now.
            if i > 0, "最之以然往".unicodeScalars.contains(s[i - 1]) { return nil }
            // 查一下12月的…: 一下 is "a moment", not 下 + 12 months.
            if s[i] == "下", i > 0, s[i - 1] == "一" { return nil }
            guard let count = TimeScan.integer(s, i + 1, maxLength: 3), count.value >= 2, count.value <= 999,
                  let (e, unit) = TimeScan.match(s, count.end, units) else { return nil }
            // 上两天班: 上班 (to work) two days, not the last two days.
            if e < s.count, s[e] == "班" || s[e] == "课" { return nil }
            return (e, period(unit, count: count.value, direction: direction, now: now))
        }
        guard ChineseNumber.digit(s[i]) != nil || s[i] == "十" else { return nil }
        if i > 0, TimeScan.isASCIIAlnum(s[i - 1]) || ChineseNumber.isNumeralScalar(s[i - 1]) || s[i - 1] == "第" { return nil }
        guard let count = TimeScan.integer(s, i, maxLength: 3), count.value >= 1, count.value <= 999,
              let (u, unit) = TimeScan.match(s, count.end, units),
              let (e, direction) = TimeScan.match(s, u, suffixes) else { return nil }
        // 三月前, 3月前: before March (a deadline), not three months ago; 5日前, 本月五日前:
        // before the 5th. Counted before 前 / 后, months need 个 and 日 a Chinese count not after 月.
        if unit == .month, s[count.end] == "月" { return nil }
        if s[count.end] == "日", PhoneExtractor.isDigit(s[i]) || (i > 0 && s[i - 1] == "月") { return nil }
        if unit == .day {
            return (e, TimeValue(start: LocalTime(day: now.day.adding(direction * count.value)), end: nil, grain: "day"))
        }
        return (e, period(unit, count: count.value, direction: direction, now: now))
    }

    /// 上 / 前: -1, 下 / 后: +1.
    static func prefixDirection(_ c: Unicode.Scalar) -> Int? {
        switch c {
        case "上", "前": return -1
        case "下", "后": return 1
        default: return nil
        }
    }

    /// The last (`direction` -1) or next (+1) `count` units, at the unit's grain.
    static func period(_ unit: Unit, count: Int, direction: Int, now: LocalTime) -> TimeValue {
        let current = start(of: unit, at: now)
        let from = direction < 0 ? step(current, unit, -count) : step(current, unit, 1)
        let to = direction < 0 ? current : step(current, unit, count + 1)
        return TimeValue(start: from, end: to, grain: unit.grain)
    }

    /// The start of the unit `now` is in (this second, minute, hour, day, week from Monday, month, year).
    static func start(of unit: Unit, at now: LocalTime) -> LocalTime {
        switch unit {
        case .second: return now
        case .minute: return LocalTime(seconds: now.seconds - now.secondOfDay % 60)
        case .hour: return LocalTime(seconds: now.seconds - now.secondOfDay % 3600)
        case .day: return LocalTime(day: now.day)
        case .week: return LocalTime(day: now.day.monday)
        case .month:
            let c = now.day.civil
            return LocalTime(day: LocalDay.firstOfMonth(year: c.year, month: c.month))
        case .year: return LocalTime(day: LocalDay(year: now.day.civil.year, month: 1, day: 1)!)
        }
    }

    /// `t` (the start of a unit) moved by `n` units.
    static func step(_ t: LocalTime, _ unit: Unit, _ n: Int) -> LocalTime {
        switch unit {
        case .second: return LocalTime(seconds: t.seconds + n)
        case .minute: return LocalTime(seconds: t.seconds + 60 * n)
        case .hour: return LocalTime(seconds: t.seconds + 3600 * n)
        case .day: return LocalTime(day: t.day.adding(n))
        case .week: return LocalTime(day: t.day.adding(7 * n))
        case .month:
            let c = t.day.civil
            return LocalTime(day: LocalDay.firstOfMonth(year: c.year, month: c.month + n))
        case .year: return LocalTime(day: LocalDay(year: t.day.civil.year + n, month: 1, day: 1)!)
        }
    }
}
