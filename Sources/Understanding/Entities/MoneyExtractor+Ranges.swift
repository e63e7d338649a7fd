/// Amounts said as a range: `1万-5万元`, `1万元--5万元`, `从8500到3万港元`,
/// `十八至三十万日元`, `两到三万港元`, `10~15k元`. The low end takes the high end's
/// unit when it has none of its own (两到三万 is 20,000 to 30,000; 十八至三十万 is
/// 180,000 to 300,000), unless that would put it above the high end (8500到3万 stays
/// 8,500). The range is one `money` (or `foreign_money`) entity: `value` the low end,
/// `value_max` the high end. Only the high end's currency marks it; a range needs one.
extension MoneyExtractor {
    /// A range whose low end is `span`, or nil.
    static func range(from span: (range: Range<Int>, value: Double), in s: [Unicode.Scalar]) -> Amount? {
        guard span.value >= 0 else { return nil }
        // The low end may carry its own unit and mark (1万元--5万元) and a note (1万(含)-5万元).
        var j = span.range.upperBound
        if let (code, length) = Currency.word(in: s, at: j), code == "CNY" { j += length }
        else if let mark = yuanMarks.first(where: { hasPrefix(s, at: j, $0) }) { j += mark.count }
        if hasPrefix(s, at: j, included) { j += included.count }
        guard let afterConnector = connectorEnd(s, at: j),
              let high = highEnd(in: s, at: afterConnector) else { return nil }
        let low = span.value * inheritedUnit(low: s[span.range], high: high, in: s)
        guard low < high.value else { return nil }
        // A currency before the low end (港币1万到2万) names the range's currency when the high end has none.
        let prefix = amount(span, in: s)
        let start = prefix.map { min($0.start, span.range.lowerBound) } ?? span.range.lowerBound
        return Amount(start: start, end: high.end, value: low, high: high.value,
                      currency: high.currency ?? prefix?.currency, marked: true)
    }

    /// A range whose low end is one Chinese digit the numeral scan left alone (两到三万港元,
    /// 两~3百日元): `span` is the high end.
    static func rangeAfterLoneDigit(_ span: (range: Range<Int>, value: Double), in s: [Unicode.Scalar], minStart: Int) -> Amount? {
        var p = span.range.lowerBound
        while p > 0, s[p - 1] == " " { p -= 1 }
        guard let connectorStart = connectorStart(s, endingAt: p), connectorStart >= 1 else { return nil }
        let digitAt = connectorStart - 1
        guard digitAt >= minStart, let digit = ChineseNumber.digit(s[digitAt]), digit > 0, !isASCIIDigitScalar(s[digitAt]),
              digitAt == 0 || !ChineseNumber.isNumeralScalar(s[digitAt - 1]), !WeekdayNumeral.at(s, digitAt),
              let high = highEnd(in: s, at: span.range.lowerBound) else { return nil }
        let low = Double(digit) * inheritedUnit(low: s[digitAt..<(digitAt + 1)], high: high, in: s)
        guard low < high.value else { return nil }
        return Amount(start: digitAt, end: high.end, value: low, high: high.value, currency: high.currency, marked: true)
    }

    static let included = Array("(含)".unicodeScalars)

    /// Whether an amount is a range said with both ends (1万-5万元, 两到三万), not a vague one
    /// (几十万, 两百多万) — what a single-amount slot cannot hold.
    static func isRangeBetweenEnds(_ e: Entity) -> Bool {
        guard e.valueMax != nil else { return false }
        return e.text.unicodeScalars.contains { $0 == "到" || $0 == "至" || $0 == "~" || $0 == "-" }
    }

    /// Where a range's connector (到 至 ~ - --) starting at `i` ends, spaces around it included.
    static func connectorEnd(_ s: [Unicode.Scalar], at i: Int) -> Int? {
        var j = i
        while j < s.count, s[j] == " " { j += 1 }
        guard j < s.count else { return nil }
        switch s[j] {
        case "到", "至", "~": j += 1
        case "-":
            j += 1
            if j < s.count, s[j] == "-" { j += 1 }
        default: return nil
        }
        while j < s.count, s[j] == " " { j += 1 }
        return j
    }

    /// Where a connector ending at `i` (exclusive) starts, or nil.
    static func connectorStart(_ s: [Unicode.Scalar], endingAt i: Int) -> Int? {
        guard i > 0 else { return nil }
        switch s[i - 1] {
        case "到", "至", "~": return i - 1
        case "-": return i >= 2 && s[i - 2] == "-" ? i - 2 : i - 1
        default: return nil
        }
    }

    /// The high end of a range: a numeral at `i` read as the numeral scan reads it, with a
    /// currency after it (or a bare large multiplier, as a single amount needs).
    struct HighEnd {
        var numeral: Range<Int>
        var value: Double
        var end: Int
        var currency: String?
    }

    static func highEnd(in s: [Unicode.Scalar], at i: Int) -> HighEnd? {
        guard i < s.count, ChineseNumber.isNumeralScalar(s[i]) else { return nil }
        guard let (numeral, v) = NumberExtractor.longestNumeral(s, from: i, runEnd: NumberExtractor.scanRun(s, from: i), after: i) else { return nil }
        let t = tail(s, numberEnd: numeral.upperBound, value: v, spanStart: i, prefixCurrency: nil)
        if !t.marked {
            guard let last = s[numeral].last, isLargeUnit(last), t.value >= 1000,
                  t.end >= s.count || !countWords(s[t.end]), !WeekdayNumeral.at(s, i) else { return nil }
        }
        return HighEnd(numeral: numeral, value: t.value, end: t.end, currency: t.currency)
    }

    /// The unit the low end takes from the high end: all of its trailing units when the low end
    /// is bare digits (10~15k, 两到三仟), only its 万/亿 when the low end has smaller units of its
    /// own (一千到两千万), none when it has a 万/亿 (1万-5万) or when the result would pass the
    /// high end (8500到3万).
    static func inheritedUnit(low: ArraySlice<Unicode.Scalar>, high: HighEnd, in s: [Unicode.Scalar]) -> Double {
        func multiplier(_ c: Unicode.Scalar) -> Double? {
            if let u = ChineseNumber.smallUnit(c) { return Double(u) }
            if let u = ChineseNumber.bigUnit(c) { return u }
            return ChineseNumber.suffixes[c]
        }
        func isBig(_ c: Unicode.Scalar) -> Bool { ChineseNumber.bigUnit(c) != nil || c == "w" || c == "W" }
        if low.contains(where: isBig) { return 1 }
        let lowHasUnits = low.contains { multiplier($0) != nil }
        var all = 1.0, big = 1.0
        var k = high.numeral.upperBound - 1
        while k >= high.numeral.lowerBound, let m = multiplier(s[k]) {
            all *= m
            if isBig(s[k]) { big *= m }
            k -= 1
        }
        let unit = lowHasUnits ? big : all
        let lowValue = ChineseNumber.parse(scalars: low) ?? 0
        return lowValue * unit <= high.value ? unit : 1
    }
}
