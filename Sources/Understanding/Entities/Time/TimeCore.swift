import Foundation

/// Local wall-clock arithmetic for the time extractor: days are counted from
/// 1970-01-01 in the context's zone (civil-date algorithms, no Calendar in the
/// hot path).
struct LocalDay: Hashable, Comparable {
    var n: Int

    static func < (a: LocalDay, b: LocalDay) -> Bool { a.n < b.n }

    init(_ n: Int) { self.n = n }

    init?(year: Int, month: Int, day: Int) {
        guard month >= 1, month <= 12, day >= 1, day <= LocalDay.daysIn(year: year, month: month) else { return nil }
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        n = era * 146097 + doe - 719468
    }

    var civil: (year: Int, month: Int, day: Int) {
        let z = n + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// 1 = Monday … 7 = Sunday.
    var weekday: Int { ((n % 7 + 7 + 3) % 7) + 1 }

    func adding(_ days: Int) -> LocalDay { LocalDay(n + days) }

    /// Monday of this day's week.
    var monday: LocalDay { adding(1 - weekday) }

    static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func firstOfMonth(year: Int, month: Int) -> LocalDay {
        var y = year, m = month
        while m > 12 { m -= 12; y += 1 }
        while m < 1 { m += 12; y -= 1 }
        return LocalDay(year: y, month: m, day: 1)!
    }
}

/// A local instant: a day plus seconds into it.
struct LocalTime: Comparable {
    var seconds: Int // since 1970-01-01 00:00 local
    init(day: LocalDay, second: Int = 0) { seconds = day.n * 86400 + second }
    init(seconds: Int) { self.seconds = seconds }
    var day: LocalDay { LocalDay(Int((Double(seconds) / 86400).rounded(.down))) }
    var secondOfDay: Int { seconds - day.n * 86400 }
    static func < (a: LocalTime, b: LocalTime) -> Bool { a.seconds < b.seconds }

    /// ISO 8601 with the zone's offset at that instant: 2026-11-30T15:00:00+08:00.
    func iso(in tz: TimeZone) -> String {
        let guess = tz.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds)))
        let offset = tz.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds - guess)))
        let (y, m, d) = day.civil
        let s = secondOfDay
        let sign = offset < 0 ? "-" : "+"
        let o = abs(offset)
        // Written as 25 ASCII bytes in one buffer (the interpolation of eleven
        // padded strings was a per cent of a parse); the few values it cannot
        // write (a year outside 0…9999, an offset of 100 hours) take the long way.
        if ISODigits.fits(year: y, month: m, day: d), o / 3600 < 100 {
            return String(unsafeUninitializedCapacity: 25) { b in
                ISODigits.putDay(year: y, month: m, day: d, into: b)
                b[10] = 0x54
                ISODigits.put(s / 3600, into: b, at: 11, width: 2); b[13] = 0x3A
                ISODigits.put(s / 60 % 60, into: b, at: 14, width: 2); b[16] = 0x3A
                ISODigits.put(s % 60, into: b, at: 17, width: 2)
                b[19] = offset < 0 ? 0x2D : 0x2B
                ISODigits.put(o / 3600, into: b, at: 20, width: 2); b[22] = 0x3A
                ISODigits.put(o / 60 % 60, into: b, at: 23, width: 2)
                return 25
            }
        }
        let pad = ISODigits.padded
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(s / 3600, 2)):\(pad(s / 60 % 60, 2)):\(pad(s % 60, 2))\(sign)\(pad(o / 3600, 2)):\(pad(o / 60 % 60, 2))"
    }
}

/// A resolved time: an instant of some grain, or an interval [start, end).
struct TimeValue {
    var start: LocalTime
    var end: LocalTime?
    var grain: String
}

/// Scalar-level helpers shared by the time parsers.
enum TimeScan {
    @inline(__always) static func at(_ s: [Unicode.Scalar], _ i: Int, _ w: [Unicode.Scalar]) -> Bool {
        MoneyExtractor.hasPrefix(s, at: i, w)
    }

    /// The first word of `words` found at `i`, longest listed first.
    static func match<T>(_ s: [Unicode.Scalar], _ i: Int, _ words: WordList<T>) -> (Int, T)? {
        // Most positions begin none of the list's words: one test of a bit turns them away.
        guard i < s.count, words.mayStart(s[i]) else { return nil }
        for (w, v) in words.words where at(s, i, w) { return (i + w.count, v) }
        return nil
    }

    static func words<T>(_ list: [(String, T)]) -> WordList<T> {
        WordList(list.map { (Array($0.0.unicodeScalars), $0.1) }.sorted { $0.0.count > $1.0.count })
    }

    /// Whether `integer` can read a number starting with `c`: a digit (ASCII or Chinese), 十, 廿 or 卅.
    @inline(__always) static func startsInteger(_ c: Unicode.Scalar) -> Bool {
        ChineseNumber.digit(c) != nil || c == "十" || c == "廿" || c == "卅"
    }

    /// A small integer written with ASCII or Chinese digits (1–4 scalars, no 点).
    static func integer(_ s: [Unicode.Scalar], _ i: Int, maxLength: Int = 4) -> (end: Int, value: Int, length: Int)? {
        var j = i
        // Digits only (12, 三五, 二〇二六): the whole run reads digit by digit, as
        // `ChineseNumber.parse` reads it; asked several times per position, its
        // parse of each shorter slice showed in a profile. With 十 廿 卅: the parse.
        var digitsOnly = true, value = 0
        while j < s.count, j - i < maxLength {
            if let d = ChineseNumber.digit(s[j]) { value = value * 10 + d; j += 1; continue }
            guard s[j] == "十" || s[j] == "廿" || s[j] == "卅" else { break }
            digitsOnly = false
            j += 1
        }
        if digitsOnly { return j > i ? (j, value, j - i) : nil }
        while j > i {
            if let v = ChineseNumber.parse(scalars: s[i..<j]), v >= 0, v == v.rounded() {
                return (j, Int(v), j - i)
            }
            j -= 1
        }
        return nil
    }

    @inline(__always) static func isASCIIAlnum(_ c: Unicode.Scalar) -> Bool {
        PhoneExtractor.isDigit(c) || PhoneExtractor.isLetter(c)
    }
}

/// Words with a value each, longest first (`TimeScan.words`), and a 64-bit
/// summary of their first characters: a character whose bit is clear begins
/// none of them. The time parsers try a dozen lists at every position that
/// may start a time, and comparing each word there was most of their cost.
struct WordList<T>: RandomAccessCollection {
    let words: [([Unicode.Scalar], T)]
    private let firsts: UInt64

    init(_ words: [([Unicode.Scalar], T)]) {
        self.words = words
        var firsts: UInt64 = 0
        for (w, _) in words {
            // An empty word matches anywhere: then every character may start one.
            firsts |= w.isEmpty ? ~0 : 1 << UInt64(w[0].value & 63)
        }
        self.firsts = firsts
    }

    @inline(__always)
    func mayStart(_ s: Unicode.Scalar) -> Bool { firsts & (1 << UInt64(s.value & 63)) != 0 }

    var startIndex: Int { words.startIndex }
    var endIndex: Int { words.endIndex }
    subscript(position: Int) -> ([Unicode.Scalar], T) { words[position] }
}

extension WordList: Sendable where T: Sendable {}
