import Foundation

/// Finds time expressions and resolves them against `ParseContext.now` in
/// `ParseContext.timeZone`. Emits type `time` with `value` ISO 8601 with the
/// zone's offset (`2026-11-30T15:00:00+08:00`), a `grain`, and for intervals
/// `valueEnd` (exclusive).
///
/// Conventions (weeks start on Monday):
/// - 今天 明天 后天 大后天 昨天 前天, `N天后`: that day, grain day.
/// - A bare weekday (周三 星期三 礼拜三) is the next occurrence on or after
///   today (today itself when today is Wednesday).
/// - 这周三 / 本周三: the Wednesday of this calendar week, even if past.
///   下周三: the Wednesday of next calendar week; 下下周一: two weeks on;
///   上周五: last week's Friday.
/// - 这周末 / 周末: Saturday 00:00 to Monday 00:00 of this week (grain day);
///   本周 / 下周: Monday to Monday (grain week); 本月 / 下个月 / `12月`:
///   the month (grain month); 今年 / `2027年`: the year.
/// - A date without a year (12月5日, 12/12, 元旦, 国庆) is this year unless
///   it is more than 30 days past, then next year. A bare month (`3月`) that
///   is before the current month is next year's.
/// - A date alone has grain day and value 00:00 of that day.
/// - Parts of the day alone are intervals with grain hour: 凌晨 0–6, 早上
///   6–9, 上午 8–12, 中午 12–14, 下午 12–18, 傍晚 17–19, 晚上 18–24.
/// - A clock time after a part of the day follows it (下午3点 → 15:00,
///   晚上8点 → 20:00, 中午1点 → 13:00).
/// - A bare clock time (三点) with no part of the day: 1–6 o'clock means the
///   afternoon (13–18h), as in hotline bookings (`3点` = 15:00); 7–12 are
///   taken as written (`8点` = 08:00); 0 and 13–24 are 24-hour readings.
///   With no day either, it is today if still ahead of now, else tomorrow.
/// - Grain is minute when minutes are said (三点半, 15:30), else hour.
/// - Ranges `A到B` / `A至B` / `A-B` / `A~B`: B inherits A's day and part of
///   the day (明天下午两点到四点 → 14:00–16:00); the value is A's start and
///   `valueEnd` is B's start for clock times, the end of B for days.
/// - Lunar holidays (春节 元宵 端午 七夕 中秋 重阳 除夕) come from Foundation's Chinese
///   calendar for any year from 1901 to 2099, 清明 from the solar-term formula (`LunarHolidays`).
public struct TimeExtractor: EntityExtractor {
    public init() {}

    static let rangeWords = TimeScan.words([("到", 0), ("至", 0), ("-", 0), ("~", 0), ("—", 0), ("～", 0)])
    /// Now; Cantonese 而家 / 依家.
    static let nowWords = TimeScan.words([("现在", 0), ("此刻", 0), ("此时", 0), ("马上", 0), ("立刻", 0), ("当前", 0), ("而家", 0), ("依家", 0)])

    /// Scalars that can begin a time expression (a cheap pre-filter).
    static let starters: Set<Unicode.Scalar> = {
        var set = Set<Unicode.Scalar>("0123456789零〇一二两三四五六七八九十廿卅".unicodeScalars)
        for w in nowWords { set.insert(w.0[0]) }
        for w in TimeOfDay.parts { set.insert(w.0[0]) }
        for w in TimeOfDay.dayParts { set.insert(w.0[0]) }
        for w in TimeDates.relativeDays { set.insert(w.0[0]) }
        for w in TimeDates.weekModifiers { set.insert(w.0[0]) }
        for w in TimeDates.weekWords { set.insert(w.0[0]) }
        for w in TimeDates.yearWords { set.insert(w.0[0]) }
        for w in TimeDates.holidays { set.insert(w.0[0]) }
        return set
    }()

    /// `starters` as a flat table: asked at every character of every line.
    static let starterTable = ScalarTable(Dictionary(uniqueKeysWithValues: starters.map { ($0, true) }), missing: false)

    struct Context {
        let now: LocalTime
        let today: LocalDay
        let tz: TimeZone
        init(_ ctx: ParseContext) {
            tz = ctx.timeZone
            now = LocalTime(seconds: ctx.localNow)
            today = now.day
        }
    }

    public func extract(from text: ScalarText, context: ParseContext) -> [Entity] {
        extract(from: text, context: context, outside: [])
    }

    /// `identifiers`: the spans of the line's ids (`EntityRecognizer.rank` 5), which win over
    /// any time that overlaps them, so no reading starts inside one. Each ticket id's number
    /// (GL20261129-0001: 0001 after the hyphen) was a failed reading at nearly every line
    /// that quotes one, a fifth of the lines without a time in a count.
    /// `shortcuts` false reads at every starter, ids and counted runs too: what the shortcuts must
    /// agree with (`TimeShortcutTests`).
    func extract(from text: ScalarText, context: ParseContext, outside identifiers: [Range<Int>], shortcuts: Bool = true) -> [Entity] {
        let s = text.scalars
        let ctx = Context(context)
        var out: [Entity] = []
        var i = 0
        // A clock time said a few words after its day (明天 太极拳 7点): read on that day.
        var later: (at: Int, day: Single)? = nil
        // Read once: a static's accessor per character of every line showed in a profile.
        let starters = Self.starterTable
        while i < s.count {
            if !starters[s[i]] || (i > 0 && TimeScan.isASCIIAlnum(s[i - 1]) && TimeScan.isASCIIAlnum(s[i])) { i += 1; continue }
            if shortcuts, let id = identifiers.first(where: { $0.contains(i) }) { i = id.upperBound; continue }
            // 3栋, 十二楼, 一直: a run of numerals followed by what counts buildings, floors, people or
            // steps starts no time at any of its numerals (every reading led by a numeral goes on with a
            // unit of time, a date's or a clock's mark, or a separator). A quarter of the failed
            // readings, over the fixture lines, were a numeral before 栋.
            if shortcuts, TimeScan.startsInteger(s[i]) {
                var end = i + 1
                while end < s.count, TimeScan.startsInteger(s[end]) { end += 1 }
                if end < s.count, Self.countsNoTime(s[end], next: end + 1 < s.count ? s[end + 1] : nil),
                   !Self.holdsNumeralWord(s, i..<end) { i = end; continue }
            }
            // A run of five digits or more (a phone number, an id, an amount) starts no time: the
            // readings of digits take at most four before what must follow them (年, 月, 号, 点, :,
            // a separator). Each attempt there failed through every reading, and phone numbers
            // were a fifth of the failed attempts in a count.
            if Self.isLongDigitRun(s, from: i) { i += 1; continue }
            // 下雨, 大富, 这个: a starter followed by no word a time can begin with (`TimeStarts`).
            if !TimeStarts.mayStart(s, at: i) { i += 1; continue }
            // 登记一下下周四: the 下 of 一下 does not make 下下周 (the week after next).
            if s[i] == "下", i > 0, s[i - 1] == "一", i + 2 < s.count, s[i + 1] == "下", s[i + 2] == "周" || s[i + 2] == "星" || s[i + 2] == "礼" {
                i += 1
                continue
            }
            let inherit = later?.at == i ? later?.day : nil
            if let (e, v, first) = Self.parse(s, i, ctx, inherit: inherit) {
                var value = v
                later = nil
                if !first.hasClock, first.day != nil, e == first.end, let at = Self.clockAfter(s, e, ctx),
                   let (_, joined, _) = Self.parse(s, at, ctx, inherit: first) {
                    value = joined
                    later = (at, first)
                }
                let entity = Entity(type: .time, text: text[i..<e], start: i, end: e, value: .string(value.start.iso(in: ctx.tz)),
                                    valueEnd: value.end?.iso(in: ctx.tz), grain: value.grain)
                // 大后天 大后天下午三点: a day said again, closer, replaces its first mention.
                if let last = out.last, Self.isRepeated(last, by: entity, in: s) { out.removeLast() }
                out.append(entity)
                i = e
            } else {
                i += 1
            }
        }
        return out
    }

    /// What follows a run of numerals that no time goes on with (`extract`): buildings, floors and
    /// grids (栋 幢 楼 层 座 室 户 单 网), people (人 位 岁 名 口 家, 个人 个位), money and areas (块 元 万
    /// 平), other counts (步 次 张 辆 条 只 股 跤), and the words 一直 一共 一起 一样 一边 一大早 …了,
    /// 一下 (not 一下午). Not 个 otherwise (三个月后), nor 天 多 几 小 半 分 号 年 (times go on with them).
    static func countsNoTime(_ c: Unicode.Scalar, next: Unicode.Scalar?) -> Bool {
        switch c {
        case "栋", "幢", "楼", "层", "座", "室", "户", "单", "网", "人", "位", "岁", "名", "口", "家", "块", "元", "万", "平",
             "步", "次", "张", "辆", "条", "只", "股", "跤", "直", "共", "起", "样", "边", "大", "了": return true
        case "个": return next == "人" || next == "位"
        case "下": return next != "午"
        default: return false
        }
    }

    /// The time words made of numerals alone (五一, 三一五: holidays), which need nothing after them.
    static let numeralWords: [[Unicode.Scalar]] = TimeStarts.wordLists.joined().filter {
        !$0.isEmpty && $0.allSatisfy(TimeScan.startsInteger)
    }

    /// Whether one of `numeralWords` lies within `run` (快到五一了: the run 五一 before 了 is a holiday).
    static func holdsNumeralWord(_ s: [Unicode.Scalar], _ run: Range<Int>) -> Bool {
        numeralWords.contains { word in
            word.count <= run.count && run.indices.dropLast(word.count - 1).contains { s[$0..<($0 + word.count)].elementsEqual(word) }
        }
    }

    /// Whether five ASCII digits or more start at `i`.
    static func isLongDigitRun(_ s: [Unicode.Scalar], from i: Int) -> Bool {
        guard i + 4 < s.count else { return false }
        for k in i...(i + 4) where !PhoneExtractor.isDigit(s[k]) { return false }
        return true
    }

    /// Where a clock time with no day of its own starts within a few words
    /// after a day (明天 太极拳 7点, 明天早上 书法 八点半, 12月5号的义诊 帮我留一个位
    /// 九点那场), in the same clause. Another day or part of the day first
    /// ends the search; a number that is no clock (一个位, 3栋) is passed over.
    static func clockAfter(_ s: [Unicode.Scalar], _ end: Int, _ ctx: Context) -> Int? {
        var k = end
        // A day said of a thing (下周六早上的书法，我跟我女儿一起，9点半开始那个) keeps
        // its clock across commas; a day said as a clause (明天有空，3点再说) does not.
        let ofAThing = end < s.count && s[end] == "的"
        while k < min(s.count, end + (ofAThing ? 20 : 14)) {
            let c = s[k]
            if ofAThing ? sentenceEnds(c) : clauseEnds(c) { return nil }
            if starterTable[c] {
                guard TimeScan.match(s, k, TimeOfDay.dayParts) == nil, TimeDates.parse(s, k, today: ctx.today) == nil,
                      TimeScan.match(s, k, nowWords) == nil else { return nil }
                if TimeOfDay.clock(s, k) != nil || TimeScan.match(s, k, TimeOfDay.parts).map({ TimeOfDay.clock(s, $0.0) != nil }) == true {
                    return k
                }
            }
            k += 1
        }
        return nil
    }

    /// Whether `next` says `day`'s day again, with a clock or part of the day,
    /// only spaces or a filler apart (speech: 大后天 大后天下午三点).
    static func isRepeated(_ day: Entity, by next: Entity, in s: [Unicode.Scalar]) -> Bool {
        guard day.grain == "day", day.valueEnd == nil, next.grain != "day", next.start - day.end <= 3,
              case .string(let a) = day.value, case .string(let b) = next.value, a.prefix(10) == b.prefix(10) else { return false }
        return s[day.end..<next.start].allSatisfy { $0 == " " || $0 == "嗯" || $0 == "呃" || $0 == "," || $0 == "，" }
    }

    private static func sentenceEnds(_ c: Unicode.Scalar) -> Bool {
        // A switch, not a Set: hashing a character per lookup showed in a profile.
        switch c { case "。", "！", "？", "；", ";", "!", "?", "\n": return true; default: return false }
    }

    private static func clauseEnds(_ c: Unicode.Scalar) -> Bool {
        // A switch, not a Set: hashing a character per lookup showed in a profile.
        switch c { case "。", "！", "？", "；", ";", "!", "?", "\n", "，", ",": return true; default: return false }
    }

    /// One expression, possibly a range, starting at `i`.
    /// `inherit`: the day a clock time said apart from it belongs to. Also
    /// returns the expression's first part.
    static func parse(_ s: [Unicode.Scalar], _ i: Int, _ ctx: Context, inherit: Single? = nil) -> (Int, TimeValue, Single)? {
        if let (e, _) = TimeScan.match(s, i, nowWords) {
            let now = TimeValue(start: ctx.now, end: nil, grain: "second")
            return (e, now, Single(end: e, value: now, day: nil, part: nil, hasClock: true))
        }
        if inherit == nil, let (e, period) = RelativePeriod.parse(s, i, now: ctx.now) {
            return (e, period, Single(end: e, value: period, day: period.grain == "day" && period.end == nil ? period.start.day : nil,
                                      part: nil, hasClock: false))
        }
        guard let first = single(s, i, ctx, inherit: inherit) else { return nil }
        var (e, v) = (first.end, first.value)
        // Range.
        var k = e
        while k < s.count, s[k] == " " { k += 1 }
        if let (r, _) = TimeScan.match(s, k, rangeWords) {
            var r2 = r
            while r2 < s.count, s[r2] == " " { r2 += 1 }
            if let second = single(s, r2, ctx, inherit: first), second.value.start >= v.start {
                let sv = second.value
                let end: LocalTime
                if sv.end != nil && sv.grain == v.grain { end = sv.end! }
                else if second.hasClock { end = sv.start }
                else if sv.grain == "day" { end = LocalTime(day: sv.start.day.adding(1)) }
                else { end = sv.end ?? sv.start }
                v = TimeValue(start: v.start, end: end, grain: v.grain)
                e = second.end
            }
        }
        return (e, v, first)
    }

    /// Whether a count stands right before `i` (一晚上, 两个晚上): a part of the day said as a length.
    static func countedBefore(_ s: [Unicode.Scalar], _ i: Int) -> Bool {
        var k = i - 1
        if k >= 1, s[k] == "个" { k -= 1 }
        return k >= 0 && ["一", "两", "几", "三"].contains(s[k]) && !(k >= 1 && ["周", "拜", "期", "初"].contains(s[k - 1]))
    }

    struct Single {
        var end: Int
        var value: TimeValue
        var day: LocalDay?
        var part: PartOfDay?
        var hasClock: Bool
    }

    /// 天天, 每天, 每日, 平时 right before `i`: what follows is a habit.
    static func habitualBefore(_ s: [Unicode.Scalar], _ i: Int) -> Bool {
        guard i >= 2 else { return false }
        switch (s[i - 2], s[i - 1]) {
        case ("天", "天"), ("每", "天"), ("每", "日"), ("平", "时"): return true
        default: return false
        }
    }

    /// Date part + part of day + clock. `inherit` supplies the day and part of
    /// the day for the second half of a range.
    static func single(_ s: [Unicode.Scalar], _ i: Int, _ ctx: Context, inherit: Single?) -> Single? {
        var j = i
        var day: LocalDay? = nil
        var part: PartOfDay? = nil
        if let (e, (off, p)) = TimeScan.match(s, j, TimeOfDay.dayParts) {
            day = ctx.today.adding(off); part = p; j = e
        } else if let (e, d) = TimeDates.parse(s, j, today: ctx.today) {
            switch d {
            case .day(let dd): day = dd; j = TimeDates.weekdayAfter(s, e, of: dd) ?? e
            case .period(let p):
                return Single(end: e, value: p, day: nil, part: nil, hasClock: false)
            }
        }
        // 下周三 三点: one space between the day and what follows.
        if day != nil, j + 1 < s.count, s[j] == " ",
           TimeScan.match(s, j + 1, TimeOfDay.parts) != nil || TimeOfDay.clock(s, j + 1) != nil { j += 1 }
        if part == nil, let (e, p) = TimeScan.match(s, j, TimeOfDay.parts) {
            // 停一晚上, 住两个晚上: how long, not when.
            if day == nil, j == i, countedBefore(s, i) { return nil }
            // 早上好, 晚上好: a greeting, not when.
            if day == nil, j == i, e < s.count, s[e] == "好", TimeOfDay.clock(s, e) == nil { return nil }
            // 她天天早上在公园练: a habit, not when (a clock after it still names a time).
            if day == nil, j == i, habitualBefore(s, i), TimeOfDay.clock(s, e) == nil { return nil }
            part = p; j = e
        }
        // 晚七点, 早八点: a one-character part of the day, only right before a clock time.
        if part == nil, j < s.count, let p = TimeOfDay.shortPart(s[j]), TimeOfDay.clock(s, j + 1) != nil { part = p; j += 1 }
        // 星期二晚有什么活动, 周三晚的瑜伽: after a day, also before a word that ends the time
        // (not 周三晚了, 周五早就坏了, 周六晚会).
        if part == nil, day != nil, j > i, j < s.count, let p = TimeOfDay.shortPart(s[j]),
           j + 1 == s.count || TimeOfDay.endsShortPart(s[j + 1]) { part = p; j += 1 }
        let clock = TimeOfDay.clock(s, j)
        if let (e, _) = clock { j = e }
        guard j > i else { return nil }
        // Range second half: inherit the day and part of the day.
        var partInherited = false
        if let inh = inherit, day == nil {
            day = inh.day
            if part == nil { part = inh.part; partInherited = part != nil }
            if day == nil, clock != nil { day = inh.value.start.day }
        }
        guard let (_, c) = clock else {
            if let p = part {
                let d = day ?? ctx.today
                let (a, b) = p.hours
                return Single(end: j, value: TimeValue(start: LocalTime(day: d, second: a * 3600), end: LocalTime(day: d, second: b * 3600), grain: "hour"),
                              day: d, part: p, hasClock: false)
            }
            guard let d = day else { return nil }
            return Single(end: j, value: TimeValue(start: LocalTime(day: d), end: nil, grain: "day"), day: d, part: nil, hasClock: false)
        }
        var hour = c.hour
        if let p = part { if !c.explicit24 { hour = p.hour(hour) } }
        else if !c.explicit24, hour >= 1, hour <= 6 { hour += 12 }
        var d = day ?? ctx.today
        // The end of a range with the start's part of the day (上午9点到12点,
        // 晚上7点到1点): the twelve-hour reading that comes after the start.
        if let inh = inherit, partInherited, !c.explicit24, LocalTime(day: d, second: hour * 3600 + c.minute * 60) <= inh.value.start {
            hour = [c.hour, c.hour + 12, c.hour + 24].first { LocalTime(day: d, second: $0 * 3600 + c.minute * 60) > inh.value.start } ?? hour
        }
        let secondOfDay = hour * 3600 + c.minute * 60 + c.second
        if day == nil, inherit == nil, LocalTime(day: d, second: secondOfDay) < ctx.now { d = d.adding(1) }
        let grain = c.second != 0 ? "second" : (c.hasMinute ? "minute" : "hour")
        return Single(end: j, value: TimeValue(start: LocalTime(day: d, second: secondOfDay), end: nil, grain: grain),
                      day: d, part: part, hasClock: true)
    }
}
