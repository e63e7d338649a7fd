import Foundation

/// Parses a whole numeral string into a number.
///
/// Accepts Arabic numerals (`34,567`, `1.10`, `.77`), Chinese numerals
/// (`三万四千五百六十七`, `两千六`, `廿二`, `壹佰零肆萬`), mixed forms
/// (`1.5万`, `3千`, `80w`, `5k`, `1.2M`), digit-by-digit readings
/// (`一九八` → 198, `二〇二六` → 2026, `幺八九` → 189), decimals with 点
/// (`三点五`), a leading sign (`负`, `-`), fractions (`二分之一`) and
/// amounts in 元/角/分 (`壹拾壹元壹角` → 11.1).
///
/// Colloquial abbreviations follow cn2an's normal mode: a digit right after a
/// unit means one unit lower (`三万五` → 35000, `一百二` → 120).
///
/// Counting words and spoken fractions too: pairs and dozens (`一对` 2, `五双`
/// 10, `八打` 96), halves (`半个` and `一半` 0.5, `三个半` 3.5), Cantonese
/// fractions (`二份一` ½, `十份十一` 11/10) and a whole with a fraction
/// (`一又十分一`, `一又二分之一`).
///
/// Deliberate differences from the yardsticks (cn2an, Duckling):
/// - cn2an *strict* mode rejects colloquial forms (`一一`, `三万五`, `100万`);
///   we accept them as cn2an normal/smart mode does, so those strict-only
///   error cases are not counted.
/// - Duckling reads `一半半` as 0.5; it is not a numeral here.
public enum ChineseNumber {
    public static func parse(_ text: String) -> Double? {
        var s = Array(text.unicodeScalars.map(Normalizer.map))
        // Trim spaces.
        while let f = s.first, f == " " { s.removeFirst() }
        while let l = s.last, l == " " { s.removeLast() }
        return parse(scalars: s[...])
    }

    /// Parses a slice of (normalised) scalars.
    public static func parse(scalars input: ArraySlice<Unicode.Scalar>) -> Double? {
        var s = input
        guard !s.isEmpty else { return nil }
        var sign = 1.0
        if s.first == "-" || s.first == "负" || s.first == "負" {
            sign = -1
            s = s.dropFirst()
            while s.first == " " { s = s.dropFirst() }
        } else if s.first == "+" || s.first == "正" {
            s = s.dropFirst()
        }
        guard !s.isEmpty else { return nil }
        // Trailing measure word 个.
        if s.count > 1, s.last == "个" || s.last == "個" { s = s.dropLast() }
        if let v = countingOrSpokenFraction(s) { return sign * v }
        // Fractions: 二分之一.
        if let i = indexOfSequence(s, ["分", "之"]) {
            guard let d = parseCore(s[s.startIndex..<i]), let n = parseCore(s[(i + 2)...]), d != 0 else { return nil }
            return sign * n / d
        }
        // Amounts in 元/圆 with 角 and 分.
        if let i = s.firstIndex(where: { $0 == "元" || $0 == "圆" }) {
            guard let yuan = parseCore(s[s.startIndex..<i]) else { return nil }
            var rest = s[(i + 1)...]
            if rest.isEmpty || rest.elementsEqual(["整"]) || rest.elementsEqual(["正"]) { return sign * yuan }
            var total = yuan
            if let j = rest.firstIndex(of: "角") {
                guard let jiao = parseCore(rest[rest.startIndex..<j]), jiao < 10 else { return nil }
                total += jiao / 10
                rest = rest[(j + 1)...]
            }
            if let f = rest.firstIndex(of: "分") {
                guard let fen = parseCore(rest[rest.startIndex..<f]), fen < 10 else { return nil }
                total += fen / 100
                rest = rest[(f + 1)...]
            }
            if rest.elementsEqual(["整"]) || rest.elementsEqual(["正"]) { rest = rest.dropFirst() }
            return rest.isEmpty ? sign * (total * 100).rounded() / 100 : nil
        }
        guard let v = parseCore(s) else { return nil }
        return sign * v
    }

    /// Pairs and dozens after a number (`五双` 10, `八打` 96), halves (`半`, `一半`,
    /// `三个半`), Cantonese fractions (`二份一`: one of two parts) and a whole with a
    /// fraction (`一又十分一`, with or without 之). Nil for anything else, which
    /// `parse` then reads as before: none of these characters is part of a plain numeral.
    static func countingOrSpokenFraction(_ s: ArraySlice<Unicode.Scalar>) -> Double? {
        guard let last = s.last else { return nil }
        let body = s.dropLast()
        switch last {
        case "对", "對", "双", "雙":
            return body.isEmpty ? nil : parseCore(body).map { $0 * 2 }
        case "打":
            return body.isEmpty ? nil : parseCore(body).map { $0 * 12 }
        case "半":
            // 半 and 一半 are a half; 三个半 is three and a half.
            if body.isEmpty || body.elementsEqual(["一"]) || body.elementsEqual(["1"]) { return 0.5 }
            guard body.last == "个" || body.last == "個", body.count > 1, let whole = parseCore(body.dropLast()) else { return nil }
            return whole + 0.5
        default:
            break
        }
        if let i = s.firstIndex(of: "又") {
            guard i > s.startIndex, let whole = parseCore(s[s.startIndex..<i]) else { return nil }
            let rest = s[(i + 1)...]
            if let j = indexOfSequence(rest, ["分", "之"]) {
                guard let d = parseCore(rest[rest.startIndex..<j]), let n = parseCore(rest[(j + 2)...]), d != 0 else { return nil }
                return whole + n / d
            }
            guard let j = rest.firstIndex(of: "分"), j > rest.startIndex, let d = parseCore(rest[rest.startIndex..<j]),
                  let n = parseCore(rest[(j + 1)...]), d != 0 else { return nil }
            return whole + n / d
        }
        if let i = s.firstIndex(of: "份"), i > s.startIndex {
            guard let d = parseCore(s[s.startIndex..<i]), let n = parseCore(s[(i + 1)...]), d != 0 else { return nil }
            return n / d
        }
        return nil
    }

    // MARK: - Tables

    /// Digit value of a Chinese or Arabic digit scalar.
    @inline(__always)
    public static func digit(_ c: Unicode.Scalar) -> Int? {
        let v = c.value
        if v >= 0x30 && v <= 0x39 { return Int(v - 0x30) }
        let d = digitTable[c]
        return d < 0 ? nil : Int(d)
    }

    /// `chineseDigits` as a flat table (-1: not a digit), and whether a scalar
    /// is any numeral character: both asked for every character of a line.
    static let digitTable = ScalarTable(chineseDigits.mapValues { Int8($0) }, missing: -1)
    static let numeralTable: ScalarTable<Bool> = {
        var all: [Unicode.Scalar: Bool] = [:]
        for s in chineseDigits.keys { all[s] = true }
        for s in smallUnits.keys { all[s] = true }
        for s in bigUnits.keys { all[s] = true }
        for s in tens.keys { all[s] = true }
        return ScalarTable(all, missing: false)
    }()

    static let chineseDigits: [Unicode.Scalar: Int] = [
        "零": 0, "〇": 0, "○": 0, "Ｏ": 0,
        "一": 1, "壹": 1, "幺": 1, "二": 2, "贰": 2, "貳": 2, "两": 2, "兩": 2, "俩": 2,
        "三": 3, "叁": 3, "參": 3, "参": 3, "四": 4, "肆": 4, "五": 5, "伍": 5,
        "六": 6, "陆": 6, "陸": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9,
    ]

    /// Units below 万. The switches are asked per character while reading a
    /// numeral (a dictionary lookup hashed each one, in a profile); the
    /// dictionaries, made from them, list the characters.
    static let smallUnits = Dictionary(uniqueKeysWithValues: "十拾百佰千仟".unicodeScalars.map { ($0, smallUnit($0)!) })
    static let bigUnits = Dictionary(uniqueKeysWithValues: "万萬亿億".unicodeScalars.map { ($0, bigUnit($0)!) })
    static let tens = Dictionary(uniqueKeysWithValues: "廿卅卌".unicodeScalars.map { ($0, ten($0)!) })

    @inline(__always) static func smallUnit(_ c: Unicode.Scalar) -> Int? {
        switch c {
        case "十", "拾": return 10
        case "百", "佰": return 100
        case "千", "仟": return 1000
        default: return nil
        }
    }

    @inline(__always) static func bigUnit(_ c: Unicode.Scalar) -> Double? {
        switch c {
        case "万", "萬": return 1e4
        case "亿", "億": return 1e8
        default: return nil
        }
    }

    @inline(__always) static func ten(_ c: Unicode.Scalar) -> Int? {
        switch c {
        case "廿": return 20
        case "卅": return 30
        case "卌": return 40
        default: return nil
        }
    }
    /// Suffix multipliers after Arabic digits or a decimal.
    static let suffixes: [Unicode.Scalar: Double] = [
        "k": 1e3, "K": 1e3, "w": 1e4, "W": 1e4, "M": 1e6, "G": 1e9,
        "万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8, "千": 1e3, "仟": 1e3, "百": 1e2, "佰": 1e2,
    ]

    /// Is this scalar part of a numeral (digit, unit, 廿)?
    @inline(__always)
    public static func isNumeralScalar(_ c: Unicode.Scalar) -> Bool {
        (c.value >= 0x30 && c.value <= 0x39) || numeralTable[c]
    }

    // MARK: - Core

    static func indexOfSequence(_ s: ArraySlice<Unicode.Scalar>, _ seq: [Unicode.Scalar]) -> Int? {
        guard s.count >= seq.count else { return nil }
        var i = s.startIndex
        while i + seq.count <= s.endIndex {
            if s[i..<(i + seq.count)].elementsEqual(seq) { return i }
            i += 1
        }
        return nil
    }

    /// Unsigned numeral, possibly with a decimal point and a suffix multiplier.
    static func parseCore(_ s: ArraySlice<Unicode.Scalar>) -> Double? {
        guard !s.isEmpty else { return nil }
        let pointIndex = s.firstIndex(where: { $0 == "点" || $0 == "." || $0 == "點" })
        if let p = pointIndex {
            let intPart = s[s.startIndex..<p]
            var frac = s[(p + 1)...]
            var mult = 1.0
            while let l = frac.last, let m = suffixes[l] { mult *= m; frac = frac.dropLast() }
            guard !frac.isEmpty else { return nil }
            var fracValue = 0.0, scale = 0.1
            for c in frac {
                guard let d = digit(c) else { return nil }
                fracValue += Double(d) * scale
                scale /= 10
            }
            let intValue: Double
            if intPart.isEmpty {
                guard s[p] == "." else { return nil } // ".77" yes, "点一" no
                intValue = 0
            } else {
                guard let v = parseInteger(intPart) else { return nil }
                intValue = v
            }
            return roundTo15((intValue + fracValue) * mult)
        }
        return parseInteger(s)
    }

    static func roundTo15(_ v: Double) -> Double {
        guard v != 0 else { return 0 }
        let mag = (abs(v)).rounded(.up)
        let digits = max(0, 15 - Int(log10(max(mag, 1))) - 1)
        let p = pow(10.0, Double(min(digits, 15)))
        let r = (v * p).rounded() / p
        return r
    }

    /// Integer numeral (no point).
    static func parseInteger(_ s: ArraySlice<Unicode.Scalar>) -> Double? {
        guard !s.isEmpty else { return nil }
        // Pure digit string: Arabic (with , separators) or digit-by-digit reading.
        if s.allSatisfy({ digit($0) != nil || $0 == "," }) {
            var v = 0.0
            var sawDigit = false
            var groupLen = -1 // digits since last comma; -1 before any comma
            for c in s {
                if c == "," {
                    guard sawDigit, groupLen == -1 || groupLen == 3 else { return nil }
                    groupLen = 0
                    continue
                }
                v = v * 10 + Double(digit(c)!)
                sawDigit = true
                if groupLen >= 0 { groupLen += 1 }
            }
            guard sawDigit, groupLen == -1 || groupLen == 3 else { return nil }
            return v
        }
        // Arabic digits followed by a single suffix multiplier: 80w, 5k, 3M, 100万.
        if let l = s.last, let m = suffixes[l], s.count >= 2, s.dropLast().allSatisfy({ ($0.value >= 0x30 && $0.value <= 0x39) || $0 == "," }) {
            guard let v = parseInteger(s.dropLast()) else { return nil }
            return v * m
        }
        return parseUnits(s)
    }

    /// Numerals with units: 三万四千五百六十七, 两千六, 1万600, 200亿零四千230.
    static func parseUnits(_ s: ArraySlice<Unicode.Scalar>) -> Double? {
        var total = 0.0          // accumulated value of completed 万/亿 groups
        var section = 0.0        // value below 万 in the current group
        var current: Double? = nil
        var currentIsArabic = false
        var lastSmall = Int.max  // last small unit in this section (must decrease)
        var lastUnit = 0.0       // most recent unit, for abbreviations (三万五)
        var zeroSinceUnit = false
        var lastBig = Double.infinity
        var i = s.startIndex
        var sawAnything = false
        while i < s.endIndex {
            let c = s[i]
            if c.value >= 0x30 && c.value <= 0x39 {
                // Arabic run.
                guard current == nil else { return nil }
                var v = 0.0
                while i < s.endIndex, s[i].value >= 0x30 && s[i].value <= 0x39 {
                    v = v * 10 + Double(s[i].value - 0x30)
                    i += 1
                }
                current = v
                currentIsArabic = true
                sawAnything = true
                continue
            }
            if let d = digit(c) {
                if d == 0 {
                    guard current == nil else { return nil }
                    zeroSinceUnit = true
                } else {
                    guard current == nil else { return nil }
                    current = Double(d)
                    currentIsArabic = false
                }
                sawAnything = true
            } else if let u = smallUnit(c) {
                guard u < lastSmall else { return nil }
                // 百/千 with no digit in front only at the very start (百二萬, 千一).
                if current == nil && u != 10 && sawAnything && !zeroSinceUnit { return nil }
                section += (current ?? 1) * Double(u)
                current = nil
                lastSmall = u
                lastUnit = Double(u)
                zeroSinceUnit = false
                sawAnything = true
            } else if let t = ten(c) {
                guard current == nil, lastSmall > 10 else { return nil }
                section += Double(t)
                lastSmall = 10
                lastUnit = 10
                zeroSinceUnit = false
                sawAnything = true
            } else if let b = bigUnit(c) {
                var x = section
                if let cur = current {
                    // 百二万 = 120万: a digit right after 百/千 is one unit lower.
                    x += (!zeroSinceUnit && !currentIsArabic && lastSmall >= 100 && lastSmall != Int.max) ? cur * Double(lastSmall) / 10 : cur
                }
                if b == 1e8 {
                    guard x > 0 || total > 0 else { return nil }
                    total = (total + x) * b
                    lastBig = b
                } else {
                    guard x > 0 || !sawAnything else { return nil }
                    guard b < lastBig || lastBig == 1e8 else { return nil }
                    total += (x == 0 ? 1 : x) * b
                    lastBig = b
                }
                section = 0
                current = nil
                lastSmall = Int.max
                lastUnit = b
                zeroSinceUnit = false
                sawAnything = true
            } else {
                return nil
            }
            i += 1
        }
        if let cur = current {
            if !zeroSinceUnit && !currentIsArabic && lastUnit >= 100 {
                section += cur * lastUnit / 10 // 三万五, 一百二
            } else {
                section += cur
            }
        }
        let result = total + section
        return sawAnything ? result : nil
    }
}
