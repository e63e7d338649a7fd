/// Reads a building label after an estate name: 3栋 3号楼 三栋 第七幢 二十二座
/// ３栋(already normalised) 8号 3栋楼 15#楼 15#, 8懂 (栋 mistyped by its sound); 3单元 is not a building,
/// nor is 一楼 / 三楼 (a floor: every label of 福安小区 一楼那户…, 清湖公馆 二楼那家… says so).
enum BuildingLabel {
    static let suffixes: [String] = ["号楼", "栋楼", "幢楼", "#楼", "栋", "幢", "座", "号", "#", "懂"]

    /// The suffixes as scalars, made once (with 号, which may start a date).
    static let suffixScalars = scalars(suffixes)
    static let strongSuffixScalars = scalars(strongSuffixes)

    private static func scalars(_ words: [String]) -> [(scalars: [Unicode.Scalar], isHao: Bool)] {
        words.map { (Array($0.unicodeScalars), $0 == "号") }
    }

    /// Where a building label may start after an estate's name: past up to
    /// three separators or filler words (香榭郦景 3栋, 香榭郦景的三号楼,
    /// 荔园那边2栋, 桂花老村个，十二号屋 — 个 and 嘅 are Hakka and Cantonese 的).
    static func labelStart(in text: ScalarText, after end: Int) -> Int {
        let s = text.scalars
        var i = end
        for _ in 0..<3 where i < s.count {
            // A switch, and the fillers only at one of their first characters:
            // this is asked at most positions of a line (EstateShortForms).
            switch s[i] {
            case " ", "的", "/", "-", ",", "个", "嘅": i += 1; continue
            case "那", "这", "里", "嗰", "呢": break
            default: return i
            }
            guard let filler = fillers.first(where: { i + $0.count <= s.count && s[i..<(i + $0.count)].elementsEqual($0) }) else { break }
            i += filler.count
        }
        return i
    }

    /// Words said between an estate and its building: 那边, 这里 ….
    private static let fillers = ["那边", "这边", "那里", "这里", "那个", "里面", "嗰度", "呢度"].map { Array($0.unicodeScalars) }

    /// The number and the length in scalars of a building label starting at `start`.
    static func read(_ text: ScalarText, at start: Int) -> (number: Int, length: Int)? {
        read(text, at: start, suffixes: suffixScalars)
    }

    static func read(_ text: ScalarText, at start: Int, suffixes: [(scalars: [Unicode.Scalar], isHao: Bool)]) -> (number: Int, length: Int)? {
        let scalars = text.scalars
        var i = start
        if i < scalars.count, scalars[i] == "第" { i += 1 }
        let numberStart = i
        while i < scalars.count, isNumeral(scalars[i]) { i += 1 }
        guard i > numberStart, let number = NumeralReader.integer(scalars[numberStart..<i]) else { return nil }
        for (s, isHao) in suffixes {
            if i + s.count <= scalars.count, scalars[i..<(i + s.count)].elementsEqual(s) {
                // 5号上午, 5号之前: a date, not a building.
                if isHao, isFollowedByTime(text, at: i + 1) { return nil }
                return (number, i + s.count - start)
            }
        }
        // 樟阁雅居 2 栋 602: typed with a space before the suffix (not 号: 5 号 may be a date).
        if i + 1 < scalars.count, scalars[i] == " " {
            for (s, isHao) in suffixes where !isHao && i + 1 + s.count <= scalars.count && scalars[(i + 1)..<(i + 1 + s.count)].elementsEqual(s) {
                return (number, i + 1 + s.count - start)
            }
        }
        return nil
    }

    /// Suffixes that name a building on their own, anywhere in a sentence
    /// (not 号, a date, nor 楼, a floor).
    static let strongSuffixes: [String] = ["号楼", "栋楼", "幢楼", "#楼", "栋", "幢", "座"]

    /// A building label standing apart from the estate: 我们5栋, 住在第七幢.
    /// The first one outside `excluded`, whose number is not part of a longer
    /// token (GL2026…, 0755-…) and is a plausible building number (1–300).
    static func findApart(in text: ScalarText, outside excluded: Range<Int>?) -> (number: Int, range: Range<Int>)? {
        guard text.present & LineCharacters.buildingSuffix != 0 else { return nil }
        var i = 0
        while i < text.count {
            let s = text[i]
            guard s == "第" || isNumeral(s) else { i += 1; continue }
            let previous: Unicode.Scalar? = i > 0 ? text[i - 1] : nil
            // A hyphen joins a code (A-7栋, DF-01-7); a dash said as a pause (那栋——7栋) does not.
            let joined = previous == "-" && i > 1 && (isNumeral(text[i - 2]) || NumberExtractor.isASCIILetter(text[i - 2]))
            if let p = previous, isNumeral(p) || NumberExtractor.isASCIILetter(p) || joined { i += 1; continue }
            // 有一栋闲置厂房, 这一栋: one building counted, not building number 1.
            if s == "一", let p = previous, countedBefore.contains(p) { i += 1; continue }
            if let (number, length) = read(text, at: i, suffixes: strongSuffixScalars), (1...300).contains(number),
               !(excluded?.overlaps(i..<(i + length)) ?? false) {
                return (number, i..<(i + length))
            }
            i += 1
        }
        return nil
    }

    /// A house number after a home word: 我家是9号, 住在十二号, 门牌7号.
    static func findHouseNumber(in text: ScalarText) -> (number: Int, range: Range<Int>)? {
        guard text.present & LineCharacters.hao != 0 else { return nil }
        let s = text.scalars
        for i in s.indices {
            guard let marker = homeWords.first(where: { i + $0.count <= s.count && s[i..<(i + $0.count)].elementsEqual($0) }) else { continue }
            var at = i + marker.count
            while at < s.count, [" ", "是", "係", "系"].contains(s[at]) { at += 1 }
            if let (number, length) = read(text, at: at, suffixes: haoScalars), (1...300).contains(number) { return (number, at..<(at + length)) }
        }
        // 涯屋门口6号旁边, 8号后面: a number with 号 and a word of where, which no date has.
        for i in s.indices where isNumeral(s[i]) && (i == 0 || !isNumeral(s[i - 1])) {
            guard let (number, length) = read(text, at: i, suffixes: haoScalars), (1...300).contains(number) else { continue }
            if isFollowedByPlace(s, at: i + length) { return (number, i..<(i + length)) }
        }
        return nil
    }

    private static let homeWords: [[Unicode.Scalar]] = ["我家是", "我家在", "家住", "住在", "门牌号是", "门牌号", "门牌", "我是", "我们家", "我家",
                                                        "我住", "住", "就是"].map { Array($0.unicodeScalars) }
    private static let haoScalars = scalars(["号"])

    static let timeWords: [[Unicode.Scalar]] = ["上午", "下午", "中午", "晚上", "早上", "凌晨", "傍晚", "之前", "以前", "之后", "以后", "那天", "前", "后", "到", "至", "晚"]
        .map { Array($0.unicodeScalars) }

    /// 9号后面, 9号前边, 7号后巷, 9号门口, 9号後背 (Hakka, Cantonese): behind or in front of number 9, a place, not a date.
    static let placeWords: [[Unicode.Scalar]] = ["后面", "后边", "后头", "后背", "后巷", "前面", "前边", "旁边", "门口"].map { Array($0.unicodeScalars) }

    static func isFollowedByPlace(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        placeWords.contains { w in i + w.count <= s.count && s[i..<(i + w.count)].elementsEqual(w) }
    }

    static func isFollowedByTime(_ text: ScalarText, at i: Int) -> Bool {
        let s = text.scalars
        if isFollowedByPlace(s, at: i) { return false }
        // 11号到底是哪个社区的: 到底 is "after all", not the start of a range of dates.
        if i + 1 < s.count, s[i] == "到", s[i + 1] == "底" { return false }
        return timeWords.contains { w in i + w.count <= s.count && s[i..<(i + w.count)].elementsEqual(w) }
    }

    /// Words before 一栋 that make it a count (有一栋, 这一栋, 整一栋).
    static let countedBefore: Set<Unicode.Scalar> = ["有", "这", "那", "整", "买", "租"]

    static func isNumeral(_ s: Unicode.Scalar) -> Bool {
        // A switch: searching the numerals' string per call showed in a profile.
        if s.value >= 0x30 && s.value <= 0x39 { return true }
        switch s {
        case "零", "〇", "一", "二", "两", "三", "四", "五", "六", "七", "八", "九", "十", "百", "廿": return true
        default: return false
        }
    }

    /// The label as the data writes it, for a building number: 3栋 or 3号.
    static func canonical(_ number: Int, among labels: Set<String>) -> String? {
        for form in forms(number) where labels.contains(form) { return form }
        return nil
    }

    /// The ways the data writes building `number`, in order of preference.
    static func forms(_ number: Int) -> [String] { formSuffixes.map { String(number) + $0 } }

    /// What `forms` puts after the number, in its order.
    static let formSuffixes = ["栋", "号", "座", "幢"]

    /// `forms(number)[index]`, with only that one String made (the four and their array were
    /// made for every building named).
    static func form(_ number: Int, _ index: Int) -> String { String(number) + formSuffixes[index] }
}

/// Small integers written in digits or Chinese numerals, for building numbers.
enum NumeralReader {
    static let digits: [Unicode.Scalar: Int] = [
        "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]

    static func integer(_ text: String) -> Int? { integer(Array(text.unicodeScalars)[...]) }

    /// The same over scalars, with no String built: digits only are read as
    /// `Int(_:)` reads them (nil when too large), anything else as numerals.
    static func integer(_ text: ArraySlice<Unicode.Scalar>) -> Int? {
        if !text.isEmpty, text.allSatisfy({ $0.value >= 0x30 && $0.value <= 0x39 }) {
            var n = 0
            for s in text {
                let (times, o1) = n.multipliedReportingOverflow(by: 10)
                let (sum, o2) = times.addingReportingOverflow(Int(s.value - 0x30))
                if o1 || o2 { return nil }
                n = sum
            }
            return n
        }
        var total = 0, current = 0
        for s in text {
            if let d = digits[s] { current = d }
            else if s == "十" { total += (current == 0 ? 1 : current) * 10; current = 0 }
            else if s == "廿" { total += 20; current = 0 }
            else if s == "百" { total += (current == 0 ? 1 : current) * 100; current = 0 }
            else { return nil }
        }
        return total + current
    }
}
