/// A caller correcting the place mid-sentence (观峰公馆 三栋 不对 是五栋,
/// 瑞景小区 啊不是 瑞景苑 十栋): what follows the last correction word wins.
/// Speech-to-text transcripts of calls keep these as said.
enum SelfCorrection {
    static let markers: [[Unicode.Scalar]] = ["不是不是", "说错了", "讲错了", "搞错了", "更正一下", "更正", "不对",
                                              "啊不是", "哦不是", "呃不是", "噢不是", "额不是"].map { Array($0.unicodeScalars) }

    /// The markers' first characters: only there is the list compared (this runs on every line).
    private static let firsts = ScalarTable(Dictionary(markers.map { ($0[0], true) }, uniquingKeysWith: { a, _ in a }), missing: false)

    /// Where the text after the last correction word starts, if there is one.
    static func end(in text: ScalarText) -> Int? {
        let s = text.scalars
        var found: Int? = nil
        var i = 0
        while i < s.count {
            if firsts[s[i]], let m = markers.first(where: { i + $0.count <= s.count && s[i..<(i + $0.count)].elementsEqual($0) }) {
                found = i + m.count
                i += m.count
            } else { i += 1 }
        }
        return found.flatMap { $0 < s.count ? $0 : nil }
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
