/// Finds lengths of time: `两个小时` `半天` `三天内` `一个多星期` `十分钟`
/// `半个月` `3年` `一个半小时` `1.5小时` `一小时零十五秒` `两年零三个月`
/// `半个钟` (钟 = hour, as in Cantonese speech) `3个字` (字 = five minutes).
/// Value: seconds (a month is 30 days, a year 365); grain: the largest unit
/// said. `内` / `以内` / `之内` after it is kept in the span (三天内: within three
/// days). Needed so that 两个小时 is neither two o'clock nor a party of two.
public struct DurationExtractor: EntityExtractor {
    public init() {}

    /// Unit words, longest first: (word, seconds, grain).
    /// The word itself comes third: building it from the text's scalars per
    /// part was half a per cent of a parse.
    static let units: WordList<(Double, String, String)> = TimeScan.words(([
        ("秒钟", (1, "second")), ("秒", (1, "second")), ("分钟", (60, "minute")), ("分", (60, "minute")),
        ("小时", (3600, "hour")), ("钟头", (3600, "hour")), ("钟", (3600, "hour")), ("字", (300, "minute")),
        ("天", (86_400, "day")), ("日", (86_400, "day")), ("星期", (604_800, "week")), ("礼拜", (604_800, "week")),
        ("周", (604_800, "week")), ("月", (2_592_000, "month")), ("年", (31_536_000, "year")),
    ] as [(String, (Double, String))]).map { word, unit in (word, (unit.0, unit.1, word)) })
    static let within = TimeScan.words([("以内", 0), ("之内", 0), ("内", 0)])

    public func extract(from text: ScalarText, context: ParseContext) -> [Entity] {
        var out: [Entity] = []
        var i = 0
        let s = text.scalars
        while i < text.count {
            // Only these can start a length (`read`, `part`): most characters are not one.
            let c = s[i]
            // 周二天悦华府: 二 is the weekday's numeral, not the start of 二天.
            guard c == "分" || c == "半" || c == "个" || PhoneExtractor.isDigit(c) || Self.isNumeral(c),
                  !WeekdayNumeral.at(s, i),
                  let (end, seconds, grain) = Self.read(text.scalars, i) else { i += 1; continue }
            let e = TimeScan.match(text.scalars, end, Self.within)?.0 ?? end
            out.append(Entity(type: .duration, text: text[i..<e], start: i, end: e, value: .number(seconds), grain: grain))
            i = e
        }
        return out
    }

    struct Part { var end: Int; var seconds: Double; var unit: String; var unitSeconds: Double; var grain: String; var counted: Bool; var bare: Bool }

    /// One or more parts, each smaller than the one before, `零` between
    /// them allowed: 一个小时三十分钟, 两年零三个月, 五分半.
    static func read(_ s: [Unicode.Scalar], _ i: Int) -> (end: Int, seconds: Double, grain: String)? {
        // 分半(钟): a minute and a half, said without a number.
        if s[i] == "分", i + 1 < s.count, s[i + 1] == "半", i == 0 || !BuildingLabel.isNumeral(s[i - 1]) {
            return (i + 2 < s.count && s[i + 2] == "钟" ? i + 3 : i + 2, 90, "minute")
        }
        // The first part must read as a length on its own (12月5日 is a date),
        // except a bare 分 that a smaller part follows (五分三十秒).
        guard let first = part(s, i), first.unit == "分" || plausibleAlone(first, s) else { return nil }
        var end = first.end, seconds = first.seconds, last = first
        while true {
            var j = end
            if j < s.count, s[j] == "零" { j += 1 }
            guard let next = part(s, j), next.unitSeconds < last.unitSeconds else { break }
            end = next.end; seconds += next.seconds; last = next
        }
        // 五分半, 一分半: half a minute more.
        if last.unit == "分", end < s.count, s[end] == "半" {
            end += 1; seconds += 30
            if end < s.count, s[end] == "钟" { end += 1 }
        }
        let compound = end != first.end
        // Bare 分 (五分: also money or marks) counts only inside a compound or before 半.
        if first.unit == "分" && !compound && !(first.end < s.count && s[first.end] == "半") && end == first.end { return nil }
        return (end, seconds, first.grain)
    }

    /// A single part said alone must read as a length: 三月 / 5日 / 周三 /
    /// 3年级 / 三天后 are dates or other things.
    static func plausibleAlone(_ p: Part, _ s: [Unicode.Scalar]) -> Bool {
        let next: Unicode.Scalar? = p.end < s.count ? s[p.end] : nil
        if ["天", "小时", "分钟", "钟头"].contains(p.unit), next == "后" || next == "前" { return false }
        if p.unit == "钟" && !p.counted && p.bare { return false }                  // 三点钟 is a clock time
        if p.unit == "字" && !p.counted { return false }                            // 三字 is not minutes
        // 约一个周五的太极: a weekday named, not a week's length.
        if ["周", "星期", "礼拜"].contains(p.unit), let c = next, "一二三四五六日天末".unicodeScalars.contains(c) { return false }
        guard p.bare, !p.counted, ["月", "日", "周", "年", "星期", "礼拜"].contains(p.unit) else { return true }
        // 3年 (a loan term) is a length; 2027年 and 三年级 are not.
        if p.unit == "年", p.seconds < 100 * 31_536_000, !(next.map { "级前后底初".unicodeScalars.contains($0) } ?? false) { return true }
        guard let c = next, "内了多来".unicodeScalars.contains(c) else { return false }
        return true
    }

    /// The Chinese numerals a length may start with. A switch: searching a
    /// string of them at every character showed in a profile.
    static func isNumeral(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "零", "〇", "一", "二", "两", "三", "四", "五", "六", "七", "八", "九", "十", "百", "千", "廿", "卅": return true
        default: return false
        }
    }

    /// Whether a unit can begin where `part` looks for one after a number that
    /// ends at `k`: there or after a one-digit decimal (.5, 点五), past spaces,
    /// 个, 多 and 半. Most numerals (一下, 三栋) have none, and then the number
    /// is not parsed (a numeral parse per numeral of every line, in a profile).
    static func unitMayFollow(_ s: [Unicode.Scalar], _ k: Int) -> Bool {
        func from(_ start: Int) -> Bool {
            var j = start
            while j < s.count, s[j] == " " { j += 1 }
            if j < s.count, s[j] == "个" { j += 1 }
            if j < s.count, s[j] == "多" { j += 1 }
            if j < s.count, s[j] == "半" { j += 1 }
            return j < s.count && units.mayStart(s[j])
        }
        return from(k) || from(k + 2)
    }

    /// `N[个][多][半]UNIT`, `半[个]UNIT`, `个半UNIT`, `1.5小时`, `五点五分钟`.
    static func part(_ s: [Unicode.Scalar], _ i: Int) -> Part? {
        let n = s.count
        guard i < n else { return nil }
        var amount: Double
        var j: Int
        var bare = true
        if s[i] == "半" {
            amount = 0.5; j = i + 1; bare = false
        } else if s[i] == "个", i + 1 < n, s[i + 1] == "半" {
            amount = 1.5; j = i + 2; bare = false
        } else {
            // Not the tail of a longer number or code (GL2026…, 0755-…).
            if i > 0, PhoneExtractor.isDigit(s[i - 1]) || PhoneExtractor.isLetter(s[i - 1]) || s[i - 1] == "-" || s[i - 1] == "." { return nil }
            var k = i
            while k < n, k - i < 6, PhoneExtractor.isDigit(s[k]) || isNumeral(s[k]) { k += 1 }
            guard k > i, unitMayFollow(s, k), let v = ChineseNumber.parse(scalars: s[i..<k]), v >= 0 else { return nil }
            amount = v
            j = k
            // 1.5 / 五点五: a decimal, but not 五点钟 or 五点半 (clock times).
            if j + 1 < n, s[j] == "." || s[j] == "点", let f = TimeScan.integer(s, j + 1, maxLength: 1), f.end < n, s[f.end] != "钟" {
                amount += Double(f.value) / 10; j = f.end
            }
            if j < n, s[j] == "两" || ChineseNumber.digit(s[j]) != nil { return nil }
        }
        while j < n, s[j] == " " { j += 1 }
        var counted = false // 个 makes 月 and 星期 a length (三个月), not a date (三月)
        if j < n, s[j] == "个" { counted = true; j += 1 }
        if j < n, s[j] == "多" { j += 1 }
        if j < n, s[j] == "半", amount >= 1 { amount += 0.5; j += 1 }
        guard let (end, unit) = TimeScan.match(s, j, units) else { return nil }
        return Part(end: end, seconds: amount * unit.0, unit: unit.2, unitSeconds: unit.0, grain: unit.1,
                    counted: counted, bare: bare)
    }
}
