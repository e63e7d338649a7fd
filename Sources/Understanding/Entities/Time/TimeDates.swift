/// Day-level and longer expressions: relative days, weekdays, calendar dates,
/// holidays and periods (week, weekend, month, year).
enum DatePart {
    case day(LocalDay)
    case period(TimeValue)
}

enum TimeDates {
    static let relativeDays = TimeScan.words([
        ("今天", 0), ("今日", 0), ("明天", 1), ("明日", 1), ("明儿个", 1), ("明儿", 1), ("后天", 2), ("大后天", 3),
        ("昨天", -1), ("昨日", -1), ("前天", -2), ("大前天", -3),
        // Northern: 今儿个, 后儿个 (the day after tomorrow), 昨儿个, 前儿个.
        ("今儿个", 0), ("今儿", 0), ("后儿个", 2), ("大后儿个", 3), ("昨儿个", -1), ("昨儿", -1), ("前儿个", -2),
        // Cantonese (听日 tomorrow, 后日 the day after, 琴日/寻日 yesterday); 后日 only
        // where it starts a word (not in 以后日子, 今后日常: see `isInsideWord`).
        ("听日", 1), ("后日", 2), ("琴日", -1), ("寻日", -1), ("前日", -2), ("大后日", 3),
    ])
    /// Week modifiers: offset in weeks, nil for a bare weekday.
    static let weekModifiers = TimeScan.words([
        ("这一", 0), ("这个", 0), ("这", 0), ("本", 0), ("下下个", 2), ("下下", 2), ("下个", 1), ("下", 1), ("上上个", -2), ("上上", -2), ("上个", -1), ("上", -1),
    ])
    /// Cantonese 今个 "this": this week or month (今个礼拜, 今个月), but a weekday after it is read
    /// as a bare one, the next on or after today (今个星期一 said on a Tuesday is the coming Monday).
    static let cantoneseThis = TimeScan.words([("今个", 0), ("今", 0)])
    static let weekWords = TimeScan.words([("周", 0), ("星期", 0), ("礼拜", 0)])
    static let weekdayNames: [Unicode.Scalar: Int] = [
        "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "日": 7, "天": 7, "七": 7,
        "1": 1, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6, "7": 7,
    ]
    static let monthWords = TimeScan.words([("个月", 0), ("月", 0)])
    /// 3天后, 3天以后 (made once, not per match).
    static let afterWords = TimeScan.words([("以后", 0), ("之后", 0), ("后", 0)])
    static let yearWords = TimeScan.words([("今年", 0), ("明年", 1), ("后年", 2), ("去年", -1), ("前年", -2),
                                           ("这一年", 0), ("上年", -1), ("下年", 1)])
    static let holidays = TimeScan.words([
        ("元旦节", "元旦"), ("元旦", "元旦"), ("春节", "春节"), ("农历新年", "春节"), ("大年初一", "春节"),
        ("除夕夜", "除夕"), ("除夕", "除夕"), ("大年三十", "除夕"), ("元宵节", "元宵"),
        ("七夕节", "七夕"), ("七夕", "七夕"), ("重阳节", "重阳"), ("重阳", "重阳"), ("清明节", "清明"), ("清明", "清明"),
        ("劳动节", "五一"), ("五一", "五一"), ("端午节", "端午"), ("端午", "端午"),
        ("中秋节", "中秋"), ("中秋", "中秋"), ("国庆节", "国庆"), ("国庆", "国庆"),
        ("阳历新年", "元旦"), ("五一国际劳动节", "五一"), ("国际劳动节", "五一"),
        ("三八国际妇女节", "妇女节"), ("三八妇女节", "妇女节"), ("国际妇女节", "妇女节"), ("妇女节", "妇女节"), ("三八节", "妇女节"),
        ("植树节", "植树节"), ("五四青年节", "青年节"), ("青年节", "青年节"), ("护士节", "护士节"),
        ("六一国际儿童节", "儿童节"), ("六一儿童节", "儿童节"), ("国际儿童节", "儿童节"), ("儿童节", "儿童节"), ("六一节", "儿童节"),
        ("七一建党节", "建党节"), ("建党节", "建党节"), ("香港回归纪念日", "香港回归"),
        ("八一建军节", "建军节"), ("建军节", "建军节"), ("教师节", "教师节"), ("澳门回归纪念日", "澳门回归"),
        ("国际消费者权益日", "三一五"), ("消费者权益日", "三一五"), ("三一五", "三一五"),
    ])
    static let fixedHolidays: [String: (Int, Int)] = [
        "元旦": (1, 1), "妇女节": (3, 8), "植树节": (3, 12), "三一五": (3, 15), "五一": (5, 1), "青年节": (5, 4),
        "护士节": (5, 12), "儿童节": (6, 1), "建党节": (7, 1), "香港回归": (7, 1), "建军节": (8, 1), "教师节": (9, 10),
        "国庆": (10, 1), "澳门回归": (12, 20),
    ]

    static func holiday(_ name: String, year: Int) -> LocalDay? {
        if let (m, d) = fixedHolidays[name] { return LocalDay(year: year, month: m, day: d) }
        return LunarHolidays.day(name, year: year)
    }

    /// A date without a year is this year unless that is more than 30 days ago,
    /// then next year.
    static func yearless(_ today: LocalDay, _ make: (Int) -> LocalDay?) -> LocalDay? {
        let y = today.civil.year
        if let d = make(y), d.n >= today.n - 30 { return d }
        return make(y + 1)
    }

    /// 后日 inside another word: 以后日子, 之后日程, 今后日常 (后 ends a word before it, 子/程/常 follow).
    static func isInsideWord(_ s: [Unicode.Scalar], _ i: Int, _ e: Int) -> Bool {
        (i > 0 && "以之今然最往日".unicodeScalars.contains(s[i - 1])) || (e < s.count && "子程常期记用志".unicodeScalars.contains(s[e]))
    }

    /// A weekday said after a date (12月4号周五, 12月4日（星期五）): its end, when it names the date's weekday.
    static func weekdayAfter(_ s: [Unicode.Scalar], _ j: Int, of day: LocalDay) -> Int? {
        var k = j
        if k < s.count, s[k] == "（" || s[k] == "(" { k += 1 }
        guard let (e, _) = TimeScan.match(s, k, weekWords), e < s.count, let wd = weekdayNames[s[e]], wd == day.weekday else { return nil }
        var end = e + 1
        if end < s.count, s[end] == "）" || s[end] == ")" { end += 1 }
        return end
    }

    static func parse(_ s: [Unicode.Scalar], _ i: Int, today: LocalDay) -> (Int, DatePart)? {
        let n = s.count
        // Relative days.
        if let (e, off) = TimeScan.match(s, i, relativeDays), !(s[i] == "后" && isInsideWord(s, i, e)),
           // Cantonese 前日 (the day before yesterday), not inside 目前日期, 提前日子, 从前日子.
           !(s[i] == "前" && s[i + 1] == "日" && (isInsideWord(s, i, e) || (i > 0 && "目提此眼当从先空史年月日".unicodeScalars.contains(s[i - 1])))) {
            return (e, .day(today.adding(off)))
        }
        // N天后 / N天以后
        if let num = TimeScan.integer(s, i, maxLength: 3), num.value > 0, num.value < 1000 {
            var e = num.end
            if TimeScan.at(s, e, ["天"]) {
                e += 1
                if let (e2, _) = TimeScan.match(s, e, afterWords) {
                    return (e2, .day(today.adding(num.value)))
                }
            }
        }
        // Years: 今年 明年, and periods / holidays that follow them.
        var year: Int? = nil
        var j = i
        if let (e, off) = TimeScan.match(s, i, yearWords),
           // 上年纪 (getting old), 查一下年度…: not a year.
           !(e - i == 2 && (s[i] == "上" || s[i] == "下") && ((e < n && (s[e] == "纪" || s[e] == "级")) || (i > 0 && s[i - 1] == "一"))) {
            // 我今年七十八了, 今年78岁: an age, not the year.
            var k = e
            while k < n, PhoneExtractor.isDigit(s[k]) || ChineseNumber.isNumeralScalar(s[k]) { k += 1 }
            if k > e, k < n, s[k] == "岁" || s[k] == "了" || s[k] == "多" && k + 1 < n && s[k + 1] == "岁" { return nil }
            year = today.civil.year + off; j = e
        }
        else if let num = TimeScan.integer(s, i, maxLength: 4), num.length == 4, num.end < n, s[num.end] == "年" {
            year = num.value; j = num.end + 1
        }
        if let y = year {
            if let (e, name) = TimeScan.match(s, j, holidays), let d = holiday(name, year: y) { return (e, .day(d)) }
            if let md = monthDay(s, j, year: y, today: today) { return md }
            let start = LocalTime(day: LocalDay(year: y, month: 1, day: 1)!)
            return (j, .period(TimeValue(start: start, end: LocalTime(day: LocalDay(year: y + 1, month: 1, day: 1)!), grain: "year")))
        }
        // ISO-like dates: 2026-12-02, 2026/12/02, 2026.12.02, and M/D.
        if PhoneExtractor.isDigit(s[i]), i == 0 || !TimeScan.isASCIIAlnum(s[i - 1]) {
            var k = i
            // At most three numbers and two separators, held in place: two arrays per run of
            // digits (a phone number, a building) were two allocations on most lines with a digit.
            var parts = DateFields<Int>(filler: 0)
            var seps = DateFields<Unicode.Scalar>(filler: " ")
            while k < n {
                let ds = k
                var v = 0
                while k < n, PhoneExtractor.isDigit(s[k]), k - ds < 4 { v = v * 10 + Int(s[k].value - 0x30); k += 1 }
                if k == ds { break }
                parts.append(v)
                if parts.count == 1 && k - ds != 4 && k - ds > 2 { break }
                if k + 1 < n, s[k] == "-" || s[k] == "/" || s[k] == ".", PhoneExtractor.isDigit(s[k + 1]), parts.count < 3 {
                    seps.append(s[k]); k += 1
                } else { break }
            }
            // ISO 8601's T between the date and the clock (2026-12-05T09:00, from other systems).
            let isoClock = parts.count == 3 && seps.count > 0 && seps[0] == "-" && k + 1 < n && s[k] == "T" && PhoneExtractor.isDigit(s[k + 1])
            let glued = !isoClock && k < n && (TimeScan.isASCIIAlnum(s[k]) || s[k] == "-")
            if !glued, parts.count == 3, parts[0] >= 1900, seps[0] == seps[1], let d = LocalDay(year: parts[0], month: parts[1], day: parts[2]) {
                var e = isoClock ? k + 1 : k
                if e < n, s[e] == "日" || s[e] == "号" { e += 1 }
                return (e, .day(d))
            }
            // 3/3/2015, 10/31/74: month, day, year as written in English (a two-digit year
            // below 50 is this century's).
            if !glued, parts.count == 3, seps[0] == "/", seps[1] == "/", parts[2] >= 1000 || parts[2] < 100,
               let d = LocalDay(year: parts[2] >= 1000 ? parts[2] : (parts[2] < 50 ? 2000 : 1900) + parts[2], month: parts[0], day: parts[1]) {
                return (k, .day(d))
            }
            if !glued, parts.count == 2, seps[0] == "/", parts[0] <= 12,
               let d = yearless(today, { LocalDay(year: $0, month: parts[0], day: parts[1]) }) {
                return (k, .day(d))
            }
            // 12.12下午3点: M.D with a dot only before a part of the day (12.12 alone is a number).
            if !glued, parts.count == 2, seps[0] == ".", parts[0] <= 12, k < n, TimeScan.match(s, k, TimeOfDay.parts) != nil,
               let d = yearless(today, { LocalDay(year: $0, month: parts[0], day: parts[1]) }) {
                return (k, .day(d))
            }
        }
        // Holidays without a year.
        if let (e, name) = TimeScan.match(s, i, holidays) {
            if name == "五一" || name == "三一五", e < n, ChineseNumber.isNumeralScalar(s[e]) || "号房室栋楼路元块".unicodeScalars.contains(s[e]) { return nil }
            if name == "三一五", i > 0, ChineseNumber.isNumeralScalar(s[i - 1]) || TimeScan.isASCIIAlnum(s[i - 1]) { return nil }
            if let d = yearless(today, { holiday(name, year: $0) }) { return (e, .day(d)) }
        }
        // 周末 / weekdays / weeks / months with a modifier.
        var weeks: Int? = nil
        var k = i
        var bareWeekday = false
        if let (e, w) = TimeScan.match(s, i, weekModifiers) { weeks = w; k = e }
        else if let (e, _) = TimeScan.match(s, i, cantoneseThis) { weeks = 0; k = e; bareWeekday = true }
        // 约一下下个月…: 一下 ("a moment") then 下个月, not 下下个月; the reading starts one later.
        if weeks == 2, s[i] == "下", i > 0, s[i - 1] == "一" { return nil }
        if let (e, _) = TimeScan.match(s, k, weekWords) {
            let monday = today.monday.adding(7 * (weeks ?? 0))
            if e < n, let wd = weekdayNames[s[e]], !(PhoneExtractor.isDigit(s[e]) && e + 1 < n && PhoneExtractor.isDigit(s[e + 1])) {
                // 周日, 二月十号: the weekday of a date said after it; the date.
                if let dated = dateAfterWeekday(s, e + 1, weekday: wd, today: today) { return dated }
                if weeks == nil || bareWeekday {
                    // Bare weekday: next occurrence on or after today.
                    return (e + 1, .day(today.adding((wd - today.weekday + 7) % 7)))
                }
                return (e + 1, .day(monday.adding(wd - 1)))
            }
            if e < n, s[e] == "末" {
                return (e + 1, .period(TimeValue(start: LocalTime(day: monday.adding(5)), end: LocalTime(day: monday.adding(7)), grain: "day")))
            }
            if weeks != nil, s[k] == "周" || (e - k == 2) {
                return (e, .period(TimeValue(start: LocalTime(day: monday), end: LocalTime(day: monday.adding(7)), grain: "week")))
            }
        }
        if let w = weeks, let (e, _) = TimeScan.match(s, k, monthWords), k > i {
            // 下个月, 本月, 这个月, 上个月 (not 下月 after a number).
            let c = today.civil
            let first = LocalDay.firstOfMonth(year: c.year, month: c.month + w)
            let fc = first.civil
            // 本月25日, 下个月3号: that day of that month.
            if let d = TimeScan.integer(s, e, maxLength: 3), d.end < n, s[d.end] == "日" || s[d.end] == "号",
               let day = LocalDay(year: fc.year, month: fc.month, day: d.value) {
                return (d.end + 1, .day(day))
            }
            // 下个月第一个周六, 这个月最后一个礼拜天: that weekday's nth (or last) in that month.
            if let (end, day) = nthWeekday(s, e, month: first) { return (end, .day(day)) }
            return (e, .period(TimeValue(start: LocalTime(day: first), end: LocalTime(day: LocalDay.firstOfMonth(year: fc.year, month: fc.month + 1)), grain: "month")))
        }
        // M月D日 / M月 without a year.
        if let md = monthDay(s, i, year: nil, today: today) { return md }
        return bareDay(s, i, today: today)
    }

    /// A date right after a weekday that names its weekday (周日, 二月十号; 星期五 12月4日), or nil.
    static func dateAfterWeekday(_ s: [Unicode.Scalar], _ i: Int, weekday: Int, today: LocalDay) -> (Int, DatePart)? {
        var k = i
        if k < s.count, s[k] == "," || s[k] == "，" || s[k] == "、" { k += 1 }
        while k < s.count, s[k] == " " { k += 1 }
        guard k > i || (k < s.count && ChineseNumber.isNumeralScalar(s[k])),
              let (e, part) = monthDay(s, k, year: nil, today: today), case .day(let d) = part, d.weekday == weekday else { return nil }
        return (e, .day(d))
    }

    /// `第一个周六` / `第2个星期三` / `最后一个礼拜天` at `i`, in the month
    /// starting `first`: the day and where the words end.
    static func nthWeekday(_ s: [Unicode.Scalar], _ i: Int, month first: LocalDay) -> (Int, LocalDay)? {
        let n = s.count
        var k = i
        var nth: Int
        if k + 1 < n, s[k] == "最", s[k + 1] == "后" {
            nth = -1
            k += 2
            if k < n, s[k] == "一" { k += 1 }
        } else {
            guard k < n, s[k] == "第", let v = TimeScan.integer(s, k + 1, maxLength: 1), (1...5).contains(v.value) else { return nil }
            nth = v.value
            k = v.end
        }
        if k < n, s[k] == "个" { k += 1 }
        guard let (e, _) = TimeScan.match(s, k, weekWords), e < n, let wd = weekdayNames[s[e]] else { return nil }
        let fc = first.civil
        let next = LocalDay.firstOfMonth(year: fc.year, month: fc.month + 1)
        let day: LocalDay
        if nth > 0 {
            day = first.adding((wd - first.weekday + 7) % 7 + 7 * (nth - 1))
        } else {
            let last = next.adding(-1)
            day = last.adding(-((last.weekday - wd + 7) % 7))
        }
        guard day.n >= first.n, day.n < next.n else { return nil }
        return (e + 1, day)
    }

    /// `5号`, `十二日`: a day of this month, or of the next when it is more
    /// than 7 days past (said on the 29th, 5号 is next month's 5th; said on
    /// the 10th, 5号 is five days ago — like yearless dates, the recent past
    /// stays past).
    /// Not 5号楼 / 3号线 / 8号门 (places), not after a digit, a letter or 第.
    static func bareDay(_ s: [Unicode.Scalar], _ i: Int, today: LocalDay) -> (Int, DatePart)? {
        let n = s.count
        guard let d = TimeScan.integer(s, i, maxLength: 3), d.value >= 1, d.value <= 31, d.end < n,
              s[d.end] == "号" || s[d.end] == "日" || s[d.end] == "號" else { return nil }
        if i > 0, TimeScan.isASCIIAlnum(s[i - 1]) || s[i - 1] == "第" || s[i - 1] == "-" || ChineseNumber.digit(s[i - 1]) != nil { return nil }
        if d.end + 1 < n, "楼院线门床房室铺窗机位码栋座口馆仓台".unicodeScalars.contains(s[d.end + 1]) { return nil }
        let c = today.civil
        var day = LocalDay(year: c.year, month: c.month, day: d.value)
        if day == nil || day!.n < today.n - 7 {
            let next = LocalDay.firstOfMonth(year: c.year, month: c.month + 1).civil
            day = LocalDay(year: next.year, month: next.month, day: d.value)
        }
        guard let day else { return nil }
        return (d.end + 1, .day(day))
    }

    /// `12月5日`, `12月5号`, `十二月五日`, `12月` (a month period).
    static func monthDay(_ s: [Unicode.Scalar], _ i: Int, year: Int?, today: LocalDay) -> (Int, DatePart)? {
        let n = s.count
        guard let m = TimeScan.integer(s, i, maxLength: 3), m.end < n, s[m.end] == "月" || s[m.end] == "-" && year != nil,
              m.value >= 1, m.value <= 12 else { return nil }
        if i > 0, PhoneExtractor.isDigit(s[i - 1]) { return nil }
        let e = m.end + 1
        if let d = TimeScan.integer(s, e, maxLength: 3), d.value >= 1, d.value <= 31 {
            var end = d.end
            if end < n, s[end] == "日" || s[end] == "号" { end += 1 }
            let day: LocalDay?
            if let y = year { day = LocalDay(year: y, month: m.value, day: d.value) }
            else { day = yearless(today, { LocalDay(year: $0, month: m.value, day: d.value) }) }
            if let day { return (end, .day(day)) }
            return nil
        }
        // A whole month: this year unless already past → next year.
        guard s[m.end] == "月", !(e < n && (s[e] == "份" && false)) else { return nil }
        var end = e
        if end < n, s[end] == "份" { end += 1 }
        let y = year ?? (m.value < today.civil.month ? today.civil.year + 1 : today.civil.year)
        let first = LocalDay(year: y, month: m.value, day: 1)!
        // 十月第一个星期一, 十月的最后一个周五: that weekday of that month.
        if let (after, day) = nthWeekday(s, end < n && s[end] == "的" ? end + 1 : end, month: first) { return (after, .day(day)) }
        return (end, .period(TimeValue(start: LocalTime(day: first), end: LocalTime(day: LocalDay.firstOfMonth(year: y, month: m.value + 1)), grain: "month")))
    }
}
