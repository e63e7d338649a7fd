/// Finds how many people: `2人` `两位` `三个人` `3位` `五口人` `一家三口`
/// `两大一小` (= 3), `我们两个去`, `就我一个`. A number alone (`两个`) is not a party
/// size; it needs 人, 位, 口 or 名 after it, or 个 with going (去 来 参加 报名) or
/// with 我/我们 before it and nothing after. Values 1…99.
public struct PartySizeExtractor: EntityExtractor {
    public init() {}

    public func extract(from text: ScalarText, context: ParseContext) -> [Entity] {
        let s = text.scalars
        let n = s.count
        var out: [Entity] = []
        var i = 0
        // Read once: a static's accessor (`swift_once`) per character of every line showed in a profile.
        let digits = ChineseNumber.digitTable
        // 就我自己, 就她自己: one person; 我和老伴, 老两口: two.
        if text.present & LineCharacters.countedPairs != 0, Self.mayCount(s) {
            for (phrase, count) in Self.countedPhrases {
                if let r = text.firstRange(of: phrase) { out.append(entity(text, r.lowerBound, r.upperBound, count)) }
            }
        }
        while i < n {
            // 一家三口
            if s[i] == "一", i + 3 < n, s[i + 1] == "家", let v = Self.small(s[(i + 2)..<(i + 3)]), s[i + 3] == "口" {
                var end = i + 4
                if end < n, s[end] == "人" { end += 1 }
                out.append(entity(text, i, end, v))
                i = end
                continue
            }
            // 下周三两个人: 三 is the weekday's, the count starts after it (2, not 32).
            guard Self.isCountScalar(s[i], digits), !WeekdayNumeral.at(s, i),
                  i == 0 || (!Self.isCountScalar(s[i - 1], digits) || WeekdayNumeral.at(s, i - 1) || s[i] == "两") && !PhoneExtractor.isLetter(s[i - 1]) && s[i - 1] != "-"
            else { i += 1; continue }
            var j = i
            // 俩 is a whole count (我们俩一起去: not 俩一).
            // 两 only starts a count (初三两个人: 2, not 32).
            while j < n, Self.isCountScalar(s[j]), j - i < 3, j == i || s[i] != "俩" && s[j] != "两" { j += 1 }
            guard let v = Self.small(s[i..<j]) else { i = j; continue }
            // 两大一小
            if j + 2 < n, s[j] == "大", let k = (Self.isCountScalar(s[j + 1]) ? j + 1 : nil), let w = Self.small(s[k..<(k + 1)]), s[k + 1] == "小" {
                out.append(entity(text, i, k + 2, v + w))
                i = k + 2
                continue
            }
            // A field of a system's line: party=2, 人数:3.
            if Self.afterCountKey(s, i), j == n || !PhoneExtractor.isDigit(s[j]) {
                if v >= 1, v < 100 { out.append(entity(text, i, j, v)) }
                i = j
                continue
            }
            var end = j
            if end < n, s[end] == "个" { end += 1 }
            if end < n, s[end] == "口" { end += 1; if end < n, s[end] == "人" { end += 1 } }
            else if end > j, end + 1 < n, s[end] == "位", s[end + 1] == "置" || s[end + 1] == "子" { end += 2 } // 两个位置
            else if end > j, end < n, s[end] == "位", !(end + 1 < n && s[end + 1] == "数") { end += 1 } // 留两个位
            else if end == j || s[end - 1] == "个", let kin = Self.word(of: Self.kin, in: s, at: end) {
                end += kin.count // 我们两兄弟, 两个姐妹, 两口子
            }
            else if end == j || s[end - 1] == "个", i > 0, s[i - 1] == "们",
                    let friend = Self.word(of: Self.friends, in: s, at: end) {
                end += friend.count // 我们两个老姐妹
            }
            else if end < n, s[end] == "人" || (end == j && (s[end] == "位" || s[end] == "名"))
                        || (end > j && s[end] == "名" && !(end + 1 < n && s[end + 1] == "额") && i > 0 && Self.bookingVerbs(s[i - 1])) { // 给我家小孩报一个名
                // 两位数, 人民币, 人次 are not people.
                if end + 1 < n, s[end + 1] == "数" || s[end + 1] == "民" || s[end + 1] == "次" { i = j; continue }
                end += 1
            } else if end > j || s[j - 1] == "俩", Self.going(s, at: end) || Self.together(s, at: end)
                        || Self.alone(s, from: i, end: end) || Self.people(s, at: end) {
                // 俩 is 两个 in one character (我和同事俩).
                // 我们两个去, 就我一个: 个 with who is going, not 两个苹果.
            } else if s[i] == "俩", i > 0, "娘爷女子妹弟".unicodeScalars.contains(s[i - 1]) {
                // 我们娘俩, 父子俩, 姐妹俩: a parent and child or two siblings, two people.
            } else { i = j; continue }
            guard v >= 1, v < 100 else { i = end; continue }
            // 一个大人一个小孩, 两个大人、一个孩子: who and how many, twice, is one party.
            if let (w, pairEnd) = Self.secondGroup(s, after: end, digits) ?? Self.secondGroupNounFirst(s, count: i, end: end, digits) {
                out.append(entity(text, i, pairEnd, v + w))
                i = pairEnd
                continue
            }
            out.append(entity(text, i, end, v))
            i = end
        }
        if out.isEmpty, text.present & LineCharacters.me != 0, let r = Self.meAndSomeone(s) { out.append(entity(text, r.lowerBound, r.upperBound, 2)) }
        return out
    }

    /// 一起 after a count: 我们俩一起去.
    static func together(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        // 一起, and Cantonese 一齐, 一块 (两个一齐去).
        i + 1 < s.count && s[i] == "一" && (s[i + 1] == "起" || s[i + 1] == "齐" || s[i + 1] == "块")
    }

    /// "Me and" someone going together or booked together, said without a
    /// number: 我跟我女儿一起, 给我和我爱人登记一下 — two people.
    static func meAndSomeone(_ s: [Unicode.Scalar]) -> Range<Int>? {
        let n = s.count
        var k = 0
        while k + 2 < n {
            defer { k += 1 }
            // 我想和我老伴一起去, 带我老伴一起: 和我 / 带我 + someone, as 我和 + someone.
            guard s[k] == "我" && withWords(s[k + 1]) || withWords(s[k]) && s[k + 1] == "我" else { continue }
            let forMe = k > 0 && (s[k - 1] == "给" || s[k - 1] == "帮")
            for length in 1...4 where k + 2 + length < n {
                let after = k + 2 + length
                if s[(k + 2)..<after].contains(where: { notSomeone($0) || PhoneExtractor.isDigit($0) }) { break }
                if together(s, at: after) { return k..<(after + 2) }
                // 我和我妈想去, 我跟我女儿要去: going together, said with 想 / 要 / 都.
                if after < n, s[after] != "去", going(s, at: after) { return k..<after }
                if forMe, registerFirsts(s[after]) { return k..<after }
                // …瑜伽，我和我闺蜜，电话…: "me and" someone said as a clause of its own, at the line's start or after a comma.
                // Typed with spaces as well (约个健康义诊 十二月五号 我同我老公 电话…).
                if after < n, clauseEnd(s[after]), k == 0 || clauseEnd(s[k - 1]) { return k..<after }
            }
        }
        return nil
    }

    /// The first characters of 登记 / 报名 / 预约 / 约: what "for me and X" is done.
    static func registerFirsts(_ c: Unicode.Scalar) -> Bool {
        switch c { case "登", "报", "预", "约": return true; default: return false }
    }

    /// The keys of a head count in key=value lines (party=2, 人数:3).
    static let countKeys = ["party", "people", "persons", "party_size", "size", "人数", "人数为"].map { Array($0.unicodeScalars) }

    /// Whether `s[i]` follows a head-count key and `=` or `:` (not inside a longer key: third_party=2).
    static func afterCountKey(_ s: [Unicode.Scalar], _ i: Int) -> Bool {
        guard i >= 2, s[i - 1] == "=" || s[i - 1] == ":" else { return false }
        return countKeys.contains { key in
            let start = i - 1 - key.count
            guard start >= 0, s[start..<(i - 1)].elementsEqual(key) else { return false }
            return start == 0 || !(s[start - 1].isASCII && (s[start - 1].properties.isAlphabetic || s[start - 1] == "_"))
        }
    }

    /// After `N个`, a word of going or joining makes it a count of people.
    static func goingWords(_ c: Unicode.Scalar) -> Bool {
        switch c { case "去", "来", "参", "报", "过": return true; default: return false }
    }

    /// A word of going at `i`, or one after 想 / 要 / 都 (两个想去, 我和我妈都要去).
    static func going(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        var k = i
        while k < s.count, k - i < 2, wishWords(s[k]) { k += 1 }
        return k < s.count && goingWords(s[k]) && !(k + 1 < s.count && s[k] == "过" && s[k + 1] == "了")
    }

    static func wishWords(_ c: Unicode.Scalar) -> Bool {
        switch c { case "想", "要", "都": return true; default: return false }
    }

    /// 我, and 俺 / 咱 as northern speakers say it (就俺一个).
    static func isMe(_ c: Unicode.Scalar) -> Bool {
        switch c { case "我", "俺", "咱": return true; default: return false }
    }

    /// `我一个` / `我们俩个`, `就她一个`, `我和孩子两个`, `约一个` / `报两个` said as a phrase of
    /// its own (followed by a separator or the end).
    static func alone(_ s: [Unicode.Scalar], from i: Int, end: Int) -> Bool {
        let after: Bool
        if end == s.count { after = true } else {
            switch s[end] { case ",", " ", ".", "，", "。", ";", "？", "?", "吧": after = true; default: after = false }
        }
        guard after, i > 0 else { return false }
        // 就我一个, 我们两个; 俺 / 咱 are 我 in the north (就俺一个), 我哋 is 我们 in Cantonese.
        if isMe(s[i - 1]) || i > 1 && isMe(s[i - 2]) && (s[i - 1] == "们" || s[i - 1] == "哋") { return true }
        // 大人小孩一共三个, 总共两个: a total.
        if s[i - 1] == "共" { return true }
        // …课后托管，1个，家长电话…, 约瑜伽 后天晚上7点 桂花社区 2个 电话…: a count standing as a clause of its own.
        if clauseEnd(s[i - 1]), end - i <= 2, end < s.count, clauseEnd(s[end]) { return true }
        // 就她一个, 就他两个: someone booked for, with 就 ("just").
        if i > 1, s[i - 2] == "就", s[i - 1] == "她" || s[i - 1] == "他" { return true }
        if bookingVerbs(s[i - 1]) { return true }
        // 义诊 12月5日上午 报名两个, 预约两个: the booking said as a word of two.
        if i > 1, s[i - 2] == "报" && s[i - 1] == "名" || s[i - 2] == "预" && s[i - 1] == "约" { return true }
        // 孩子一个, 大人两个: who, then how many.
        if peopleNouns.contains(where: { i >= $0.count && s[(i - $0.count)..<i].elementsEqual($0) }) { return true }
        // 我和孩子两个, 我跟我老公 两个: "me and" someone (a word of one to three
        // characters) right before, or one space before.
        let before = s[i - 1] == " " ? i - 1 : i
        for k in max(0, before - 5)..<max(0, before - 1) where s[k] == "我" && withWords(s[k + 1]) {
            let who = s[(k + 2)..<before]
            return (1...3).contains(who.count) && !who.contains { notSomeone($0) }
        }
        return false
    }

    /// Characters that make the words after 我和 a clause, not a person (我和他说了两个).
    static func notSomeone(_ c: Unicode.Scalar) -> Bool {
        switch c { case "说", "讲", "了", "要", "是", "有", "在", "，", ",", " ": return true; default: return false }
    }

    /// 1个小孩, 两个大人: 个 followed by who (the noun is not part of the span).
    static func people(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        word(of: peopleNouns, in: s, at: i) != nil
    }

    /// After `N个大人` ending at `end` (the noun not yet in the span): `M个小孩`, straight on or
    /// after 、, 和, 加 or 带 — the second group's count and where it ends. Only grown-ups and
    /// children pair up (两个同事一个名额 is no party of three).
    static func secondGroup(_ s: [Unicode.Scalar], after end: Int, _ digits: ScalarTable<Int8>) -> (Int, Int)? {
        guard let first = word(of: familyNouns, in: s, at: end) else { return nil }
        var k = end + first.count
        if k < s.count, s[k] == "、" || s[k] == "和" || s[k] == "加" || s[k] == "带" || s[k] == "," || s[k] == "，" { k += 1 }
        guard k + 1 < s.count, isCountScalar(s[k], digits), s[k + 1] == "个", let w = small(s[k..<(k + 1)]),
              let second = word(of: familyNouns, in: s, at: k + 2), !second.elementsEqual(first) else { return nil }
        return (w, k + 2 + second.count)
    }

    /// The same said noun first (大人一个小孩两个 = 3): the count at `count` follows a grown-up or a
    /// child, and another of them follows it with its own count.
    static func secondGroupNounFirst(_ s: [Unicode.Scalar], count i: Int, end: Int, _ digits: ScalarTable<Int8>) -> (Int, Int)? {
        guard let first = familyNouns.first(where: { i >= $0.count && s[(i - $0.count)..<i].elementsEqual($0) }) else { return nil }
        var k = end
        if k < s.count, s[k] == "、" || s[k] == "," || s[k] == "，" || s[k] == " " { k += 1 }
        guard let second = word(of: familyNouns, in: s, at: k), !second.elementsEqual(first) else { return nil }
        k += second.count
        guard k < s.count, isCountScalar(s[k], digits), let w = small(s[k..<(k + 1)]) else { return nil }
        k += 1
        if k < s.count, s[k] == "个" || s[k] == "位" { k += 1 }
        return (w, k)
    }

    /// Grown-ups and children, the two groups a family books as (`secondGroup`).
    static let familyNouns = ["老人家", "小朋友", "小孩", "孩子", "大人", "老人", "家长", "娃"].map { Array($0.unicodeScalars) }

    /// The first of `words` that starts at `i`.
    static func word(of words: [[Unicode.Scalar]], in s: [Unicode.Scalar], at i: Int) -> [Unicode.Scalar]? {
        words.first { i + $0.count <= s.count && s[i..<(i + $0.count)].elementsEqual($0) }
    }
    /// Kin counted together: 两兄弟, 三姐妹, 两口子.
    static let kin = ["兄弟", "姐妹", "姊妹", "口子", "夫妻"].map { Array($0.unicodeScalars) }
    /// Friends counted together: the party only after 我们 / 咱们 (我们两个老姐妹); 我和两个老伙计 is three.
    static let friends = ["老姐妹", "好姐妹", "老兄弟", "老伙计", "老朋友", "闺蜜"].map { Array($0.unicodeScalars) }

    static let peopleNouns = ["老人家", "小孩", "孩子", "小子", "细路", "细佬", "小朋友", "大人", "老人", "学生", "家长", "名额", "娃", "小姑娘", "姑娘", "小伙子", "同事", "员工", "孙子", "孙女", "外孙"].map { Array($0.unicodeScalars) }

    /// Phrases that say how many without a number.
    static let countedPhrases: [([Unicode.Scalar], Int)] =
        [("就我自己", 1), ("就她自己", 1), ("就他自己", 1), ("只有我自己", 1), ("我自己一个", 1),
         ("我自个儿", 1), ("我自己,", 1), ("我自己 ", 1), ("俺自个儿", 1), ("就我自个", 1),
         ("我和老伴", 2), ("我和我老伴", 2), ("我跟老伴", 2), ("我同老伴", 2), ("老两口", 2), ("两口子", 2), ("老伴和自己", 2), ("自己和老伴", 2), ("老伴跟自己", 2), ("我自己去", 1)].map { phrase, count in
            let scalars = Array(phrase.unicodeScalars)
            // `mayCount` looks only for these pairs: a phrase without one would never be searched.
            precondition(mayCount(scalars), "countedPhrases: \(phrase) has none of 自己 自个 老伴 两口")
            return (scalars, count)
        }

    /// Whether one of `countedPhrases` can be in the line: each has 自己, 自个, 老伴 or
    /// 两口 in it, and most lines have none of these, so one pass over the
    /// line replaces eleven searches (a twentieth of the entity work in a profile).
    static func mayCount(_ s: [Unicode.Scalar]) -> Bool {
        guard s.count >= 3 else { return false }
        for i in 1..<s.count {
            switch s[i] {
            case "己", "个": if s[i - 1] == "自" { return true }
            case "伴": if s[i - 1] == "老" { return true }
            case "口": if s[i - 1] == "两" { return true }
            default: break
            }
        }
        return false
    }

    /// 约一个, 报两个, 订三个, 算一个, 占一个: booking places.
    static func bookingVerbs(_ c: Unicode.Scalar) -> Bool {
        switch c { case "约", "报", "订", "算", "占", "留": return true; default: return false }
    }
    /// A comma or a space: where a clause ends (…，我和我闺蜜，… / … 我同我老公 电话…).
    static func clauseEnd(_ c: Unicode.Scalar) -> Bool {
        switch c { case "，", ",", " ": return true; default: return false }
    }

    /// 我和, 我跟, 我同, 我带: the caller and others.
    static func withWords(_ c: Unicode.Scalar) -> Bool {
        switch c { case "和", "跟", "同", "带": return true; default: return false }
    }

    func entity(_ text: ScalarText, _ a: Int, _ b: Int, _ v: Int) -> Entity {
        Entity(type: .partySize, text: text[a..<b], start: a, end: b, value: .number(Double(v)))
    }

    static func isCountScalar(_ c: Unicode.Scalar) -> Bool {
        PhoneExtractor.isDigit(c) || (ChineseNumber.digit(c) != nil && c != "零" && c != "〇") || c == "十" || c == "俩"
    }

    /// The same with `ChineseNumber.digitTable` given (read once per line by the caller).
    @inline(__always) static func isCountScalar(_ c: Unicode.Scalar, _ digits: ScalarTable<Int8>) -> Bool {
        PhoneExtractor.isDigit(c) || (digits[c] >= 0 && c != "零" && c != "〇") || c == "十" || c == "俩"
    }

    static func small(_ s: ArraySlice<Unicode.Scalar>) -> Int? {
        if s.count == 1, s.first == "俩" { return 2 }
        guard let v = ChineseNumber.parse(scalars: s), v == v.rounded(), v >= 0, v < 100 else { return nil }
        return Int(v)
    }
}
