/// Finds amounts of money in yuan: `五百万`, `500万`, `1.2亿`, `三十万元`,
/// `80w`, `5000块`, `¥3000`, `人民币十万元`, `十块三毛`, `123元1角1分`.
///
/// An amount needs a currency mark (元 圆 块 块钱 ¥ 人民币 RMB) or a bare
/// large multiplier (万 亿 w k) not followed by a counting word (人 户 个 …).
/// An amount in another currency (25481港元, 港币两千九百六十元) is a `foreign_money`
/// entity with its ISO code. Ranges (1万-5万元, 两到三万港元) and vague amounts
/// (几十万块, 3000多欧元, 三五百块) give their high end in `value_max`
/// (`MoneyExtractor+Ranges.swift`).
public struct MoneyExtractor: EntityExtractor {
    public init() {}

    static let yuanMarks: [[Unicode.Scalar]] = ["块钱", "元钱", "元整", "元正", "圆整", "元", "圆", "块"].map { Array($0.unicodeScalars) }
    static let prefixes: [[Unicode.Scalar]] = ["人民币", "RMB", "rmb", "CNY", "¥"].map { Array($0.unicodeScalars) }
    /// Words after a bare 万/亿 that make it a count, not an amount.
    static func countWords(_ c: Unicode.Scalar) -> Bool {
        // A switch, not a Set: hashing a character per lookup showed in a profile.
        switch c { case "人", "户", "个", "位", "名", "次", "家", "件", "条", "间", "平", "米", "台", "辆", "只", "份", "字", "步": return true; default: return false }
    }

    /// The multipliers a bare amount ends in (五百万, 1.2亿, 80w, 5k). A switch: `"万亿wWkK".unicodeScalars.contains`
    /// decoded the literal's UTF-8 at every call, about 190 instructions, twice a line in a count.
    static func isLargeUnit(_ c: Unicode.Scalar) -> Bool {
        switch c { case "万", "亿", "w", "W", "k", "K": return true; default: return false }
    }

    static func hasPrefix(_ s: [Unicode.Scalar], at i: Int, _ p: [Unicode.Scalar]) -> Bool {
        guard i + p.count <= s.count else { return false }
        for k in 0..<p.count where s[i + k] != p[k] { return false }
        return true
    }

    static func hasSuffix(_ s: [Unicode.Scalar], endingAt i: Int, _ p: [Unicode.Scalar]) -> Bool {
        guard i - p.count >= 0 else { return false }
        return hasPrefix(s, at: i - p.count, p)
    }

    public func extract(from text: ScalarText, context: ParseContext) -> [Entity] {
        extract(from: text, spans: NumberExtractor.spans(in: text.scalars))
    }

    /// One amount found: where it is, its value (the low end of a range) and, for a
    /// range or a vague amount (几十万), its high end; `currency` nil for yuan.
    struct Amount {
        var start: Int
        var end: Int
        var value: Double
        var high: Double? = nil
        var currency: String? = nil
        var marked: Bool
    }

    /// The amounts among the numerals `spans` found (`NumberExtractor.spans`).
    func extract(from text: ScalarText, spans: [(range: Range<Int>, value: Double)]) -> [Entity] {
        let s = text.scalars
        var out: [Entity] = []
        var minStart = 0
        for span in spans {
            guard span.range.lowerBound >= minStart else { continue }
            guard let amount = Self.range(from: span, in: s) ?? Self.rangeAfterLoneDigit(span, in: s, minStart: minStart)
                    ?? Self.amount(span, in: s) else { continue }
            out.append(Entity(type: amount.currency == nil ? .money : .foreignMoney, text: text[amount.start..<amount.end],
                              start: amount.start, end: amount.end, value: .number(amount.value),
                              valueMax: amount.high, currency: amount.currency))
            minStart = amount.end
        }
        return out
    }

    /// A single amount at `span`: a currency before it (¥, 人民币, 港币) or after it (元, 块钱,
    /// 美元), or a bare large multiplier (五百万, 80w) not followed by a counting word; a vague
    /// one (几十万块, 十几块钱, 3000多欧元) or two neighbouring digits (三五百块) as a range.
    static func amount(_ span: (range: Range<Int>, value: Double), in s: [Unicode.Scalar]) -> Amount? {
        var start = span.range.lowerBound
        var value = span.value
        var marked = false
        var prefixCurrency: String?
        // Prefix: ¥ / 人民币 / 港币 (spaces allowed in between).
        var p = start
        while p > 0, s[p - 1] == " " { p -= 1 }
        if let pre = prefixes.first(where: { hasSuffix(s, endingAt: p, $0) }) {
            start = p - pre.count
            marked = true
        } else if let (code, length) = Currency.word(in: s, endingAt: p) {
            start = p - length
            marked = true
            prefixCurrency = code == "CNY" ? nil : code
        }
        var high: Double?
        var numberEnd = span.range.upperBound
        // 几十万块, 数十亿元: between one and ten times the unit said.
        if span.range.lowerBound > 0, s[span.range.lowerBound - 1] == "几" || s[span.range.lowerBound - 1] == "数",
           let first = s[span.range].first, ChineseNumber.smallUnit(first) != nil || ChineseNumber.bigUnit(first) != nil {
            start = min(start, span.range.lowerBound - 1)
            high = value * 10
        }
        // 十几块钱, 3000多欧元, 二十多万元: up to the next step of the last digit said.
        if high == nil, numberEnd < s.count, s[numberEnd] == "几" || s[numberEnd] == "多", value >= 10, value == value.rounded() {
            var step = 1.0
            while (value / (step * 10)).rounded() == value / (step * 10), step * 10 <= value { step *= 10 }
            var unit = 1.0
            var e = numberEnd + 1
            if e < s.count, let m = ChineseNumber.bigUnit(s[e]) { unit = m; e += 1 }
            let t = tail(s, numberEnd: e, value: value * unit, spanStart: span.range.lowerBound, prefixCurrency: prefixCurrency)
            guard t.marked || marked || bareLarge(unit, s, t.end) else { return nil }
            return Amount(start: start, end: t.end, value: value * unit, high: (value + step) * unit, currency: t.currency, marked: true)
        }
        // 三五百块, 八九亿韩元: two neighbouring digits before a unit are a range.
        if high == nil, span.range.count == 2, numberEnd < s.count,
           let d1 = ChineseNumber.digit(s[span.range.lowerBound]), let d2 = ChineseNumber.digit(s[span.range.lowerBound + 1]),
           !isASCIIDigitScalar(s[span.range.lowerBound]), d1 > 0, d1 < d2,
           let unit = ChineseNumber.smallUnit(s[numberEnd]).map(Double.init) ?? ChineseNumber.bigUnit(s[numberEnd]) {
            var e = numberEnd + 1
            var big = 1.0
            if unit < 1e4, e < s.count, let m = ChineseNumber.bigUnit(s[e]) { big = m; e += 1 }
            let t = tail(s, numberEnd: e, value: Double(d1) * unit * big, spanStart: span.range.lowerBound, prefixCurrency: prefixCurrency)
            guard t.marked || marked || bareLarge(max(unit, big), s, t.end) else { return nil }
            return Amount(start: start, end: t.end, value: Double(d1) * unit * big, high: Double(d2) * unit * big, currency: t.currency, marked: true)
        }
        let t = tail(s, numberEnd: numberEnd, value: value, spanStart: span.range.lowerBound, prefixCurrency: prefixCurrency)
        numberEnd = t.end
        value = t.value
        marked = marked || t.marked
        if !marked {
            // Bare amount: must end in a large multiplier.
            guard let last = s[span.range].last, Self.isLargeUnit(last) || numberEnd > span.range.upperBound else { return nil }
            if numberEnd < s.count, countWords(s[numberEnd]) { return nil }
            if value < 1000 { return nil }
            // 周一万象花园: Monday at 万象花园, not ten thousand yuan.
            if WeekdayNumeral.at(s, span.range.lowerBound) { return nil }
        }
        return Amount(start: start, end: numberEnd, value: value, high: high.map { $0 * (value / span.value) }, currency: t.currency, marked: marked)
    }

    /// A vague amount without a currency is money only with 万 or 亿 said (二百多万, 三五百万)
    /// and no counting word after it (三十多万人).
    static func bareLarge(_ unit: Double, _ s: [Unicode.Scalar], _ end: Int) -> Bool {
        unit >= 1e4 && (end >= s.count || !countWords(s[end]))
    }

    @inline(__always) static func isASCIIDigitScalar(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }

    /// What follows a number: 个亿, a currency (美元; 元/块 with 角 and 分; 元 then the
    /// currency it was in: 三万元欧元). `marked` when a currency was said; an unmarked tail
    /// (no currency: 五百万, 三万人) is left to the caller's rule for bare amounts.
    static func tail(_ s: [Unicode.Scalar], numberEnd: Int, value: Double, spanStart: Int,
                     prefixCurrency: String?) -> (end: Int, value: Double, currency: String?, marked: Bool) {
        var end = numberEnd
        var value = value
        // 两个亿
        if end + 1 < s.count, s[end] == "个", let m = ChineseNumber.bigUnit(s[end + 1]) {
            value *= m
            end += 2
        }
        var q = end
        while q < s.count, s[q] == " " { q += 1 }
        // 新台币 177.1 亿元: a multiplier apart from its number, after a currency named first.
        if prefixCurrency != nil, q > end, q < s.count, let m = ChineseNumber.bigUnit(s[q]) {
            value *= m
            end = q + 1
            q = end
            while q < s.count, s[q] == " " { q += 1 }
        }
        if let (code, length) = Currency.word(in: s, at: q) {
            return (q + length, value, code == "CNY" ? prefixCurrency : code, true)
        }
        var hasYuan = false
        // 那一块, 这一块, 哪一块: a patch of ground, not one yuan.
        let aPatch = q == end && spanStart > 0 && (s[spanStart - 1] == "这" || s[spanStart - 1] == "那" || s[spanStart - 1] == "哪")
            && q < s.count && s[q] == "块" && !(q + 1 < s.count && s[q + 1] == "钱")
        for mark in yuanMarks where !aPatch && hasPrefix(s, at: q, mark) {
            end = q + mark.count
            hasYuan = true
            break
        }
        guard hasYuan else { return (end, value, prefixCurrency, false) }
        if !value.isNaN {
            // 角/毛 and 分 after the yuan.
            var j = end
            if j + 1 < s.count, let d = ChineseNumber.digit(s[j]), s[j + 1] == "角" || s[j + 1] == "毛" {
                value += Double(d) / 10
                j += 2
                end = j
            }
            if j + 1 < s.count, let d = ChineseNumber.digit(s[j]), s[j + 1] == "分" {
                value += Double(d) / 100
                j += 2
                end = j
                if j < s.count, s[j] == "钱" { end += 1 }
            } else if j < s.count, let d = ChineseNumber.digit(s[j]), end > numberEnd,
                      j + 1 >= s.count || !ChineseNumber.isNumeralScalar(s[j + 1]),
                      s[end - 1] == "块" {
                // 五块五 = 5.5
                value += Double(d) / 10
                end = j + 1
            }
            value = (value * 100).rounded() / 100
        }
        // 三万元欧元, 9000元日币, 十亿元人民币: the currency after 元 names it.
        var r = end
        while r < s.count, s[r] == " " { r += 1 }
        if let (code, length) = Currency.word(in: s, at: r) {
            return (r + length, value, code == "CNY" ? prefixCurrency : code, true)
        }
        return (end, value, prefixCurrency, true)
    }
}
