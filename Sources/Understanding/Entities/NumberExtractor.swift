/// Finds numbers in running (normalised) text: `350`, `三百五十`, `1.5万`,
/// `80w`, `34,567`, `负三`. Emits type `number` with a numeric value.
///
/// A lone `一` is only a number before a measure word (一个, 一位 …), and
/// runs of bare units (千万, 万) are words, not numbers. Runs glued to ASCII
/// letters (ids like `GL2026…`, `HD001`) are skipped.
public struct NumberExtractor: EntityExtractor {
    public init() {}

    static func measureWords(_ c: Unicode.Scalar) -> Bool {
        // A switch, not a Set: hashing a character per lookup showed in a profile.
        switch c { case "个", "位", "人", "口", "次", "天", "号", "栋", "楼", "层", "户", "间", "元", "块", "岁", "年", "月", "日", "周", "家", "份", "件", "条", "张", "台", "辆", "只", "单", "米", "平": return true; default: return false }
    }
    static func suffixLetters(_ c: Unicode.Scalar) -> Bool {
        // A switch, not a Set: hashing a character per lookup showed in a profile.
        switch c { case "k", "K", "w", "W", "M": return true; default: return false }
    }

    @inline(__always) static func isASCIIDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }
    @inline(__always) static func isASCIILetter(_ c: Unicode.Scalar) -> Bool {
        (c.value >= 0x41 && c.value <= 0x5A) || (c.value >= 0x61 && c.value <= 0x7A)
    }

    public func extract(from text: ScalarText, context: ParseContext) -> [Entity] {
        Self.entities(text, spans: Self.spans(in: text.scalars))
    }

    /// The numerals `spans` found, as entities.
    static func entities(_ text: ScalarText, spans: [(range: Range<Int>, value: Double)]) -> [Entity] {
        spans.map { span in
            Entity(type: .number, text: text[span.range], start: span.range.lowerBound, end: span.range.upperBound,
                   value: .number(span.value))
        }
    }

    /// Numeral spans with their values.
    public static func spans(in s: [Unicode.Scalar]) -> [(range: Range<Int>, value: Double)] {
        // Labelled as returned: an unlabelled array was converted on return (a copy and an allocation per line).
        var result: [(range: Range<Int>, value: Double)] = []
        var i = 0
        let n = s.count
        // Read once: a static's accessor (`swift_once`) per character of every line showed in a profile.
        let numerals = ChineseNumber.numeralTable
        while i < n {
            let c = s[i]
            var start = i
            var hasSign = false
            if (c == "-" || c == "负"), i + 1 < n, ChineseNumber.isNumeralScalar(s[i + 1]),
               i == 0 || !(isASCIIDigit(s[i - 1]) || isASCIILetter(s[i - 1])) {
                hasSign = true
                start = i
            } else if !(isASCIIDigit(c) || numerals[c]) { // ChineseNumber.isNumeralScalar
                i += 1
                continue
            }
            // Glued to an ASCII letter or digit on the left: part of an id.
            var j = hasSign ? i + 1 : i
            j = scanRun(s, from: j)
            if start > 0, isASCIILetter(s[start - 1]) || isASCIIDigit(s[start - 1])
                || (s[start - 1] == "-" && start > 1 && (isASCIILetter(s[start - 2]) || isASCIIDigit(s[start - 2]))) {
                i = j
                continue
            }
            if j < n, isASCIILetter(s[j]), j > start, isASCIIDigit(s[j - 1]), !(suffixLetters(s[j])) {
                i = j
                continue
            }
            if let f = longestNumeral(s, from: start, runEnd: j, after: start + (hasSign ? 1 : 0)) {
                if result.isEmpty { result.reserveCapacity(4) }
                result.append(f)
                i = f.0.upperBound
            } else {
                i = j
            }
        }
        return result
    }

    /// The most characters a numeral is read from. The longest said in full, 九千九百九十九亿
    /// 九千九百九十九万九千九百九十九, has 23; with 零s, a decimal part and a sign, real ones stay
    /// under this, as do digit runs (an 18-digit id, a 19-digit card). A longer run (十二 pasted
    /// a thousand times) is read from its first `longestNumeralRead` characters: shrinking the
    /// whole run one character at a time and parsing each prefix, then again from the next
    /// numeral, made such a line cubic in its length (2,000 characters of 十二 took 3 s in a
    /// release build).
    static let longestNumeralRead = 32

    /// The longest numeral that starts at `start` within the run ending at `runEnd` (at most
    /// `longestNumeralRead` characters), shrinking from the right until one parses; it must end
    /// after `after`. Also the money ranges' high end.
    @inline(__always)
    static func longestNumeral(_ s: [Unicode.Scalar], from start: Int, runEnd: Int, after: Int) -> (Range<Int>, Double)? {
        var end = min(runEnd, start + longestNumeralRead)
        while end > after {
            let slice = s[start..<end]
            if acceptable(slice, s, end: end), let v = ChineseNumber.parse(scalars: slice) { return (start..<end, v) }
            end -= 1
        }
        return nil
    }

    /// Extends a numeral run from `i`.
    static func scanRun(_ s: [Unicode.Scalar], from start: Int) -> Int {
        let n = s.count
        var j = start
        while j < n {
            let c = s[j]
            // 俩 is a whole count (我们俩一起去): nothing after it is part of the number.
            if c == "俩" { return j + 1 }
            if ChineseNumber.isNumeralScalar(c) { j += 1; continue }
            if (c == "," || c == ".") && j > start && isASCIIDigit(s[j - 1]) && j + 1 < n && isASCIIDigit(s[j + 1]) { j += 1; continue }
            if c == "点" && j > start && ChineseNumber.digit(s[j - 1]) != nil || c == "点" && j > start && ChineseNumber.smallUnit(s[j - 1]) == 10 {
                // 三点两个人: 两 is never a decimal digit (a clock, then a count), 一点五 is.
                if j + 1 < n, ChineseNumber.digit(s[j + 1]) != nil, s[j + 1] != "两" { j += 1; continue }
            }
            if suffixLetters(c) && j > start && isASCIIDigit(s[j - 1]) && (j + 1 >= n || !isASCIILetter(s[j + 1])) {
                j += 1
                break
            }
            break
        }
        return j
    }

    static func acceptable(_ slice: ArraySlice<Unicode.Scalar>, _ s: [Unicode.Scalar], end: Int) -> Bool {
        // Bare units are words (千万, 万, 百).
        if slice.allSatisfy({ ChineseNumber.bigUnit($0) != nil || ChineseNumber.smallUnit($0) ?? 0 >= 100 }) { return false }
        // 十分满意, 十分感谢: 十分 is "very", unless minutes follow (十分钟).
        if slice.count == 1, slice.first == "十", end + 1 < s.count, s[end] == "分", s[end + 1] != "钟",
           ChineseNumber.digit(s[end + 1]) == nil, !isASCIIDigit(s[end + 1]) { return false }
        // 参加, 参观, 陆续: a lone variant numeral is a word.
        if slice.count == 1, let c = slice.first, c == "参" || c == "參" || c == "陆" || c == "陸" { return false }
        if slice.count == 1, let c = slice.first, c == "一" || c == "两" || c == "幺" {
            return end < s.count && measureWords(s[end])
        }
        // Digit-by-digit Chinese readings only when at least 2 digits or a single digit.
        return true
    }
}
