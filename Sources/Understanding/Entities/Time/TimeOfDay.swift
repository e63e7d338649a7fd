/// Parts of the day (上午 下午 …) and clock times (三点半, 15:30, 八点四十五).
enum PartOfDay {
    case earlyMorning, morning, forenoon, noon, afternoon, dusk, evening, night

    /// The interval [from, to) in hours when no clock time follows.
    var hours: (Int, Int) {
        switch self {
        case .earlyMorning: return (0, 6)
        case .morning: return (6, 9)
        case .forenoon: return (8, 12)
        case .noon: return (12, 14)
        case .afternoon: return (12, 18)
        case .dusk: return (17, 19)
        case .evening: return (18, 24)
        case .night: return (18, 24)
        }
    }

    /// The 24-hour hour of a 12-hour clock reading in this part of the day.
    func hour(_ h: Int) -> Int {
        switch self {
        case .earlyMorning, .morning, .forenoon: return h == 12 ? 0 : h
        case .noon: return h <= 3 ? h + 12 : h
        case .afternoon, .dusk: return h < 12 ? h + 12 : h
        case .evening, .night: return h < 12 && h >= 5 ? h + 12 : (h == 12 ? 24 : h)
        }
    }
}

enum TimeOfDay {
    static let parts = TimeScan.words([
        ("凌晨", PartOfDay.earlyMorning), ("清晨", .morning), ("早上", .morning), ("早晨", .morning), ("一早", .morning),
        ("上午", .forenoon), ("中午", .noon), ("午间", .noon), ("下午", .afternoon), ("午后", .afternoon),
        ("傍晚", .dusk), ("晚上", .evening), ("晚间", .evening), ("夜晚", .evening), ("夜里", .night), ("夜间", .night), ("半夜", .earlyMorning),
        // Cantonese: 朝早 morning, 上昼 forenoon, 下昼/晏昼 afternoon.
        ("朝早", .morning), ("上昼", .forenoon), ("下昼", .afternoon), ("晏昼", .afternoon), ("挨晚", .dusk),
        // Hakka: 朝晨 morning, 当昼 noon, 夜晡 / 暗晡 evening; Sichuan 晚黑, northern 擦黑 / 傍黑.
        ("朝晨", .morning), ("当昼", .noon), ("夜晡", .evening), ("暗晡", .evening), ("晚黑", .evening), ("擦黑", .dusk), ("傍黑", .dusk),
    ])
    /// One-character parts (周二晚七点), read only before a clock time.
    static func shortPart(_ c: Unicode.Scalar) -> PartOfDay? {
        // A switch, not a dictionary: asked at every place a time may start (hashing showed in a profile).
        switch c {
        case "早": return .morning
        case "晚": return .evening
        case "夜": return .night
        default: return nil
        }
    }
    /// What may follow a one-character part said after a day without a clock
    /// (周三晚的, 星期二晚有, 周六早，): a particle, a verb of going or asking, punctuation.
    static func endsShortPart(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "的", "有", "那", "这", "场", "去", "还", "能", "可", "要", "想", "吗", " ", ",", "，", "。", ".", "?", "？", "!", "！", "、": return true
        default: return false
        }
    }
    /// Day word + part of day in one: 今晚 明早 …
    static let dayParts = TimeScan.words([
        ("今晚", (0, PartOfDay.evening)), ("今早", (0, .morning)), ("明早", (1, .morning)), ("明晚", (1, .evening)),
        ("昨晚", (-1, .evening)), ("后晚", (2, .evening)), ("前晚", (-2, .evening)),
        // Cantonese: 琴晚 / 寻晚 last night, 今朝 this morning, 听朝 tomorrow morning, 听晚 tomorrow night.
        ("琴晚", (-1, .evening)), ("寻晚", (-1, .evening)), ("今朝", (0, .morning)), ("听朝", (1, .morning)), ("听晚", (1, .evening)),
    ])
    /// Words before 一点 that make it "a little", not one o'clock.
    static func littleBefore(_ c: Unicode.Scalar) -> Bool {
        // A switch, not a Set: hashing a character per lookup showed in a profile.
        switch c { case "快", "慢", "早", "晚", "大", "小", "多", "少", "好", "高", "低", "有", "再", "差", "点", "轻", "重", "便", "贵", "长", "短", "近", "远": return true; default: return false }
    }

    struct Clock { var hour: Int; var minute: Int; var second: Int; var hasMinute: Bool; var explicit24: Bool }

    /// 两三点, 五六点: "two or three o'clock", two neighbouring Chinese numerals
    /// (not 23, not 56): the earlier hour.
    static func approximateHour(_ s: [Unicode.Scalar], _ i: Int) -> (end: Int, value: Int, length: Int)? {
        guard i + 2 < s.count, !PhoneExtractor.isDigit(s[i]), !PhoneExtractor.isDigit(s[i + 1]),
              let a = ChineseNumber.digit(s[i]), let b = ChineseNumber.digit(s[i + 1]), a >= 1, b == a + 1 else { return nil }
        return (i + 2, a, 2)
    }

    /// Whether `s[i - 1]` is the T of an ISO 8601 date-time (…05T09:00).
    private static func isoT(_ s: [Unicode.Scalar], _ i: Int) -> Bool {
        i >= 2 && s[i - 1] == "T" && PhoneExtractor.isDigit(s[i - 2])
    }

    /// Whether `s[i]` starts an ISO 8601 zone offset: + right after a digit
    /// (a - there is a range: 9:00-11:00).
    private static func isOffset(_ s: [Unicode.Scalar], _ i: Int) -> Bool {
        i >= 2 && s[i - 1] == "+" && PhoneExtractor.isDigit(s[i - 2])
    }

    /// Second characters of words that start with 一 (一起, 一块, 一齐, 一下, 一道, 一趟): after 点
    /// the 一 is not a minute.
    static func wordsAfterOne(_ c: Unicode.Scalar) -> Bool {
        // A switch, not a Set: hashing a character per lookup showed in a profile.
        switch c { case "起", "块", "齐", "下", "道", "趟", "同": return true; default: return false }
    }

    /// am / pm after a clock (3:15pm, 9:30 AM, 3:15p, 4 p.m.): where it ends and whether it is pm.
    /// A bare hour (3pm) takes only the two-letter forms, glued to it.
    static func meridiem(_ s: [Unicode.Scalar], _ i: Int, bareHour: Bool = false) -> (Int, Bool)? {
        var k = i
        if !bareHour, k < s.count, s[k] == " " { k += 1 }
        guard k < s.count else { return nil }
        let first = s[k]
        let pm: Bool
        switch first {
        case "p", "P": pm = true
        case "a", "A": pm = false
        default: return nil
        }
        var e = k + 1
        if e + 1 < s.count, s[e] == ".", s[e + 1] == "m" || s[e + 1] == "M" {
            e += 2
            if e < s.count, s[e] == "." { e += 1 }
        } else if e < s.count, s[e] == "m" || s[e] == "M" {
            e += 1
        } else if bareHour || k > i {
            // A lone a / p only glued to the clock (3:15p): 9:30 A栋 is a building.
            return nil
        }
        // Not the start of a word (3 apples, 9 AMD).
        if e < s.count, PhoneExtractor.isLetter(s[e]) { return nil }
        return (e, pm)
    }

    /// Cantonese minutes after 点 in fives: 踏三 / 搭三 (the third mark, :15), 踏半 (:30),
    /// 三个字 (three marks, :15).
    static func cantoneseMinutes(_ s: [Unicode.Scalar], _ i: Int) -> (Int, Int)? {
        var k = i
        let marked = k < s.count && (s[k] == "踏" || s[k] == "搭")
        if marked {
            k += 1
            if k < s.count, s[k] == "半" { return (k + 1, 30) }
        }
        guard let m = TimeScan.integer(s, k, maxLength: 2), m.value >= 1, m.value <= 11 else { return nil }
        if TimeScan.at(s, m.end, ["个", "字"]) { return (m.end + 2, m.value * 5) }
        guard marked, !(m.end < s.count && (ChineseNumber.isNumeralScalar(s[m.end]) || s[m.end] == "分")) else { return nil }
        return (m.end, m.value * 5)
    }

    /// `15:30`, `三点`, `三点半`, `3点一刻`, `八点四十五`, `十点整`, `8点05分`, `14时`.
    static func clock(_ s: [Unicode.Scalar], _ i: Int) -> (Int, Clock)? {
        let n = s.count
        guard i < n else { return nil }
        // HH:MM[:SS]
        // After a letter only as ISO 8601's T right after a date (2026-12-05T09:00).
        // Not a zone offset after a clock (…09:00+08:00).
        if PhoneExtractor.isDigit(s[i]), i == 0 || !TimeScan.isASCIIAlnum(s[i - 1]) && s[i - 1] != ":" && !isOffset(s, i) || isoT(s, i) {
            var k = i, h = 0
            while k < n, PhoneExtractor.isDigit(s[k]), k - i < 2 { h = h * 10 + Int(s[k].value - 0x30); k += 1 }
            if k + 2 < n, s[k] == ":", PhoneExtractor.isDigit(s[k + 1]), PhoneExtractor.isDigit(s[k + 2]), !(k + 3 < n && PhoneExtractor.isDigit(s[k + 3])) {
                let m = Int(s[k + 1].value - 0x30) * 10 + Int(s[k + 2].value - 0x30)
                var e = k + 3, sec = 0
                if e + 2 < n, s[e] == ":", PhoneExtractor.isDigit(s[e + 1]), PhoneExtractor.isDigit(s[e + 2]) {
                    sec = Int(s[e + 1].value - 0x30) * 10 + Int(s[e + 2].value - 0x30)
                    e += 3
                }
                guard h <= 24, m < 60, sec < 60 else { return nil }
                if e < n, s[e] == "时" || s[e] == "分" { e += 1 }
                // 3:15pm, 9:30 AM: the twelve-hour clock said in English.
                if h >= 1, h <= 12, let (end, pm) = meridiem(s, e) {
                    return (end, Clock(hour: h % 12 + (pm ? 12 : 0), minute: m, second: sec, hasMinute: true, explicit24: true))
                }
                return (e, Clock(hour: h, minute: m, second: sec, hasMinute: true, explicit24: h >= 13 || h == 0 || (k - i == 2 && s[i] == "0")))
            }
            // 3pm, 10am.
            if k > i, h >= 1, h <= 12, let (end, pm) = meridiem(s, k, bareHour: true) {
                return (end, Clock(hour: h % 12 + (pm ? 12 : 0), minute: 0, second: 0, hasMinute: false, explicit24: true))
            }
        }
        guard let h = approximateHour(s, i) ?? TimeScan.integer(s, i, maxLength: 3), h.value <= 24, h.end < n,
              s[h.end] == "点" || s[h.end] == "时" else { return nil }
        if i > 0, PhoneExtractor.isDigit(s[i - 1]) || s[i - 1] == "." { return nil }
        var e = h.end + 1
        var minute = 0, hasMinute = false
        if e < n {
            if s[e] == "半" { minute = 30; hasMinute = true; e += 1 }
            else if s[e] == "整" { e += 1 }
            else if TimeScan.at(s, e, ["一", "刻"]) || TimeScan.at(s, e, ["1", "刻"]) { minute = 15; hasMinute = true; e += 2 }
            else if TimeScan.at(s, e, ["三", "刻"]) || TimeScan.at(s, e, ["3", "刻"]) { minute = 45; hasMinute = true; e += 2 }
            // Cantonese five-minute marks: 三点踏三 / 搭三 (3:15), 踏半 (3:30), 三点三个字 (3:15).
            else if let (end, m) = cantoneseMinutes(s, e) { minute = m; hasMinute = true; e = end }
            // 十点一起去, 三点一块儿走: 一 starts a word of its own, the clock is the whole hour.
            else if s[e] == "一", e + 1 < n, Self.wordsAfterOne(s[e + 1]) {}
            // 三点两个人: 两 starts a count (a minute would be 两分), the clock is the whole hour.
            else if s[e] == "两", !(e + 1 < n && s[e + 1] == "分") {}
            else if let m = TimeScan.integer(s, e, maxLength: 3), m.value < 60 {
                let withFen = m.end < n && s[m.end] == "分"
                // 八点四十五 / 8点05 / 三点五分; not 三点五 (3.5).
                if withFen || m.length >= 2 {
                    minute = m.value; hasMinute = true; e = m.end
                    if withFen { e += 1; if e < n, s[e] == "钟" { e += 1 } }
                    if !withFen, e < n, ChineseNumber.isNumeralScalar(s[e]) || s[e] == "." { return nil }
                } else if m.end < n, ChineseNumber.isNumeralScalar(s[m.end]) || s[m.end] == "." {
                    return nil
                } else {
                    return nil // 三点五: a decimal, not a time
                }
            }
        }
        // 三点多, 两点多钟: some time after three; kept as the hour (grain hour). Not 多少.
        if !hasMinute, e < n, s[e] == "多", !(e + 1 < n && s[e + 1] == "少") { e += 1 }
        if e < n, s[e] == "钟" { e += 1 }
        // 一点 as "a little": 快一点, 早一点.
        if h.value == 1, s[i] == "一", !hasMinute, i > 0, littleBefore(s[i - 1]) { return nil }
        return (e, Clock(hour: h.value, minute: minute, second: 0, hasMinute: hasMinute, explicit24: h.value >= 13 || h.value == 0))
    }
}
