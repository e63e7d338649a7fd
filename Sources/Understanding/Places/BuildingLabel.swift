/// Reads a building label after an estate name: 3栋 3号楼 三栋 第七幢 二十二座
/// ３栋(already normalised) 8号 3栋楼 3单元 is not a building.
enum BuildingLabel {
    static let suffixes: [String] = ["号楼", "栋楼", "幢楼", "栋", "幢", "座", "号", "楼"]

    /// The number and the length in scalars of a building label starting at `start`.
    static func read(_ text: ScalarText, at start: Int, suffixes: [String] = suffixes) -> (number: Int, length: Int)? {
        var i = start
        if i < text.count, text[i] == "第" { i += 1 }
        let numberStart = i
        while i < text.count, isNumeral(text[i]) { i += 1 }
        guard i > numberStart, let number = NumeralReader.integer(text[numberStart..<i]) else { return nil }
        for suffix in suffixes {
            let s = Array(suffix.unicodeScalars)
            if i + s.count <= text.count, Array(text.scalars[i..<(i + s.count)]) == s {
                // 5号上午, 5号之前: a date, not a building.
                if suffix == "号", isFollowedByTime(text, at: i + 1) { return nil }
                return (number, i + s.count - start)
            }
        }
        return nil
    }

    /// Suffixes that name a building on their own, anywhere in a sentence
    /// (not 号, a date, nor 楼, a floor).
    static let strongSuffixes: [String] = ["号楼", "栋楼", "幢楼", "栋", "幢", "座"]

    /// A building label standing apart from the estate: 我们5栋, 住在第七幢.
    /// The first one outside `excluded`, whose number is not part of a longer
    /// token (GL2026…, 0755-…) and is a plausible building number (1–300).
    static func findApart(in text: ScalarText, outside excluded: Range<Int>?) -> (number: Int, range: Range<Int>)? {
        var i = 0
        while i < text.count {
            let s = text[i]
            guard s == "第" || isNumeral(s) else { i += 1; continue }
            let previous: Unicode.Scalar? = i > 0 ? text[i - 1] : nil
            if let p = previous, isNumeral(p) || p.properties.isAlphabetic && p.isASCII || p == "-" { i += 1; continue }
            if let (number, length) = read(text, at: i, suffixes: strongSuffixes), (1...300).contains(number),
               !(excluded?.overlaps(i..<(i + length)) ?? false) {
                return (number, i..<(i + length))
            }
            i += 1
        }
        return nil
    }

    static let timeWords: [[Unicode.Scalar]] = ["上午", "下午", "中午", "晚上", "早上", "凌晨", "傍晚", "之前", "以前", "之后", "以后", "那天", "前", "后", "到", "至", "晚"]
        .map { Array($0.unicodeScalars) }

    /// 9号后面, 9号前边: behind or in front of number 9, a place, not a date.
    static let placeWords: [[Unicode.Scalar]] = ["后面", "后边", "后头", "前面", "前边", "旁边"].map { Array($0.unicodeScalars) }

    static func isFollowedByTime(_ text: ScalarText, at i: Int) -> Bool {
        if placeWords.contains(where: { w in i + w.count <= text.count && Array(text.scalars[i..<(i + w.count)]) == w }) { return false }
        return timeWords.contains { w in i + w.count <= text.count && Array(text.scalars[i..<(i + w.count)]) == w }
    }

    static func isNumeral(_ s: Unicode.Scalar) -> Bool {
        (s.value >= 0x30 && s.value <= 0x39) || "零〇一二两三四五六七八九十百廿".unicodeScalars.contains(s)
    }

    /// The label as the data writes it, for a building number: 3栋 or 3号.
    static func canonical(_ number: Int, among labels: Set<String>) -> String? {
        for form in ["\(number)栋", "\(number)号", "\(number)座", "\(number)幢"] where labels.contains(form) { return form }
        return nil
    }
}

/// Small integers written in digits or Chinese numerals, for building numbers.
enum NumeralReader {
    static let digits: [Unicode.Scalar: Int] = [
        "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]

    static func integer(_ text: String) -> Int? {
        if let n = Int(text) { return n }
        var total = 0, current = 0
        for s in text.unicodeScalars {
            if let d = digits[s] { current = d }
            else if s == "十" { total += (current == 0 ? 1 : current) * 10; current = 0 }
            else if s == "廿" { total += 20; current = 0 }
            else if s == "百" { total += (current == 0 ? 1 : current) * 100; current = 0 }
            else { return nil }
        }
        return total + current
    }
}
