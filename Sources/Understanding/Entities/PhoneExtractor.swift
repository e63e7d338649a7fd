/// Finds phone numbers; the value is digits only.
///
/// - Mobiles `1[3-9]` + 9 digits, also written `138 0013 8000`, `138-0013-8000`,
///   optionally after `+86`.
/// - Landlines with area code `0755-12345678`, `075512345678`, `010-12345678`.
/// - 8-digit local numbers `2345-6789` when written with a dash or space, or
///   right after a phone word (电话 手机 联系 号码 打 拨).
///
/// A digit run is judged whole: digits inside longer runs or glued to ASCII
/// letters (ids such as `GL20261129-0001`) never match.
public struct PhoneExtractor: EntityExtractor {
    public init() {}

    static let phoneWords: [[Unicode.Scalar]] = ["电话", "手机", "联系方式", "联系", "号码", "打", "拨", "致电", "tel", "Tel", "TEL"].map { Array($0.unicodeScalars) }

    @inline(__always) static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }
    @inline(__always) static func isLetter(_ c: Unicode.Scalar) -> Bool {
        (c.value >= 0x41 && c.value <= 0x5A) || (c.value >= 0x61 && c.value <= 0x7A)
    }

    public func extract(from text: ScalarText, context: ParseContext) -> [Entity] {
        extract(from: text, spokenRuns: true)
    }

    /// `spokenRuns` false: the line has fewer than seven spoken digits in all (`Cues`), so no
    /// run of them can be a phone (`spokenDigits` needs seven) and none is looked for: asking
    /// at every character of every line with an ASCII digit cost a table lookup each.
    func extract(from text: ScalarText, spokenRuns: Bool) -> [Entity] {
        let s = text.scalars
        let n = s.count
        var out: [Entity] = []
        var i = 0
        while i < n {
            // 135，0076，2218 / 一三五，零零七六，二二一八: a mobile read out in its three groups, with pauses written as commas.
            if let (range, phone) = Self.commaGroupedMobile(s, at: i, spoken: spokenRuns) {
                out.append(Entity(type: .phone, text: text[range], start: range.lowerBound, end: range.upperBound, value: .string(phone)))
                i = range.upperBound
                continue
            }
            if spokenRuns, let spoken = Self.spokenDigits(s, at: i) {
                if let phone = Self.spokenPhone(s, spoken) {
                    out.append(Entity(type: .phone, text: text[spoken], start: spoken.lowerBound, end: spoken.upperBound, value: .string(phone)))
                }
                i = spoken.upperBound
                continue
            }
            guard Self.isDigit(s[i]) || (s[i] == "+" && i + 1 < n && Self.isDigit(s[i + 1])) else { i += 1; continue }
            let start = i
            // Digits glued to letters (a plate 粤B3K8Q1, an id) end there: they must
            // not be joined across a space to the phone number that follows.
            if start > 0, Self.isLetter(s[start - 1]) {
                while i < n, Self.isDigit(s[i]) { i += 1 }
                continue
            }
            if s[i] == "+" { i += 1 }
            // Counted first; the digits are gathered only for a run that has a phone
            // number's count (an array grown digit by digit for every run of digits
            // in a line was reallocated three or four times per run).
            var count = 0
            var separated = false
            var end = i
            while i < n {
                if Self.isDigit(s[i]) { count += 1; i += 1; end = i; continue }
                if (s[i] == " " || s[i] == "-") && i + 1 < n && Self.isDigit(s[i + 1]) && count > 0 {
                    separated = true
                    i += 1
                    continue
                }
                break
            }
            // Glued to letters or to a decimal point: not a phone.
            // A "." counts only as a decimal point (3.13800…), not as a sentence's end (谢谢。13528283838).
            let decimalPoint = start > 1 && s[start - 1] == "." && Self.isDigit(s[start - 2])
            if start > 0, Self.isLetter(s[start - 1]) || decimalPoint || (s[start - 1] == "-" && start > 1 && (Self.isLetter(s[start - 2]) || Self.isDigit(s[start - 2]))) { continue }
            if end < n, Self.isLetter(s[end]) || s[end] == "." && end + 1 < n && Self.isDigit(s[end + 1]) { continue }
            // A phone has 8, 11 or 12 digits once a leading 86 is taken off: 8 to 14 in all.
            guard (8...14).contains(count) else { continue }
            var d: [Unicode.Scalar] = []
            d.reserveCapacity(count)
            for k in start..<end where Self.isDigit(s[k]) { d.append(s[k]) }
            if s[start] == "+" || (d.count == 13 && d[0] == "8" && d[1] == "6") {
                guard d.count > 2, d[0] == "8", d[1] == "6" else { continue }
                d.removeFirst(2)
            }
            var ok = false
            if d.count == 11, d[0] == "1", d[1].value >= 0x33 { ok = true }
            else if d[0] == "0", d.count == 11 || d.count == 12, d[1] != "0" { ok = true }
            else if d.count == 8, d[0] != "0", d[0] != "1", !Self.isISODate(s, start, end) {
                ok = separated || Self.afterPhoneWord(s, start)
            }
            if ok {
                out.append(Entity(type: .phone, text: text[start..<end], start: start, end: end, value: .string(ScalarString.make(d))))
            } else if separated, let cut = (start..<end).first(where: { s[$0] == " " || s[$0] == "-" }), cut - start == 11,
                      s[start] == "1", s[start + 1].value >= 0x33, (start..<cut).allSatisfy({ Self.isDigit(s[$0]) }) {
                // 电话13798872201 1位: a whole mobile, then a count one space on, not one number.
                out.append(Entity(type: .phone, text: text[start..<cut], start: start, end: cut, value: .string(ScalarString.make(Array(s[start..<cut])))))
                i = cut + 1
            } else if separated, let space = (start..<end).first(where: { s[$0] == " " }) {
                // 已经打了120 13922220025: a number said before the phone, one space apart, is not
                // part of it — judge the run again from the next group.
                i = space + 1
            }
        }
        return out
    }

    /// A mobile number in its 3–4–4 groups with a comma or 、 (and perhaps a space) between them,
    /// in ASCII digits or (`spoken`) digit characters: its range and digits. Only that exact
    /// shape, starting 1[3-9] and with no digit around it: a list of small numbers (3，5，8) is not one.
    /// Read out in characters, the groups may be any pauses the caller made (一三五，零九八，七六，五四三:
    /// speech recognition writes each pause as a comma), eleven digits in all; starting with an ASCII
    /// digit only 3–4–4 (13,812,345,678 is an amount written with thousands separators).
    static func commaGroupedMobile(_ s: [Unicode.Scalar], at i: Int, spoken: Bool) -> (Range<Int>, String)? {
        func digit(_ c: Unicode.Scalar) -> Unicode.Scalar? { isDigit(c) ? c : spoken ? spokenDigit(c) : nil }
        // Turned away by the first character (this is asked at every position of the line).
        let said = spoken && (s[i] == "一" || s[i] == "幺")
        guard s[i] == "1" || said, i + (said ? 11 : 12) < s.count, i == 0 || digit(s[i - 1]) == nil else { return nil }
        var d: [Unicode.Scalar] = []
        var k = i
        if said {
            var groups = 0
            while d.count < 11 {
                if groups > 0 {
                    guard k < s.count, s[k] == "," || s[k] == "，" || s[k] == "、" else { return nil }
                    k += 1
                    if k < s.count, s[k] == " " { k += 1 }
                }
                let groupStart = d.count
                while k < s.count, d.count < 11, let c = digit(s[k]) { d.append(c); k += 1 }
                guard d.count > groupStart else { return nil }
                groups += 1
            }
            guard groups > 1 else { return nil }
        } else {
            for (g, size) in [3, 4, 4].enumerated() {
                if g > 0 {
                    guard k < s.count, s[k] == "," || s[k] == "，" || s[k] == "、" else { return nil }
                    k += 1
                    if k < s.count, s[k] == " " { k += 1 }
                }
                for _ in 0..<size {
                    guard k < s.count, let c = digit(s[k]) else { return nil }
                    d.append(c)
                    k += 1
                }
            }
        }
        guard k == s.count || digit(s[k]) == nil, d[1].value >= 0x33 else { return nil }
        return (i..<k, ScalarString.make(d))
    }

    /// Whether `s[start..<end]` is written as a date, yyyy-mm-dd (日期：2026-12-05): not a local number.
    static func isISODate(_ s: [Unicode.Scalar], _ start: Int, _ end: Int) -> Bool {
        guard end - start == 10, s[start + 4] == "-", s[start + 7] == "-" else { return false }
        let number = { (from: Int, to: Int) in (from..<to).reduce(0) { $0 * 10 + Int(s[$1].value - 0x30) } }
        let (year, month, day) = (number(start, start + 4), number(start + 5, start + 7), number(start + 8, start + 10))
        return (1900...2100).contains(year) && (1...12).contains(month) && (1...31).contains(day)
    }

    /// Digits said one by one in characters (一三九二七七八四五零一, 幺 for 1 and
    /// 两 for 2 as in phone readings): the run at `i`, if it starts there.
    static func spokenDigits(_ s: [Unicode.Scalar], at i: Int) -> Range<Int>? {
        guard spokenDigit(s[i]) != nil, i == 0 || spokenDigit(s[i - 1]) == nil else { return nil }
        var end = i, digits = 0
        while end < s.count {
            if spokenDigit(s[end]) != nil { end += 1; digits += 1; continue }
            // 一三六 一二三四 五六七八: groups said with a pause between them.
            if s[end] == " " || s[end] == "-", end + 1 < s.count, spokenDigit(s[end + 1]) != nil { end += 1; continue }
            break
        }
        return digits >= 7 ? i..<end : nil
    }

    /// A digit character as the ASCII digit: the numeral digits (ChineseNumber),
    /// and the radio readings used for phone numbers (洞 0, 拐 7, 勾 9).
    @inline(__always) static func spokenDigit(_ c: Unicode.Scalar) -> Unicode.Scalar? {
        if c.value < 0x80 { return nil }
        if let d = ChineseNumber.digit(c) { return Unicode.Scalar(UInt8(0x30 + d)) }
        switch c {
        case "洞": return "0"
        case "拐": return "7"
        case "勾": return "9"
        default: return nil
        }
    }

    /// A spoken run is a phone when it has a mobile's shape (11 digits, 1[3-9]…),
    /// or 8 digits right after a phone word. Counting words (一千二百) never
    /// form such runs: they need 十 百 千 万 between the digits.
    static func spokenPhone(_ s: [Unicode.Scalar], _ run: Range<Int>) -> String? {
        let d = run.compactMap { spokenDigit(s[$0]) }
        let mobile = d.count == 11 && d[0] == "1" && d[1].value >= 0x33
        let local = d.count == 8 && d[0] != "0" && d[0] != "1" && afterPhoneWord(s, run.lowerBound)
        guard mobile || local else { return nil }
        var v = String.UnicodeScalarView()
        v.append(contentsOf: d)
        return String(v)
    }

    static func afterPhoneWord(_ s: [Unicode.Scalar], _ start: Int) -> Bool {
        var p = start
        while p > 0, s[p - 1] == " " || s[p - 1] == ":" || s[p - 1] == "是" || s[p - 1] == "为" { p -= 1 }
        return phoneWords.contains { MoneyExtractor.hasSuffix(s, endingAt: p, $0) }
    }
}
