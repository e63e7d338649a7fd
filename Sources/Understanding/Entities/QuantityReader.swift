/// Quantities said with a unit that enterprise requests need: an area in
/// square metres (500平方米, 2000平, 1.5千平米, 300㎡), a loan term in months
/// (3年, 18个月, 半年), a headcount (招聘20人, 招30名工人).
public enum QuantityReader {
    static let areaUnits = ["平方米", "平米", "平方", "㎡", "m2", "M2", "平"]
    static let termUnits: [(String, Int)] = [("个月", 1), ("月", 1), ("年", 12)]
    /// 招聘20人, 招30名; and a count said before the job (二十个技术员).
    static let headcountUnits = ["人", "名", "个人", "位", "个技术员", "个普工", "个工人", "个员工", "个操作工", "个司机", "个保安", "个保洁", "个设计师", "个文员", "个志愿者"]
    /// The units as scalars, made once: each reading decoded the text and every unit again
    /// per unit (an array each), a per cent and a half of a parse on the lines asked.
    static let areaUnitScalars = areaUnits.map { Array($0.unicodeScalars) }
    static let termUnitScalars = termUnits.map { (Array($0.0.unicodeScalars), $0.1) }
    static let headcountUnitScalars = headcountUnits.map { Array($0.unicodeScalars) }

    /// Square metres, e.g. `2000平米` → 2000.
    public static func area(in text: String) -> Double? { area(in: Array(text.unicodeScalars)) }

    /// The same over the scalars at hand (the normalised line): the slot filler
    /// asked with the line's String, decoded again into scalars here.
    static func area(in scalars: [Unicode.Scalar]) -> Double? {
        // Every reading here needs a numeral, and most lines asked have none:
        // they are let go before the per-unit searches.
        guard scalars.contains(where: isNumberScalar) else { return nil }
        return number(before: areaUnitScalars, in: scalars)
    }

    /// Months, e.g. `3年` → 36, `半年` → 6.
    public static func termMonths(in text: String) -> Int? { termMonths(in: text, scalars: Array(text.unicodeScalars)) }

    /// The same with `text`'s scalars at hand (the normalised line's).
    static func termMonths(in text: String, scalars: [Unicode.Scalar]) -> Int? {
        if text.contains("半年") { return 6 }
        guard scalars.contains(where: smallNumberScalars) else { return nil }
        for (unit, factor) in termUnitScalars {
            // 二年级 is a school grade, not two years.
            if let value = number(before: unit, in: scalars, allowing: smallNumberScalars, notFollowedBy: "级"), value > 0, value < 100 {
                return Int(value) * factor
            }
        }
        return nil
    }

    /// People to hire, e.g. `招聘20人` → 20.
    public static func headcount(in text: String) -> Int? { headcount(in: Array(text.unicodeScalars)) }

    /// The same over the scalars at hand (the normalised line's).
    static func headcount(in scalars: [Unicode.Scalar]) -> Int? {
        guard scalars.contains(where: isNumberScalar) else { return nil }
        if let n = number(before: headcountUnitScalars, in: scalars) { return Int(n) }
        // 招30个操作工, 缺二十个技术员, 普工50个: a count after a hiring verb or a job, with 个.
        // Scalar search, not Foundation's `range(of:)` (locale-aware, a few per cent of a parse).
        for verb in hiringVerbs {
            var from = 0
            while from + verb.count <= scalars.count,
                  let at = scalars[from...].withUnsafeBufferPointer({ h in verb.withUnsafeBufferPointer { LiteralSearch.firstIndex(of: $0, in: h) } }) {
                var after = from + at + verb.count
                // 急缺普工大概五十个: an estimate's word between the job and the count.
                for filler in approximately where scalars[after...].starts(with: filler) { after += filler.count; break }
                // 招普工 三十个: typed with a space before the count.
                while after < scalars.count, scalars[after] == " " { after += 1 }
                let rest = scalars[after...].prefix(6)
                let digits = rest.prefix { isNumberScalar($0) && $0 != "." }
                if !digits.isEmpty, rest.dropFirst(digits.count).first == "个",
                   let v = ChineseNumber.parse(String(String.UnicodeScalarView(digits))), v >= 1, v < 100_000 { return Int(v) }
                from = after
            }
        }
        return nil
    }

    /// Words of estimate said before a count (大概五十个).
    static let approximately = ["大概", "大约", "差不多", "约"].map { Array($0.unicodeScalars) }

    /// Hiring verbs, and job names a count follows (普工50个, 操作工二十个).
    static let hiringVerbs = ["招聘", "招", "缺", "要", "普工", "工人", "员工", "操作工", "技术员", "保安", "保洁", "司机", "设计师", "文员", "人员", "工程师", "技工", "电工", "焊工", "质检员"]
        .map { Array($0.unicodeScalars) }

    /// The number written just before one of `units` (digits or Chinese numerals).
    /// Digits and Chinese numerals up to 十: a term is never 300万3年.
    static func smallNumberScalars(_ s: Unicode.Scalar) -> Bool {
        if (0x30...0x39).contains(s.value) { return true }
        switch s {
        case "零", "一", "二", "两", "三", "四", "五", "六", "七", "八", "九", "十": return true
        default: return false
        }
    }

    static func number(before units: [[Unicode.Scalar]], in scalars: [Unicode.Scalar],
                       allowing isPart: (Unicode.Scalar) -> Bool = isNumberScalar) -> Double? {
        for u in units {
            if let value = number(before: u, in: scalars, allowing: isPart) { return value }
        }
        return nil
    }

    /// The number written just before `u`, the first occurrence with one.
    /// An occurrence followed by `notFollowedBy` does not count.
    static func number(before u: [Unicode.Scalar], in scalars: [Unicode.Scalar],
                       allowing isPart: (Unicode.Scalar) -> Bool = isNumberScalar,
                       notFollowedBy: Unicode.Scalar? = nil) -> Double? {
        guard let first = u.first, u.count <= scalars.count else { return nil }
        var i = 0
        while i <= scalars.count - u.count {
            // The first character compared on its own first: comparing slices at every position
            // for every unit was most of a headcount's reading (thousands of instructions a line).
            if scalars[i] == first, scalars[i..<(i + u.count)].elementsEqual(u),
               notFollowedBy == nil || i + u.count == scalars.count || scalars[i + u.count] != notFollowedBy! {
                var start = i
                while start > 0, isPart(scalars[start - 1]) { start -= 1 }
                if start < i {
                    var s = String.UnicodeScalarView()
                    s.append(contentsOf: scalars[start..<i])
                    if let value = ChineseNumber.parse(String(s)), value > 0 { return value }
                }
            }
            i += 1
        }
        return nil
    }

    static func isNumberScalar(_ s: Unicode.Scalar) -> Bool {
        // A switch: searching a string of numerals per character showed in a profile.
        if (0x30...0x39).contains(s.value) { return true }
        switch s {
        case ".", "零", "〇", "一", "二", "两", "三", "四", "五", "六", "七", "八", "九", "十", "百", "千", "万", "亿": return true
        default: return false
        }
    }
}

/// A firm's name as said, for firms not in the registry: Han characters
/// ending in 有限公司 / 公司 / 厂 / 集团 (深圳市新创科技有限公司).
public enum CompanyName {
    static let endings = ["股份有限公司", "有限责任公司", "有限公司", "公司", "集团", "工厂", "厂"]
    static let leading = ["我们是", "我们", "我司", "本公司", "这边是", "是"]
    static let leadingScalars = leading.map { Array($0.unicodeScalars) }
    /// The endings as scalars, made once: this runs on most lines.
    static let endingScalars = endings.map { ($0, Array($0.unicodeScalars)) }

    public static func find(in text: String) -> String? { find(in: Array(text.unicodeScalars)) }

    /// The same over scalars already at hand (the normalised line), not decoded again.
    static func find(in scalars: [Unicode.Scalar]) -> String? {
        // Every ending ends in 司, 团 or 厂: a line without one (most) is done in one pass.
        guard scalars.contains(where: { $0 == "司" || $0 == "团" || $0 == "厂" }) else { return nil }
        for (ending, e) in endingScalars {
            guard e.count < scalars.count else { continue }
            for end in stride(from: scalars.count - e.count, through: 0, by: -1) where scalars[end..<(end + e.count)].elementsEqual(e) {
                // 厂房, 厂区, 厂里, 厂长 are not a factory's name; 来厂 / 到厂 are going there.
                let after = end + e.count < scalars.count ? scalars[end + e.count] : " "
                if ending.hasSuffix("厂"), notAfterFactory(after) || end > 0 && notBeforeFactory(scalars[end - 1]) { continue }
                var start = end
                while start > 0, end - start < 20, isHan(scalars[start - 1]) { start -= 1 }
                start = nameStart(scalars, start, end)
                // Read on the scalars, a String made only for the name returned: the name is
                // Chinese characters only (U+4E00–U+9FFF, none of which combines), so its
                // characters are its scalars, and a String built per candidate, scalar by
                // scalar, cost allocations on most lines with 公司 or 厂.
                var name = scalars[start..<(end + e.count)]
                for l in leadingScalars where name.starts(with: l) { name = name.dropFirst(l.count); break }
                // A phrase (平方米左右的厂), not a name: names do not have 的 in them.
                if name.count >= e.count + 2, !name.contains("的") { return ScalarString.make(name) }
            }
        }
        return nil
    }

    static func isHan(_ s: Unicode.Scalar) -> Bool { (0x4E00...0x9FFF).contains(s.value) }

    static func notAfterFactory(_ c: Unicode.Scalar) -> Bool {
        // A switch, not a Set: hashing a character per lookup showed in a profile.
        switch c { case "房", "区", "里", "长", "家", "内": return true; default: return false }
    }
    static func notBeforeFactory(_ c: Unicode.Scalar) -> Bool {
        // A switch, not a Set: hashing a character per lookup showed in a profile.
        switch c { case "来", "去", "回", "到", "进", "出": return true; default: return false }
    }

    /// Where the name begins in the run of characters before its ending: at
    /// the last 深圳 (新开的公司叫深圳市澜启…), else after the last 叫/名为/名叫.
    static func nameStart(_ s: [Unicode.Scalar], _ start: Int, _ end: Int) -> Int {
        guard end - start > 2 else { return start }
        for i in stride(from: end - 2, through: start, by: -1) where s[i] == "深" && s[i + 1] == "圳" { return i }
        for i in stride(from: end - 3, through: start, by: -1) where s[i] == "叫" || s[i] == "为" && i > start && s[i - 1] == "名" { return i + 1 }
        return start
    }
}
