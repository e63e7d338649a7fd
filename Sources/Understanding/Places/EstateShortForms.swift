/// Estates said by their proper part only: 香榭 for 香榭郦景, 松茂 for 松茂花园.
/// A short form shared by several estates (观峰: 观峰公馆, 观峰豪庭 …) is kept
/// as that ambiguity, never guessed. Because short forms are ordinary words
/// (阳光, 和平), one only counts right before a building label (香榭3栋,
/// 松茂 第八栋) or before 小区.
enum EstateShortForms {
    static let suffixes = ["科技园", "花园", "家园", "公馆", "小区", "新村", "名苑", "雅居", "豪庭", "华府", "老村", "苑"]

    static func table(estates: [String], communityShortNames: Set<String>) -> [String: [String]] {
        var table: [String: [String]] = [:]
        let names = Set(estates)
        for estate in estates {
            var short = String(estate.prefix(2))
            if let suffix = suffixes.first(where: { estate.hasSuffix($0) }), estate.count - suffix.count >= 2 {
                short = String(estate.dropLast(suffix.count))
            }
            // 大富 is the community, 大富老村 the estate's full name: neither is a short form.
            guard short != estate, !communityShortNames.contains(short), !names.contains(short) else { continue }
            table[short, default: []].append(estate)
        }
        return table.mapValues { $0.sorted() }
    }

    /// The first short form in `text` followed by a building or 小区: the
    /// estates it may mean and its range.
    static func find(in text: ScalarText, table: [String: [String]], outside excluded: Range<Int>?) -> (estates: [String], range: Range<Int>)? {
        guard !table.isEmpty else { return nil }
        let n = text.count
        // A short form counts only before 小区, 第 or a numeral: a line with none of them (most) has none.
        var i = 0
        while i < n, !(text[i] == "第" || BuildingLabel.isNumeral(text[i]) || text[i] == "小" && i + 1 < n && text[i + 1] == "区") { i += 1 }
        if i == n { return nil }
        // Bounded work on pasted junk, as for sound-alike estates.
        for i in 0..<min(n, 4096) where Confusables.isHan(text[i]) {
            for length in [4, 3, 2] where i + length <= n {
                // What follows is checked first, scalar by scalar: most positions
                // are not before a building, and then no key is built.
                var after = i + length
                while after < n, after < i + length + 2, text[after] == " " || text[after] == "的" { after += 1 }
                let beforeXiaoqu = after + 1 < n && text[after] == "小" && text[after + 1] == "区"
                guard beforeXiaoqu || after < n && (text[after] == "第" || BuildingLabel.isNumeral(text[after])),
                      beforeXiaoqu || BuildingLabel.read(text, at: after) != nil,
                      let estates = table[text[i..<(i + length)]], !(excluded?.overlaps(i..<(i + length)) ?? false) else { continue }
                return (estates, i..<(i + length))
            }
        }
        return nil
    }
}
