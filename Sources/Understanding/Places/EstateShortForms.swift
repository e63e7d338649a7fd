import Foundation

/// Estates said by their proper part only: 香榭 for 香榭郦景, 松茂 for 松茂花园.
/// A short form shared by several estates (观峰: 观峰公馆, 观峰豪庭 …) is kept
/// as that ambiguity, never guessed. Because short forms are ordinary words
/// (阳光, 和平), one only counts right before a building label (香榭3栋,
/// 松茂 第八栋), before 小区, or — a short form of one estate only — before a
/// word for "over there" (锦绣嗰度, 润泽那旮沓16栋: a place being pointed at).
enum EstateShortForms {
    static let suffixes = ["科技园", "花园", "家园", "公馆", "小区", "新村", "名苑", "雅居", "豪庭", "华府", "老村", "苑"]
    static let suffixScalars = suffixes.map { Array($0.unicodeScalars) }

    static func table(estates: [String], communityShortNames: Set<String>) -> [String: [String]] {
        var table: [String: [String]] = [:]
        let names = Set(estates)
        for estate in estates {
            var short = String(estate.prefix(2))
            if let suffix = suffixes.first(where: { estate.hasSuffix($0) }), estate.count - suffix.count >= 2 {
                short = String(estate.dropLast(suffix.count))
            }
            // 大富 is the community, 大富老村 the estate's full name: neither is a short form.
            // 大富村 for 大富老村: the village said without 老.
            if estate.hasSuffix("老村"), !names.contains(short + "村") { table[short + "村", default: []].append(estate) }
            guard short != estate, !communityShortNames.contains(short), !names.contains(short) else { continue }
            table[short, default: []].append(estate)
        }
        return table.mapValues { $0.sorted() }
    }

    /// The characters a short form of `table` can start with: each key's first
    /// scalar, and the first of its canonical decomposition (a key is found by
    /// String equality, which is canonical equivalence). `find` tries a
    /// position only where one stands: most characters of a line begin none,
    /// and each tried cost a look at what follows it (a per cent of a parse).
    static func firsts(of table: [String: [String]]) -> ScalarBits {
        ScalarBits(table.keys.flatMap { key in
            [key.unicodeScalars.first, key.decomposedStringWithCanonicalMapping.unicodeScalars.first].compactMap { $0 }
        })
    }

    /// Words for "over there" after a place (那边, Cantonese 嗰度, 东北 那旮沓).
    static let locatives = ["那边", "那里", "那儿", "嗰度", "嗰边", "那旮沓", "那嘎达", "那块", "那头"].map { Array($0.unicodeScalars) }

    /// Whether a short form overlaps the community's name, other than by
    /// containing it (大富村 holds the community's short name 大富).
    private static func overlaps(_ community: Range<Int>?, _ short: Range<Int>) -> Bool {
        guard let community, community.overlaps(short) else { return false }
        return !(short.contains(community.lowerBound) && short.upperBound >= community.upperBound && short.count > community.count)
    }

    /// The first short form in `text` followed by a building or 小区: the
    /// estates it may mean and its range.
    static func find(in text: ScalarText, table: [String: [String]], firsts: ScalarBits,
                     outside excluded: Range<Int>?) -> (estates: [String], range: Range<Int>)? {
        guard !table.isEmpty else { return nil }
        let n = text.count
        // A short form counts only before 小区, 第 or a numeral: a line with none of them (most) has none.
        var i = 0
        while i < n, !(text[i] == "第" || BuildingLabel.isNumeral(text[i]) || text[i] == "小" && i + 1 < n && text[i + 1] == "区") { i += 1 }
        // Every locative starts with 那 or 嗰: a line without either (most) is searched no further.
        let pointing = text.scalars.contains { $0 == "那" || $0 == "嗰" } && locatives.contains { text.firstRange(of: $0) != nil }
        if i == n, !pointing { return nil }
        // Whether a building label or 小区 follows position p, worked out once
        // per position (-1: not yet): each is asked by up to three lengths.
        // On the stack: an array per line cost an allocation and a generic-metadata lookup.
        return withUnsafeTemporaryAllocation(of: Int8.self, capacity: n + 1) { follows -> (estates: [String], range: Range<Int>)? in
            follows.initialize(repeating: -1)
            func labelFollows(_ p: Int) -> Bool {
                if follows[p] >= 0 { return follows[p] == 1 }
                let after = BuildingLabel.labelStart(in: text, after: p)
                let beforeXiaoqu = after + 1 < n && text[after] == "小" && text[after + 1] == "区"
                let ok = beforeXiaoqu || after < n && (text[after] == "第" || BuildingLabel.isNumeral(text[after]))
                    && BuildingLabel.read(text, at: after) != nil
                follows[p] = ok ? 1 : 0
                return ok
            }
            func pointedAt(_ p: Int) -> Bool {
                locatives.contains { word in p + word.count <= n && (0..<word.count).allSatisfy { text[p + $0] == word[$0] } }
            }
            // Bounded work on pasted junk, as for sound-alike estates.
            // A short form starts with a Han character (BMP), and only with one of `firsts`.
            for i in 0..<min(n, 4096) where Confusables.isHan(text[i]) && firsts.contains(text[i].value) {
                for length in [4, 3, 2] where i + length <= n {
                    // What follows is checked first, scalar by scalar: most positions
                    // are not before a building, and then no key is built.
                    let labelled = labelFollows(i + length)
                    guard labelled || pointing && pointedAt(i + length),
                          let estates = table[text[i..<(i + length)]], !overlaps(excluded, i..<(i + length)) else { continue }
                    // Pointed at without a building: only a short form of one estate
                    // (新城那边有活动 is no question about four estates).
                    if !labelled, estates.count != 1 { continue }
                    return (estates, i..<(i + length))
                }
            }
            return nil
        }
    }
}
