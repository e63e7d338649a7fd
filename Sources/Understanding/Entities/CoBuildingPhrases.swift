/// Phrases of the co-building commands that are slots but not entities: a
/// weekly window (工作日 19:00-次日08:00), a quantity with its measure (40个)
/// and a car plate (粤B12345). Found here as text; the domain reads their
/// meaning (`WeeklyWindow`), so the words a window may use are recognised,
/// not interpreted, in this layer.
public enum CoBuildingPhrases {
    static let dayPattern = #"(工作日|周末|双休日|每天|每日|天天|全周|(周|星期)[一二三四五六日天](\s*(\||、|和|至|到|-|~)\s*(周|星期)?[一二三四五六日天])*)"#
    static let clockPattern = #"([01]?\d|2[0-4])[:：][0-5]\d\s*(-|–|—|~|～|至|到)\s*(次日|第二天|翌日)?\s*([01]?\d|2[0-4])[:：][0-5]\d"#
    static let measures = ["平方米", "个", "间", "套", "台", "处", "册", "辆", "张", "把", "件", "位", "㎡"]

    /// The day part and the time part of a window, as said: `工作日 19:00-次日08:00`, `周末`, `晚上`.
    /// Clock times, typed or said (晚上7点到第二天早上8点), win over a word for a time of day (晚上停车难 20:00-次日07:00).
    public static func window(in text: String) -> String? { window(in: text, scalars: Array(text.unicodeScalars)) }

    /// The same with `text`'s scalars at hand (the normalised line's), not decoded again.
    static func window(in text: String, scalars: [Unicode.Scalar]) -> String? {
        func find(_ p: CompiledPattern) -> String? { p.firstRange(in: text).map { String(text[$0]) } }
        // The day pattern runs only when the text has one of the words it
        // begins with (天 alone, as in 明天, is on most lines: asking for it
        // ran the expression on most lines, a per cent of a parse).
        let day = mayNameDays(scalars) ? find(dayRegex) : nil
        let clock = scalars.contains(where: { $0 == ":" || $0 == "：" }) ? find(clockRegex) : nil
        let spoken = clock == nil && maySayClockRange(scalars) ? spokenClockWindow(in: text) : nil
        let parts = [day, clock ?? spoken ?? period(in: scalars)].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    /// Whether `spokenClockRegex` can match: a 点, then a range word (到 至 - ~ ～), then
    /// another 点. The expression (through NSString, UTF-16) ran on every line with a 点,
    /// most of them a single time of day.
    static func maySayClockRange(_ s: [Unicode.Scalar]) -> Bool {
        var step = 0
        for c in s {
            switch step {
            case 0: if c == "点" { step = 1 }
            case 1: if c == "到" || c == "至" || c == "-" || c == "~" || c == "～" { step = 2 }
            default: if c == "点" { return true }
            }
        }
        return false
    }

    /// Whether `dayPattern` can match: one of its alternatives' first words
    /// (工作日 周末 双休日 每天 每日 天天 全周, 周/星期 and a day's numeral) is in the text.
    static func mayNameDays(_ s: [Unicode.Scalar]) -> Bool {
        for i in 0..<s.count {
            switch s[i] {
            case "工": if i + 2 < s.count, s[i + 1] == "作", s[i + 2] == "日" { return true }
            case "双": if i + 2 < s.count, s[i + 1] == "休", s[i + 2] == "日" { return true }
            case "每": if i + 1 < s.count, s[i + 1] == "天" || s[i + 1] == "日" { return true }
            case "天": if i + 1 < s.count, s[i + 1] == "天" { return true }
            case "全": if i + 1 < s.count, s[i + 1] == "周" { return true }
            case "周": if i + 1 < s.count, s[i + 1] == "末" || isDayNumeral(s[i + 1]) { return true }
            case "星": if i + 2 < s.count, s[i + 1] == "期", isDayNumeral(s[i + 2]) { return true }
            default: break
            }
        }
        return false
    }

    @inline(__always) static func isDayNumeral(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "一", "二", "三", "四", "五", "六", "日", "天": return true
        default: return false
        }
    }

    /// A word for a time of day (全天 上午 中午 下午 白天 夜间 夜里 晚上 今晚 傍晚):
    /// the leftmost, as the regular expression of their alternation found it.
    static func period(in s: [Unicode.Scalar]) -> String? {
        guard s.count >= 2 else { return nil }
        for i in 0..<(s.count - 1) {
            for word in periodWords where s[i] == word.0 && s[i + 1] == word.1 {
                return ScalarString.make([word.0, word.1])
            }
        }
        return nil
    }

    static let periodWords: [(Unicode.Scalar, Unicode.Scalar)] = [
        ("全", "天"), ("上", "午"), ("中", "午"), ("下", "午"), ("白", "天"), ("夜", "间"), ("夜", "里"), ("晚", "上"), ("今", "晚"), ("傍", "晚"),
    ]

    /// `40个`, `300平方米`: a count with its measure, never a clock time.
    public static func quantity(in text: String) -> String? {
        guard mayHaveQuantity(text) else { return spelledQuantity(in: text) }
        return quantityRegex.firstRange(in: text).map { String(text[$0]).replacingOccurrences(of: " ", with: "") }
            ?? spelledQuantity(in: text)
    }

    /// A count in Chinese numerals with its measure (二十个车位 → 20个, 两间会议室 → 2间),
    /// written with digits as the typed form is. 一 alone is no count (一个想法, 一件事, 一处), except
    /// before the measures of rooms, sets and machines (会议室一间, 一台投影仪: round 253).
    static func spelledQuantity(in text: String) -> String? {
        let s = Array(text.unicodeScalars)
        var i = 0
        while i < s.count {
            guard ChineseNumber.isNumeralScalar(s[i]), i == 0 || !ChineseNumber.isNumeralScalar(s[i - 1]) else { i += 1; continue }
            var j = i
            while j < s.count, ChineseNumber.isNumeralScalar(s[j]), j - i < 6 { j += 1 }
            let one = j - i == 1 && s[i] == "一"
            if j < s.count, !one || singleCountMeasures.contains(s[j]),
               let measure = measureScalars.first(where: { j + $0.count <= s.count && s[j..<(j + $0.count)].elementsEqual($0) }),
               let v = ChineseNumber.parse(scalars: s[i..<j]), v >= (one ? 1 : 2), v == v.rounded(), v < 1_000_000 {
                return "\(Int(v))" + ScalarString.make(measure)
            }
            i = j
        }
        return nil
    }

    /// A mainland car plate, upper case: 粤B12345, 粤BD12345 (new-energy).
    public static func plate(in text: String) -> String? {
        guard mayHavePlate(text) else { return nil }
        return plateRegex.firstRange(in: text).map { text[$0].uppercased() }
    }

    /// Whether `quantityPattern` can match: a decimal digit, then white space or
    /// nothing, then a measure's first character. Asked first because the
    /// expression (through NSString, UTF-16) cost a per cent of a parse on lines
    /// that have no digit at all. A superset: `\s` and `\d` are read widely here.
    static func mayHaveQuantity(_ text: String) -> Bool {
        var afterDigit = false
        for c in text.unicodeScalars {
            let v = c.value
            if afterDigit, measureFirsts.contains(c) { return true }
            if v < 0x80 {
                if v >= 0x30 && v <= 0x39 { afterDigit = true } else if !(v == 0x20 || (v >= 0x09 && v <= 0x0D)) { afterDigit = false }
            } else if v >= 0x4E00 && v <= 0x9FFF {
                afterDigit = false // a Han character: neither a digit nor a space
            } else {
                let p = c.properties
                if p.generalCategory == .decimalNumber { afterDigit = true }
                else if !(p.isWhitespace || [.spaceSeparator, .lineSeparator, .paragraphSeparator].contains(p.generalCategory)) { afterDigit = false }
            }
        }
        return false
    }

    /// The measures as scalars, made once.
    static let measureScalars = measures.map { Array($0.unicodeScalars) }
    /// The measures after which 一 is a count of one (`spelledQuantity`).
    static let singleCountMeasures: Set<Unicode.Scalar> = ["间", "套", "台", "辆"]

    /// The measures' first characters (平 of 平方米).
    static let measureFirsts = Set(measures.map { $0.unicodeScalars.first! })

    /// Whether `platePattern` can match: a province's character right before an ASCII letter.
    static func mayHavePlate(_ text: String) -> Bool {
        var previous: Unicode.Scalar = " "
        for c in text.unicodeScalars {
            let v = c.value
            if (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A), provinces.contains(previous) { return true }
            previous = c
        }
        return false
    }

    static let provinces = Set("京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼".unicodeScalars)

    static let quantityPattern = #"(?<![\d:：])\d{1,6}\s*("# + measures.joined(separator: "|") + ")"
    static let platePattern = "[" + String(String.UnicodeScalarView(provinces.sorted())) + "]" + #"[A-Za-z][A-Za-z0-9]{5,6}"#

    /// The patterns compiled once: `String.range(of:options: .regularExpression)`
    /// looks the pattern up in Foundation's cache on every call (a few per cent of a parse).
    static let dayRegex = CompiledPattern(dayPattern)
    static let clockRegex = CompiledPattern(clockPattern)
    static let quantityRegex = CompiledPattern(quantityPattern)
    static let plateRegex = CompiledPattern(platePattern)
}

/// A regular expression compiled once, answering as `String.range(of:options: .regularExpression)`
/// does (the first match, default options).
struct CompiledPattern: @unchecked Sendable {
    // NSRegularExpression is immutable once made and documented as safe to use from several threads.
    let regex: NSRegularExpression

    init(_ pattern: String) {
        // The patterns are constants of this file: one that does not compile is a programming error.
        regex = try! NSRegularExpression(pattern: pattern, options: [])
    }

    func firstRange(in text: String) -> Range<String.Index>? {
        let found = regex.rangeOfFirstMatch(in: text, options: [], range: NSRange(location: 0, length: text.utf16.count))
        return found.location == NSNotFound ? nil : Range(found, in: text)
    }
}

import Foundation
