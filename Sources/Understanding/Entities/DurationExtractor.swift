/// Finds lengths of time: `两个小时` `半天` `三天内` `一个多星期` `十分钟`
/// `半个月` `3年`. Value: seconds (a month is 30 days, a year 365); grain: the
/// unit said. `内` / `以内` / `之内` after it is kept in the span (三天内: within
/// three days). Needed so that 两个小时 is neither two o'clock nor a party
/// of two, and 三天 is not a day of the month.
public struct DurationExtractor: EntityExtractor {
    public init() {}

    /// Unit words, longest first: (word, seconds, grain).
    static let units: [([Unicode.Scalar], (Double, String))] = TimeScan.words([
        ("秒钟", (1, "second")), ("秒", (1, "second")), ("分钟", (60, "minute")), ("小时", (3600, "hour")), ("钟头", (3600, "hour")),
        ("天", (86_400, "day")), ("日", (86_400, "day")), ("星期", (604_800, "week")), ("礼拜", (604_800, "week")),
        ("周", (604_800, "week")), ("月", (2_592_000, "month")), ("年", (31_536_000, "year")),
    ])
    static let within = TimeScan.words([("以内", 0), ("之内", 0), ("内", 0)])

    public func extract(from text: ScalarText, context: ParseContext) -> [Entity] {
        var out: [Entity] = []
        var i = 0
        while i < text.count {
            guard let (end, seconds, grain) = Self.read(text.scalars, i) else { i += 1; continue }
            let e = TimeScan.match(text.scalars, end, Self.within)?.0 ?? end
            out.append(Entity(type: .duration, text: text[i..<e], start: i, end: e, value: .number(seconds), grain: grain))
            i = e
        }
        return out
    }

    /// `N[个][多]UNIT` or `半[个]UNIT` or `N个半UNIT` at `i`.
    static func read(_ s: [Unicode.Scalar], _ i: Int) -> (end: Int, seconds: Double, grain: String)? {
        let n = s.count
        var amount: Double
        var j: Int
        if s[i] == "半" {
            amount = 0.5
            j = i + 1
        } else {
            // Not the tail of a longer number or code (GL2026…, 0755-…).
            if i > 0, PhoneExtractor.isDigit(s[i - 1]) || PhoneExtractor.isLetter(s[i - 1]) || s[i - 1] == "-" { return nil }
            guard let v = TimeScan.integer(s, i, maxLength: 3) else { return nil }
            amount = Double(v.value)
            j = v.end
            if j < n, s[j] == "两" || ChineseNumber.digit(s[j]) != nil { return nil }
        }
        var counted = false // 个 makes 月 and 星期 a length (三个月), not a date (三月)
        if j < n, s[j] == "个" { counted = true; j += 1 }
        if j < n, s[j] == "多" { j += 1 }
        if j < n, s[j] == "半", amount >= 1 { amount += 0.5; j += 1 }
        guard let (end, unit) = TimeScan.match(s, j, units) else { return nil }
        let word = String(String.UnicodeScalarView(s[j..<end]))
        // 三月 / 5日 / 周三 / 3年级 are dates or other things; they need 个 or a following 内/了.
        let bare = !counted && s[i] != "半"
        if bare, ["月", "日", "周", "年", "星期", "礼拜"].contains(word) {
            let next: Unicode.Scalar? = end < n ? s[end] : nil
            guard let c = next, "内了多来后前".unicodeScalars.contains(c), !(word == "年" && c == "后") else { return nil }
            if c == "后" || c == "前" { return nil } // 三天后 is a day, handled as a time
        }
        if word == "天" || word == "小时" || word == "分钟", end < n, s[end] == "后" || s[end] == "前" { return nil }
        return (end, amount * unit.0, unit.1)
    }
}
