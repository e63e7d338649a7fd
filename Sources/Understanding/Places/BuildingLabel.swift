/// Reads a building label after an estate name: 3栋 3号楼 三栋 第七幢 二十二座
/// ３栋(already normalised) 8号 3栋楼 3单元 is not a building.
enum BuildingLabel {
    static let suffixes: [String] = ["号楼", "栋楼", "幢楼", "栋", "幢", "座", "号", "楼"]

    /// The number and the length in scalars of a building label starting at `start`.
    static func read(_ text: ScalarText, at start: Int) -> (number: Int, length: Int)? {
        var i = start
        if i < text.count, text[i] == "第" { i += 1 }
        let numberStart = i
        while i < text.count, isNumeral(text[i]) { i += 1 }
        guard i > numberStart, let number = NumeralReader.integer(text[numberStart..<i]) else { return nil }
        for suffix in suffixes {
            let s = Array(suffix.unicodeScalars)
            if i + s.count <= text.count, Array(text.scalars[i..<(i + s.count)]) == s {
                return (number, i + s.count - start)
            }
        }
        return nil
    }

    static func isNumeral(_ s: Unicode.Scalar) -> Bool {
        (s.value >= 0x30 && s.value <= 0x39) || "零〇一二两三四五六七八九十百".unicodeScalars.contains(s)
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
            else if s == "百" { total += (current == 0 ? 1 : current) * 100; current = 0 }
            else { return nil }
        }
        return total + current
    }
}
