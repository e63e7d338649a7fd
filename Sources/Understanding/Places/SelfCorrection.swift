/// A caller correcting the place mid-sentence (观峰公馆 三栋 不对 是五栋,
/// 瑞景小区 啊不是 瑞景苑 十栋): what follows the last correction word wins.
/// Speech-to-text transcripts of calls keep these as said.
enum SelfCorrection {
    static let words = ["不是不是", "说错了", "讲错了", "搞错了", "更正一下", "更正", "不对",
                        "啊不是", "哦不是", "呃不是", "噢不是", "额不是",
                        // 雅苑公馆那个……不是，雅苑华府: a trailing-off then 不是 takes the place back.
                        "……不是", "…不是",
                        // 三栋 不是 是八栋: 不是 standing alone between stops, then what it is.
                        "不是 是", "不是,是",
                        // 5栋那个，啊不，是6栋
                        "啊不,", "哦不,", "呃不,",
                        // Cantonese 唔系 (不是) standing alone between stops: 康乐苑，三栋，唔系，四栋.
                        "唔系,", "啊唔系", "唔係,", "啊唔係"]
    static let markers: MarkerWords = {
        // A line without 不, 错 or 更 is not searched (`LineCharacters.correction`), nor one whose 唔 is not 唔系.
        for word in words {
            let present = LineCharacters.present(in: Array(word.unicodeScalars))
            precondition(present & LineCharacters.correction != 0 || word.contains("唔系") || word.contains("唔係"), word)
        }
        return MarkerWords(words)
    }()

    /// Whether the line may have a correction word: 不, 错 or 更, or 唔 before 系 (唔 alone is in
    /// most Cantonese lines, and the words' search costs more than this look).
    static func mayCorrect(_ text: ScalarText) -> Bool {
        if text.present & LineCharacters.correction != 0 { return true }
        let cantonese = LineCharacters.cantoneseNot | LineCharacters.cantoneseIs
        guard text.present & cantonese == cantonese else { return false }
        let s = text.scalars
        return s.indices.dropLast().contains { s[$0] == "唔" && (s[$0 + 1] == "系" || s[$0 + 1] == "係") }
    }

    /// Where the text after the last correction word starts, if something follows it.
    static func end(in text: ScalarText) -> Int? {
        guard mayCorrect(text) else { return nil }
        return markers.endOfLast(in: text.scalars).flatMap { $0 < text.count ? $0 : nil }
    }

    /// Where the text after each correction word starts, in order.
    static func ends(in text: ScalarText) -> [Int] {
        guard mayCorrect(text) else { return [] }
        return markers.ends(in: text.scalars)
    }
}

extension PlaceFinder.Place {
    /// The same place in a text `offset` scalars longer at its start.
    func shifted(by offset: Int) -> Self {
        var p = self
        p.start += offset
        p.end += offset
        p.buildingRange = buildingRange.map { ($0.lowerBound + offset)..<($0.upperBound + offset) }
        p.attachedBuildingRange = attachedBuildingRange.map { ($0.lowerBound + offset)..<($0.upperBound + offset) }
        return p
    }
}
