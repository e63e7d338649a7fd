/// A person's name said with a marker: 姓名张三, 我叫李四, 联系人王五, 张先生/李女士;
/// after a weaker marker (叫王秀英, 名字写李明, 派给张伟) only a surname-led name
/// that ends cleanly.
enum PersonName {
    static let markers = ["姓名是", "姓名", "名字是", "名字叫", "我叫", "联系人", "代表人", "报事人", "上报人", "报告人", "反映人", "来电人", "来电者", "来电市民", "打电话的是", "来电的是", "诉求人", "巡查人", "巡查员", "走访人", "走访员", "投诉人", "举报人", "求助人", "本人", "居民", "市民", "公司的", "财务", "会计", "人事", "出纳", "名字就写"]
    /// First characters of the verbs that follow a caller's name (说, 讲, 称, 反映, 表示, 投诉, 打电话).
    /// A switch, not a `Set`: hashing a character per lookup showed in a profile.
    private static func tellingVerbs(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "说", "讲", "称", "反", "表", "投", "打",
             // …and of booking: 帮居民李秀英约礼拜五的太极拳.
             "约", "订", "预", "报": return true
        default: return false
        }
    }
    /// A role said between a marker and the name (上报人网格员夏秀英, 联系人党员陈志华).
    private static let roles = ["网格员", "楼栋长", "街区长", "志愿者", "党员", "居民", "业主", "物业经理", "经理", "叫"].map { Array($0.unicodeScalars) }
    /// `markers` and the titles as scalars, made once (this runs on every line).
    private static let markerScalars = markers.map { Array($0.unicodeScalars) }
    private static let weakMarker = Array("居民".unicodeScalars)
    /// Markers mostly followed by what someone does (居民说又漏了, 本人参加):
    /// a name only when a surname starts it.
    /// A firm's contact (深圳市凯达智能装备有限公司的汪宁, 我是财务谢洋): a name only when a surname starts it
    /// too, and only the name leaves the account.
    private static let firmContactMarkers = ["公司的", "财务", "会计", "人事", "出纳"].map { Array($0.unicodeScalars) }
    private static let surnameLedMarkers = ["居民", "市民", "本人", "打电话的是", "来电的是"].map { Array($0.unicodeScalars) } + firmContactMarkers
    private static let titleScalars = ["老先生", "先生", "女士", "阿姨", "大爷", "师傅"].map { Array($0.unicodeScalars) }
    /// The markers' and titles' first characters (a few each): a line with none needs no search for them.
    private static let markerFirsts = Array(Set(markerScalars.map { $0[0] }))
    /// First character → the markers that begin with it, one bit each by index into `markerScalars`
    /// (a load: a dictionary keyed by the scalar hashed it at every marker's first character of a line).
    private static let markersByFirst = ScalarTable(firstCharactersOf: markerScalars)
    private static let titleFirsts = Array(Set(titleScalars.map { $0[0] }))
    /// Per scalar: 1 when a marker starts with it, 2 when a title does (a load per character).
    private static let firstTable: ScalarTable<UInt8> = {
        var bits: [Unicode.Scalar: UInt8] = [:]
        for s in markerFirsts { bits[s, default: 0] |= 1 }
        for s in titleFirsts { bits[s, default: 0] |= 2 }
        return ScalarTable(bits, missing: 0)
    }()

    static func find(in text: String) -> String? {
        findRange(in: ScalarText(text)).map(\.0)
    }

    static func findRange(in text: ScalarText) -> (String, Range<Int>)? {
        let scalars = text.scalars
        // Most lines have no marker's or title's first character: one pass tells.
        var firsts: UInt8 = 0
        for s in scalars { firsts |= firstTable[s] }
        let markerFirst = firsts & 1 != 0, titleFirst = firsts & 2 != 0
        // Each marker's occurrences, found in one pass over the line (one search per
        // marker, twenty, was most of this function in a profile), then tried marker
        // by marker in list order, each from the left, as those searches did.
        var occurrences: [(marker: Int, at: Int)] = []
        if markerFirst {
            let byFirst = markersByFirst
            for i in 0..<scalars.count where firstTable[scalars[i]] & 1 != 0 {
                // The markers that begin here, in list order (lowest bit first).
                var starting = byFirst[scalars[i]]
                while starting != 0 {
                    let k = starting.trailingZeroBitCount
                    starting &= starting - 1
                    let m = markerScalars[k]
                    if m.count < scalars.count, i + m.count <= scalars.count, scalars[i..<(i + m.count)].elementsEqual(m) {
                        occurrences.append((k, i))
                    }
                }
            }
            if occurrences.count > 1 { occurrences.sort { ($0.marker, $0.at) < ($1.marker, $1.at) } }
        }
        for (k, i) in occurrences {
            let m = markerScalars[k]
            var j = i + m.count
            while j < scalars.count, scalars[j] == ":" || scalars[j] == " " || scalars[j] == "：" || scalars[j] == "=" { j += 1 }
            // 来电人姓黄 / 反映人姓孟，孟庆华: the surname said as such is read below (`surnameOnly`), with the whole name after it.
            if j < scalars.count, scalars[j] == "姓" { continue }
            if m != weakMarker, let role = roles.first(where: { j + $0.count < scalars.count && scalars[j..<(j + $0.count)].elementsEqual($0) }) {
                j += role.count
            }
            let start = j
            // 来电人称她…, 来电人说…: the verb, not a name; 来电人很害怕, 来电人也…: how they are, not who.
            if start < scalars.count, tellingVerbs(scalars[start]) || Self.notANameStart(scalars[start]) { continue }
            while j < scalars.count, j - start < 4, isHan(scalars[j]), !stopWords(scalars[j]) {
                // 来电人王秀英说…, 刘秀英反映: a verb of telling ends a name of two characters or more.
                if j - start >= 2, tellingVerbs(scalars[j]) { break }
                // 居民王秀英来电: 来电 ends the name too.
                if j - start >= 2, scalars[j] == "来", j + 1 < scalars.count, scalars[j + 1] == "电" { break }
                j += 1
                // A title ends the name (居民李女士来电: 李女士, not 李女士来).
                if titleScalars.contains(where: { t in j >= start + t.count && scalars[(j - t.count)..<j].elementsEqual(t) }) { break }
            }
            // 居民 and 本人 are mostly followed by what someone did (居民基本满意,
            // 本人参加): a name only when a surname starts it.
            if surnameLedMarkers.contains(m), start < scalars.count, !surnames(scalars[start]) { continue }
            // 姓名不详, 联系人保密: no name given.
            if j - start >= 2, !notGiven.contains(where: { scalars[start...].starts(with: $0) }) {
                // A firm's contact: the firm and the role stay in the account, only the name is taken out.
                return (text[start..<j], Self.firmContactMarkers.contains(m) ? start..<j : i..<j)
            }
            // 联系人黄/13411223344: a surname alone after the marker, the token ending there.
            if j - start == 1, m != weakMarker, surnames(scalars[start]), j == scalars.count || !isHan(scalars[j]) {
                return (text[start..<j], i..<j)
            }
        }
        // The searches beside a mobile number only on a line with a digit (`LineCharacters`).
        let digits = text.present & LineCharacters.digit != 0
        if let found = nameAfterWeakMarker(scalars)
            ?? (digits ? nameBeforePhone(scalars) ?? nameEndingTheLine(scalars) ?? nameBetweenSpaces(scalars) : nil) {
            // 我是刘建军, 我是老刘: the account loses 我是 with the name, as it loses 我叫.
            let saidAs = found.lowerBound >= 2 && scalars[found.lowerBound - 2] == "我" && scalars[found.lowerBound - 1] == "是"
            return (text[found], (saidAs ? found.lowerBound - 2 : found.lowerBound)..<found.upperBound)
        }
        // 姓周: the name is the surname; the range (what leaves the description) takes 姓 too.
        if text.present & LineCharacters.surname != 0, let found = surnameOnly(scalars) {
            // 我姓黄 leaves the description whole, 我 too.
            let from = found.lowerBound >= 2 && scalars[found.lowerBound - 2] == "我" ? found.lowerBound - 2 : found.lowerBound - 1
            // 我姓黄，黄秀英: the whole name said right after the surname.
            if let whole = fullName(after: found, scalars) { return (text[whole], from..<whole.upperBound) }
            return (text[found], from..<found.upperBound)
        }
        for t in titleScalars where titleFirst {
            guard scalars.count > t.count else { continue }
            for i in 1...(scalars.count - t.count) where scalars[i] == t[0] && scalars[i..<(i + t.count)].elementsEqual(t) && isHan(scalars[i - 1]) {
                // 孙建华先生: the whole name before the title; 王先生: the surname with it.
                if let whole = nameBefore(title: i, scalars) { return (text[whole], whole.lowerBound..<(i + t.count)) }
                return (text[(i - 1)..<(i + t.count)], (i - 1)..<(i + t.count))
            }
        }
        return nil
    }

    /// A full name right before a title (的孙建华先生): two or three characters led
    /// by a common surname, none of them a word that cannot be in a name.
    static func nameBefore(title at: Int, _ s: [Unicode.Scalar]) -> Range<Int>? {
        for length in [3, 2] where at - length >= 0 {
            let body = (at - length)..<at
            guard surnames(s[body.lowerBound]), body.allSatisfy({ isHan(s[$0]) && !stopWords(s[$0]) }),
                  !notNames.contains(where: { s[body].starts(with: $0) }) else { continue }
            // Two surnames in a row (向王先生: "to Mr Wang"): the title's own surname is the name.
            if length == 2, surnames(s[at - 1]) { continue }
            return body
        }
        return nil
    }

    /// A name said as its own token right before a mobile number, as operators
    /// type it (…/电梯异响/李秀兰 13922334455, …，王芳，13922220000): two or three
    /// characters starting with a common surname, after a separator or at the start.
    static func nameBeforePhone(_ s: [Unicode.Scalar]) -> Range<Int>? {
        func isStop(_ c: Unicode.Scalar) -> Bool {
            switch c {
            case ".", "。", "!", "！", "?", "？": return true
            default: return false
            }
        }
        func isSeparator(_ c: Unicode.Scalar) -> Bool {
            switch c {
            case " ", ",", "/", ":", ";", "，", "、": return true
            default: return false
            }
        }
        var i = 0
        while i + 11 <= s.count {
            guard s[i] == "1", PhoneExtractor.isDigit(s[i + 1]), i == 0 || !PhoneExtractor.isDigit(s[i - 1]),
                  mobileEnd(s, from: i) != nil else { i += 1; continue }
            var end = i
            while end > 0, isSeparator(s[end - 1]) { end -= 1 }
            // 老邓，手机13555667788: the phone's own label between the name and the number.
            if let label = phoneLabels.first(where: { end >= $0.count && s[(end - $0.count)..<end].elementsEqual($0) }) {
                end -= label.count
                while end > 0, isSeparator(s[end - 1]) { end -= 1 }
            }
            var start = end
            while start > 0, end - start < 3, isHan(s[start - 1]), !isSeparator(s[start - 1]) { start -= 1 }
            // …吓哭了。张丽 13903210987: a sentence's end before the name sets it apart as well (not between
            // the name and the number: 我姓黄，黄秀英。电话… is read with the surname said first).
            let standsAlone = start == 0 || isSeparator(s[start - 1]) || isStop(s[start - 1])
            // …/楼道灯不亮/张 13455556666: a surname alone as the token before the number, slash-separated.
            let surnameAlone = end - start == 1 && start > 0 && s[start - 1] == "/" && surnames(s[start])
            if surnameAlone { return start..<end }
            // (瑜伽 周二 13800138000: a weekday, not Mr Zhou.)
            if end - start >= 2, standsAlone, surnames(s[start]) || end - start == 2 && isFamiliar(s, at: start), !(start..<end).contains(where: { stopWords(s[$0]) }),
               !notNames.contains(where: { s[start..<end].starts(with: $0) }) {
                return start..<end
            }
            i += 11
        }
        return nil
    }

    /// Markers that are also everyday words (叫 in 叫人来修, 给 in 交给物业): a name
    /// follows only when a common surname starts it and it ends cleanly.
    private static let weakMarkers = ["名字写", "名字填", "名字", "登记人", "写名字", "派给", "转给", "交给", "派单给", "转派俾", "派俾", "转俾", "联系我", "叫我", "住户", "租客", "业主",
                                      // a role said right before the name (网格员范明, 维修班长王强, 长者李桂兰)
                                      "网格员", "楼栋长", "街区长", "班长", "队长", "师傅", "长者", "社工", "业主代表", "居民代表", "工人代表", "代表",
                                      // who the caller is to the one concerned (我是孩子妈妈林小燕, 我是他儿子刘明)
                                      "孩子妈妈", "孩子爸爸", "他儿子", "她儿子", "他女儿", "她女儿", "外孙", "孙女", "儿媳妇", "女婿", "家长", "邻居", "店主", "老板娘", "孩子他爸", "孩子他妈", "楼长", "车主", "接线员", "assignee=", "name=", "reporter=", "contact=", "to=",
                                      // 转派 GL… 给金梓涵: an operator's dispatch, the assignee after a spaced 给
                                      " 给",
                                      // a firm's staff by their role (HR任雅琪: round 253)
                                      "HR", "hr", "人事部"].map { Array($0.unicodeScalars) }
    /// Where `nameAfterWeakMarker` looks at all: 叫, 我 and 俺 (我是…的, 俺是老刘), 给 after an id and the
    /// weak markers' first characters. A test it adds must start at one of these.
    private static let weakFirstTable = ScalarTable(Dictionary(weakMarkers.map { ($0[0], true) } + [("叫", true), ("我", true), ("俺", true), ("给", true)],
                                                               uniquingKeysWith: { a, _ in a }),
                                                    missing: false)
    /// First character → the weak markers that begin with it, one bit each by index.
    private static let weakByFirst = ScalarTable(firstCharactersOf: weakMarkers)
    /// What may follow a name in a sentence (黎晓红处理, 张伟负责, 李明去看, 何伟反映).
    private static func afterName(_ c: Unicode.Scalar) -> Bool {
        // A switch, not a Set: hashing a character per lookup showed in a profile.
        switch c { case "处", "负", "跟", "去", "来", "办", "电", "手", "吧", "啊", "呀", "就", "巡", "反", "，": return true; default: return false }
    }
    /// 叫 counts only after a separator or a pronoun (，叫王秀英 / 我叫 / 她叫), not in 叫人.
    private static func beforeCalled(_ c: Unicode.Scalar) -> Bool {
        // A switch, not a Set: hashing a character per lookup showed in a profile.
        switch c { case "我", "他", "她", "您", "，", ",", " ", "/", "、", "：", ":": return true; default: return false }
    }

    /// A name after a weak marker, or after 叫 as in "，叫王秀英，": two or three
    /// characters led by a surname, followed by a non-Chinese character, the end,
    /// or a word that goes after names (`afterName`).
    static func nameAfterWeakMarker(_ s: [Unicode.Scalar]) -> Range<Int>? {
        /// `closedBy`: one more character the name may stand before (的 in 一个叫刘志勇的打来的).
        func name(from start: Int, closedBy: Unicode.Scalar? = nil) -> Range<Int>? {
            // 住户老张: how neighbours call someone, a surname with 老 or 小.
            if isFamiliar(s, at: start), start + 2 == s.count || !isHan(s[start + 2]) || afterName(s[start + 2]) {
                // 老李，李国强: the whole name said right after.
                return fullName(after: (start + 1)..<(start + 2), s) ?? start..<(start + 2)
            }
            guard start < s.count, surnames(s[start]) else { return nil }
            for length in [3, 2] where start + length <= s.count {
                let body = start..<(start + length)
                // 叫李福来 at the end of a clause: 来 is the name's last character, not "comes".
                let closes = body.upperBound == s.count || !isHan(s[body.upperBound])
                guard body.allSatisfy({ isHan(s[$0]) && !stopWords(s[$0]) && (!afterName(s[$0]) || closes && $0 == body.upperBound - 1) })
                else { continue }
                if body.upperBound == s.count || !isHan(s[body.upperBound]) || afterName(s[body.upperBound])
                    || s[body.upperBound] == closedBy { return body }
            }
            return nil
        }
        let weakBy = weakByFirst
        for i in s.indices where weakFirstTable[s[i]] {
            // 转派GL20261128-0015给金梓涵: the assignee right after the ticket's id (no other test starts at 给).
            if s[i] == "给" {
                if i > 0, PhoneExtractor.isDigit(s[i - 1]), let found = name(from: i + 1) { return found }
                continue
            }
            // 叫我老林就行: how the caller wants to be called, 老/小 and a surname.
            if s[i] == "叫", i + 3 < s.count, s[i + 1] == "我", isFamiliar(s, at: i + 2),
               i + 4 == s.count || !isHan(s[i + 4]) || "就吧啊呀".unicodeScalars.contains(s[i + 4]) {
                return (i + 2)..<(i + 4)
            }
            // 叫 right after a separator or pronoun (，叫王秀英); after another word
            // (孩子叫陈乐乐) only when the name ends the clause, or as "one called …" (一个叫刘志勇的打来的: round 251).
            if s[i] == "叫", let found = name(from: i + 1),
               i == 0 || beforeCalled(s[i - 1]) || found.upperBound == s.count || !isHan(s[found.upperBound]) {
                return found
            }
            if s[i] == "叫", i > 0, s[i - 1] == "个", let found = name(from: i + 1, closedBy: "的") { return found }
            // 我是老刘, 俺是老刘: the caller as neighbours call them, ending the clause.
            if s[i] == "我" || s[i] == "俺", i + 3 < s.count, s[i + 1] == "是", isFamiliar(s, at: i + 2),
               i + 4 == s.count || !isHan(s[i + 4]) || "就吧啊呀".unicodeScalars.contains(s[i + 4]) {
                return (i + 2)..<(i + 4)
            }
            // 我是刘建军 13798765401: the caller's own name, after a pause, ending the clause.
            if s[i] == "我", i + 1 < s.count, s[i + 1] == "是", i == 0 || !isHan(s[i - 1]),
               let found = name(from: i + 2), found.upperBound == s.count || !isHan(s[found.upperBound]) && !PhoneExtractor.isDigit(s[found.upperBound]) {
                // (我是金港苑7栋的: an estate with its building, not a name.)
                return found
            }
            // 我是黎光社区的陈明: who the caller is, after 我是…的, ending the clause.
            if s[i] == "我", i + 1 < s.count, s[i + 1] == "是",
               let of = (i + 2..<min(s.count, i + 12)).first(where: { s[$0] == "的" }), let found = name(from: of + 1),
               found.upperBound == s.count || !isHan(s[found.upperBound]) {
                return found
            }
            // The markers that begin here, in list order, by a bit each: comparing every marker's
            // first character (53) at every 我 of a line was most of this function in a count.
            var starting = weakBy[s[i]]
            while starting != 0 {
                let k = starting.trailingZeroBitCount
                starting &= starting - 1
                let m = weakMarkers[k]
                guard i + m.count <= s.count, s[i..<(i + m.count)].elementsEqual(m) else { continue }
                var j = i + m.count
                while j < s.count, s[j] == " " || s[j] == ":" || s[j] == "：" { j += 1 }
                // 派给网格员杨凯: the role between the marker and the name.
                if let role = roles.first(where: { j + $0.count < s.count && s[j..<(j + $0.count)].elementsEqual($0) }) { j += role.count }
                if let found = name(from: j) { return found }
            }
        }
        return nil
    }

    /// Where a mobile number that starts at `i` ends: eleven digits, typed in one
    /// run or in groups with a space or a dash between them (186 7654 3210); nil if none.
    static func mobileEnd(_ s: [Unicode.Scalar], from i: Int) -> Int? {
        var j = i, count = 0
        while j < s.count, count < 11 {
            if PhoneExtractor.isDigit(s[j]) { count += 1; j += 1 } else if isGroupPause(s, at: j) { j += 1 } else { break }
        }
        return count == 11 && (j == s.count || !PhoneExtractor.isDigit(s[j])) ? j : nil
    }

    /// A space or dash between two digits: a pause inside a number said in groups.
    static func isGroupPause(_ s: [Unicode.Scalar], at j: Int) -> Bool {
        (s[j] == " " || s[j] == "-") && j > 0 && j + 1 < s.count && PhoneExtractor.isDigit(s[j - 1]) && PhoneExtractor.isDigit(s[j + 1])
    }

    private static let phoneLabels = ["联系电话", "手机号", "手机", "电话", "号码"].map { Array($0.unicodeScalars) }

    /// 老林, 小赵: a surname with 老 or 小, how neighbours and colleagues are called.
    static func isFamiliar(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        i + 1 < s.count && (s[i] == "老" || s[i] == "小") && surnames(s[i + 1])
    }

    /// A name typed last, after the mobile number (…电话13800138000 张三): two or
    /// three characters led by a surname, alone after a separator, ending the line.
    static func nameEndingTheLine(_ s: [Unicode.Scalar]) -> Range<Int>? {
        var end = s.count
        while end > 0, [" ", "。", ".", "！"].contains(s[end - 1]) { end -= 1 }
        var start = end
        while start > 0, end - start < 4, isHan(s[start - 1]) { start -= 1 }
        // One character only for a surname said alone (13645678901 吴), not 谢 (thanks).
        guard (1...3).contains(end - start), end - start > 1 || s[start] != "谢", start > 0, [" ", ",", "，", "/"].contains(s[start - 1]),
              surnames(s[start]) || end - start == 2 && isFamiliar(s, at: start),
              !(start..<end).contains(where: { stopWords(s[$0]) }),
              !notNames.contains(where: { s[start..<end].starts(with: $0) }) else { return nil }
        // The token before must be the phone number (seven or more digits, not
        // the tail of an id such as RW20261129-0001), as operators type it.
        var k = start - 1
        while k > 0, [" ", ",", "，", "/"].contains(s[k]) { k -= 1 }
        // Digits typed in groups (138 2345 6789) count as one number.
        var digits = k, count = 0
        while digits >= 0 {
            if PhoneExtractor.isDigit(s[digits]) { count += 1; digits -= 1; continue }
            guard isGroupPause(s, at: digits) else { break }
            digits -= 1
        }
        let isPhone = count >= 7 && (digits < 0 || !(s[digits] == "-" || s[digits].properties.isAlphabetic && s[digits].isASCII))
        return isPhone ? start..<end : nil
    }

    /// A name typed as its own word right after the mobile number, the line going on
    /// (…留一个位 13611112222 杨洁 别再给我弄成候补了): a space on both sides.
    static func nameBetweenSpaces(_ s: [Unicode.Scalar]) -> Range<Int>? {
        var i = 0
        while i < s.count {
            guard PhoneExtractor.isDigit(s[i]) else { i += 1; continue }
            var k = i
            while k < s.count, PhoneExtractor.isDigit(s[k]) { k += 1 }
            defer { i = k }
            guard k - i == 11, i == 0 || !PhoneExtractor.isDigit(s[i - 1]) && !(s[i - 1].isASCII && s[i - 1].properties.isAlphabetic),
                  k < s.count, s[k] == " " else { continue }
            let start = k + 1
            var end = start
            while end < s.count, end - start < 4, isHan(s[end]) { end += 1 }
            guard (2...3).contains(end - start), end < s.count, s[end] == " ", surnames(s[start]),
                  !(start..<end).contains(where: { stopWords(s[$0]) }),
                  !notNames.contains(where: { s[start..<end].starts(with: $0) }) else { continue }
            return start..<end
        }
        return nil
    }

    /// 姓周, 免贵姓黄: the caller gives only a surname (a surname, then a
    /// separator or the end of the line; not 姓名).
    static func surnameOnly(_ s: [Unicode.Scalar]) -> Range<Int>? {
        for i in s.indices.dropLast() where s[i] == "姓" && surnames(s[i + 1]) {
            let end = i + 2
            if end == s.count || !isHan(s[end]) || s[end] == "谢" { return (i + 1)..<end }
        }
        return nil
    }

    /// The whole name after 姓X and a separator, when it starts with the same
    /// surname and has two or three characters (姓黄，黄秀英 → 黄秀英).
    static func fullName(after surname: Range<Int>, _ s: [Unicode.Scalar]) -> Range<Int>? {
        var k = surname.upperBound
        while k < s.count, [",", "，", " ", "."].contains(s[k]) { k += 1 }
        guard k > surname.upperBound, k < s.count, s[k] == s[surname.lowerBound] else { return nil }
        var end = k + 1
        while end < s.count, end - k < 3, isHan(s[end]), !stopWords(s[end]) { end += 1 }
        guard end - k >= 2, end == s.count || !isHan(s[end]) else { return nil }
        return k..<end
    }

    /// Said where a name would be, meaning there is none: 姓名不详, 联系人保密; or a
    /// relative rather than a name (联系人女儿).
    private static let notGiven = ["不详", "未知", "不明", "保密", "匿名", "不留", "女儿", "儿子", "老婆", "老公", "妈妈", "爸爸", "家属", "本人", "自己"]
        .map { Array($0.unicodeScalars) }

    /// Everyday words that start with a surname's character (马上来, 周末, 方便的话).
    private static let notNames = ["马上", "周末", "周一", "周二", "周三", "周四", "周五", "周六", "周日", "周天", "方便", "高兴", "万一", "谢谢", "麻烦", "快点", "尽快", "急"].map { Array($0.unicodeScalars) }

    /// The hundred commonest surnames (single-character), enough to tell a name from a word.
    static func surnames(_ c: Unicode.Scalar) -> Bool {
        // A switch, not a Set: hashing a character per lookup showed in a profile.
        switch c { case "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金", "石", "廖", "贾", "夏", "韦", "付", "方", "白", "邹", "孟", "熊", "秦", "邱", "江", "尹", "薛", "闫", "段", "雷", "侯", "龙", "史", "陶", "黎", "贺", "顾", "毛", "郝", "龚", "邵", "万", "钱", "严", "覃", "武", "戴", "莫", "孔", "向", "汤", "洪", "温", "包", "左", "鲁", "葛", "柳", "祝", "童", "凌", "裴", "颜", "俞", "骆", "詹", "翟", "聂", "庞", "倪", "殷", "柯", "施", "欧", "阮": return true; default: return false }
    }

    static func stopWords(_ c: Unicode.Scalar) -> Bool {
        // A switch, not a Set: hashing a character per lookup showed in a profile.
        switch c { case "电", "手", "的", "在", "住", "是", "要", "想", "，", "登", "报", "说", "讲": return true; default: return false }
    }

    /// Adverbs that begin what someone felt or did, never a name (很 也 都 又 还 非 特 挺 太 不 没).
    static func notANameStart(_ c: Unicode.Scalar) -> Bool {
        switch c { case "很", "也", "都", "又", "还", "非", "特", "挺", "太", "不", "没", "已", "正", "刚": return true; default: return false }
    }

    static func isHan(_ s: Unicode.Scalar) -> Bool { (0x4E00...0x9FFF).contains(s.value) }
}
