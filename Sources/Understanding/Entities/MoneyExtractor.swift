/// Finds amounts of money in yuan: `五百万`, `500万`, `1.2亿`, `三十万元`,
/// `80w`, `5000块`, `¥3000`, `人民币十万元`, `十块三毛`, `123元1角1分`.
///
/// An amount needs a currency mark (元 圆 块 块钱 ¥ 人民币 RMB) or a bare
/// large multiplier (万 亿 w k) not followed by a counting word (人 户 个 …).
/// Foreign currencies (美元, 港币 …) are not money in yuan and are skipped.
public struct MoneyExtractor: EntityExtractor {
    public init() {}

    static let yuanMarks: [[Unicode.Scalar]] = ["块钱", "元钱", "元整", "元正", "圆整", "元", "圆", "块"].map { Array($0.unicodeScalars) }
    static let prefixes: [[Unicode.Scalar]] = ["人民币", "RMB", "rmb", "CNY", "¥"].map { Array($0.unicodeScalars) }
    static let foreign: [[Unicode.Scalar]] = ["美元", "港元", "港币", "日元", "欧元", "英镑", "卢布", "泰铢", "韩元", "澳元", "台币", "日币", "美金"].map { Array($0.unicodeScalars) }
    /// Words after a bare 万/亿 that make it a count, not an amount.
    static func countWords(_ c: Unicode.Scalar) -> Bool {
        // A switch, not a Set: hashing a character per lookup showed in a profile.
        switch c { case "人", "户", "个", "位", "名", "次", "家", "件", "条", "间", "平", "米", "台", "辆", "只", "份", "字", "步": return true; default: return false }
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

    /// The amounts among the numerals `spans` found (`NumberExtractor.spans`).
    func extract(from text: ScalarText, spans: [(range: Range<Int>, value: Double)]) -> [Entity] {
        let s = text.scalars
        var out: [Entity] = []
        var minStart = 0
        for span in spans {
            var start = span.range.lowerBound, end = span.range.upperBound
            guard start >= minStart else { continue }
            var value = span.value
            var marked = false
            // Prefix: ¥ / 人民币 (spaces allowed in between).
            var p = start
            while p > 0, s[p - 1] == " " { p -= 1 }
            for pre in Self.prefixes where Self.hasSuffix(s, endingAt: p, pre) {
                start = p - pre.count
                marked = true
                break
            }
            // 两个亿
            if end + 1 < s.count, s[end] == "个", let m = ChineseNumber.bigUnit(s[end + 1]) {
                value *= m
                end += 2
            }
            // Foreign currency straight after: not yuan.
            var q = end
            while q < s.count, s[q] == " " { q += 1 }
            if Self.foreign.contains(where: { Self.hasPrefix(s, at: q, $0) }) { continue }
            var hasYuan = false
            // 那一块, 这一块, 哪一块: a patch of ground, not one yuan.
            let aPatch = q == end && span.range.lowerBound > 0 && "这那哪".unicodeScalars.contains(s[span.range.lowerBound - 1])
                && q < s.count && s[q] == "块" && !(q + 1 < s.count && s[q + 1] == "钱")
            for mark in Self.yuanMarks where !aPatch && Self.hasPrefix(s, at: q, mark) {
                end = q + mark.count
                hasYuan = true
                marked = true
                break
            }
            if hasYuan, !span.value.isNaN {
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
                } else if j < s.count, let d = ChineseNumber.digit(s[j]), end > span.range.upperBound,
                          j + 1 >= s.count || !ChineseNumber.isNumeralScalar(s[j + 1]),
                          s[end - 1] == "块" {
                    // 五块五 = 5.5
                    value += Double(d) / 10
                    end = j + 1
                }
                value = (value * 100).rounded() / 100
            }
            if !marked {
                // Bare amount: must end in a large multiplier.
                guard let last = s[span.range].last, "万亿wWkK".unicodeScalars.contains(last) || end > span.range.upperBound else { continue }
                if end < s.count, Self.countWords(s[end]) { continue }
                if value < 1000 { continue }
                // 周一万象花园: Monday at 万象花园, not ten thousand yuan.
                if WeekdayNumeral.at(s, span.range.lowerBound) { continue }
            }
            out.append(Entity(type: .money, text: text[start..<end], start: start, end: end, value: .number(value)))
            minStart = end
        }
        return out
    }
}
