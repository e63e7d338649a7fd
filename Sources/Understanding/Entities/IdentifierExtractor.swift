/// Finds the project's identifiers (CONTRACT §4) and activity ids; values are
/// canonical upper case with a dash.
///
/// - `ticket_id` GL, `booking_id` YY, `request_id` QF: prefix, 8-digit date,
///   optional dash, a sequence of at least 4 digits (`gl202611290001` →
///   `GL20261129-0001`). Likewise `meeting_id` YS, `task_id` RW, `visit_id` ZF
///   and `need_id` XQ (co-building).
/// - `activity_id` HD: `HD-001`, `hd001`, `HD1` → `HD-001` (at least 3 digits).
/// - co-building: `need_id` XQ, `resource_id` ZY, `match_id` PP,
///   `resource_booking_id` YD in the dated form; `service_id` FW and
///   `unit_id` DW in the `HD-001` form.
public struct IdentifierExtractor: EntityExtractor {
    public init() {}

    static let prefixes: [(String, EntityType)] = [("GL", .ticketId), ("YY", .bookingId), ("QF", .requestId), ("HD", .activityId),
                                                   ("YS", .meetingId), ("RW", .taskId), ("ZF", .visitId),
                                                   ("XQ", .needId), ("ZY", .resourceId), ("PP", .matchId), ("YD", .resourceBookingId),
                                                   ("FW", .serviceId), ("DW", .unitId)]
    /// Catalogue codes (`HD-001`) rather than dated ids.
    static let codeTypes: Set<EntityType> = [.activityId, .serviceId, .unitId]

    @inline(__always) static func upper(_ c: Unicode.Scalar) -> Unicode.Scalar {
        (c.value >= 0x61 && c.value <= 0x7A) ? Unicode.Scalar(c.value - 32)! : c
    }

    public func extract(from text: ScalarText, context: ParseContext) -> [Entity] {
        let s = text.scalars
        let n = s.count
        var out: [Entity] = []
        var i = 0
        while i + 2 < n {
            if i > 0, PhoneExtractor.isLetter(s[i - 1]) || PhoneExtractor.isDigit(s[i - 1]) { i += 1; continue }
            let a = Self.upper(s[i])
            // Every prefix is two ASCII capitals: most characters are not one.
            guard a.value >= 0x41 && a.value <= 0x5A else { i += 1; continue }
            // Y Y 二零二六…: the letters spelt out one by one, as speech recognition writes them.
            let spelt = s[i + 1] == " " && i + 3 < n && !PhoneExtractor.isLetter(s[i + 3])
            let b = Self.upper(spelt ? s[i + 2] : s[i + 1])
            guard let (prefix, type) = Self.prefixes.first(where: { $0.0.unicodeScalars.first! == a && $0.0.unicodeScalars.last! == b }) else { i += 1; continue }
            var j = spelt ? i + 3 : i + 2
            if Self.codeTypes.contains(type) {
                if j < n, s[j] == "-" || s[j] == " " { j += 1 }
                let ds = j
                while j < n, PhoneExtractor.isDigit(s[j]) { j += 1 }
                guard j > ds, j - ds <= 6, j >= n || !PhoneExtractor.isLetter(s[j]) else { i += 1; continue }
                var digits = text[ds..<j]
                while digits.count < 3 { digits = "0" + digits }
                out.append(Entity(type: type, text: text[i..<j], start: i, end: j, value: .string(prefix + "-" + digits)))
                i = j
                continue
            }
            // GL二零二六幺幺二五 零零零九: an id read out digit by digit, as speech recognition writes it.
            if let (digits, end) = Self.spokenDigits(s, from: j), digits.count == 12 {
                let date = String(digits.prefix(8)), seq = String(digits.suffix(4))
                out.append(Entity(type: type, text: text[i..<end], start: i, end: end, value: .string("\(prefix)\(date)-\(seq)")))
                i = end
                continue
            }
            // GL 2026 1127 0015: the date itself read out in groups.
            if let (date, seq, end) = Self.groupedDate(s, from: j) {
                out.append(Entity(type: type, text: text[i..<end], start: i, end: end, value: .string("\(prefix)\(date)-\(seq)")))
                i = end
                continue
            }
            // GL 20261123 0019, GL-20261123-0019, GL杠20261123杠0019: typed (or dictated) with a
            // space, a dash or the dash said between the parts.
            if j + 1 < n, Self.separators.contains(s[j]) || s[j] == "_", PhoneExtractor.isDigit(s[j + 1]) { j += 1 }
            let ds = j
            while j < n, PhoneExtractor.isDigit(s[j]) { j += 1 }
            var date = "", seq = ""
            if j - ds == 8, j + 1 < n, s[j] == "-" || s[j] == "_" || (s[j] == " " || s[j] == "杠") && PhoneExtractor.isDigit(s[j + 1]) {
                let ss = j + 1
                var k = ss
                while k < n, PhoneExtractor.isDigit(s[k]) { k += 1 }
                // After a space only a short sequence (not the phone typed next).
                if k - ss >= 4, s[j] != " " || k - ss <= 5 {
                    date = text[ds..<(ds + 8)]
                    seq = text[ss..<k]
                    j = k
                }
            } else if j - ds >= 12 {
                date = text[ds..<(ds + 8)]
                seq = text[(ds + 8)..<j]
            }
            guard !date.isEmpty, j >= n || !PhoneExtractor.isLetter(s[j]) else { i += 1; continue }
            out.append(Entity(type: type, text: text[i..<j], start: i, end: j, value: .string("\(prefix)\(date)-\(seq)")))
            i = j
        }
        return out
    }

    /// An id's 8-digit date in two or more groups of digits with single
    /// spaces between them (2026 1127, 2026 11 27), then a space or a dash
    /// and a 3–5 digit sequence: the date, the sequence and where it ends.
    static func groupedDate(_ s: [Unicode.Scalar], from start: Int) -> (String, String, Int)? {
        let n = s.count
        var k = start
        if k + 1 < n, s[k] == " ", PhoneExtractor.isDigit(s[k + 1]) { k += 1 }
        // Digits counted, the date's String made only for an id that has one: an
        // ordinary id (GL20261123-0019, one group) is turned away without building
        // it (building it per id was a per cent of a parse).
        let first = k
        var digits = 0, groups = 0
        while digits < 8 {
            let run = k
            while k < n, PhoneExtractor.isDigit(s[k]) { k += 1 }
            guard k > run else { return nil }
            digits += k - run
            groups += 1
            if digits >= 8 { break }
            guard k + 1 < n, s[k] == " ", PhoneExtractor.isDigit(s[k + 1]) else { return nil }
            k += 1
        }
        guard digits == 8, groups >= 2 else { return nil }
        let dateEnd = k
        // The separator: a space or a dash, or both (2 6 - 0 0 1 1, spelt out).
        var gap = 0
        while k < n, gap < 3, s[k] == " " || s[k] == "-" { k += 1; gap += 1 }
        guard gap > 0, k < n, PhoneExtractor.isDigit(s[k]) else { return nil }
        let date = ScalarString.make(s[first..<dateEnd].lazy.filter { $0 != " " })
        let run = k
        while k < n, PhoneExtractor.isDigit(s[k]) { k += 1 }
        if k - run < 3 {
            // The sequence spelt out too (0 0 1 1): short groups with single spaces, 3–5 digits in all.
            var count = k - run, end = k
            while count < 5, end + 1 < n, s[end] == " ", PhoneExtractor.isDigit(s[end + 1]) {
                var e = end + 1
                while e < n, PhoneExtractor.isDigit(s[e]) { e += 1 }
                guard e - end - 1 <= 2, count + e - end - 1 <= 5 else { break }
                count += e - end - 1
                end = e
            }
            guard (3...5).contains(count), end >= n || !PhoneExtractor.isLetter(s[end]) else { return nil }
            return (date, ScalarString.make(s[run..<end].lazy.filter { $0 != " " }), end)
        }
        guard (3...5).contains(k - run), k >= n || !PhoneExtractor.isLetter(s[k]) else { return nil }
        return (date, ScalarString.make(s[run..<k]), k)
    }

    /// What may stand between groups of digits read out: a space, the dash said (杠) or typed.
    static let separators: Set<Unicode.Scalar> = [" ", "杠", "-"]
    /// The same between digits read out, and the comma that speech recognition writes at a pause
    /// (GL，二零二六，一一，二九，杠，零零零一); at most three in a row.
    static let spokenSeparators: Set<Unicode.Scalar> = [" ", "杠", "-", ",", "，"]

    /// Digits read one by one after a prefix, at least one of them in characters
    /// (二零二六…), with spaces, dashes or commas between groups allowed: the digits and where they end.
    static func spokenDigits(_ s: [Unicode.Scalar], from start: Int) -> (String, Int)? {
        // The digits as ASCII bytes in a buffer on the stack, one String made at
        // the end and only when one was spoken: appending Characters to a String
        // and counting it per digit was near a per cent of a parse.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 12) { digits -> (String, Int)? in
            var j = start, count = 0, spoken = false
            // GL，二零二六，一一，二九，杠，零零零一: speech recognition writes a pause as a comma.
            while j < s.count, j - start < 3, Self.spokenSeparators.contains(s[j]) { j += 1 }
            guard j < s.count, spokenDigitByte(s[j]) != nil || PhoneExtractor.isDigit(s[j]) else { return nil }
            while j < s.count, count < 12 {
                if let d = spokenDigitByte(s[j]) { digits[count] = d; count += 1; spoken = true }
                else if PhoneExtractor.isDigit(s[j]) { digits[count] = UInt8(s[j].value); count += 1 }
                // A space between groups, or the dash said (杠) or typed, with spaces around it (二七 杠 零零).
                else if Self.spokenSeparators.contains(s[j]) {
                    var k = j
                    while k < s.count, k - j < 3, Self.spokenSeparators.contains(s[k]) { k += 1 }
                    guard k < s.count, spokenDigitByte(s[k]) != nil || PhoneExtractor.isDigit(s[k]) else { break }
                    j = k
                    continue
                }
                else { break }
                j += 1
            }
            return spoken ? (String(decoding: UnsafeBufferPointer(rebasing: digits[0..<count]), as: UTF8.self), j) : nil
        }
    }

    /// A digit said in characters (零 〇 0, 一 幺 1, 二 两 2 … 九 9) as the ASCII
    /// digit's byte, by a switch (a dictionary hashed per character before).
    @inline(__always) static func spokenDigitByte(_ c: Unicode.Scalar) -> UInt8? {
        switch c {
        case "零", "〇": return 0x30
        case "一", "幺": return 0x31
        case "二", "两": return 0x32
        case "三": return 0x33
        case "四": return 0x34
        case "五": return 0x35
        case "六": return 0x36
        case "七": return 0x37
        case "八": return 0x38
        case "九": return 0x39
        default: return nil
        }
    }
}
