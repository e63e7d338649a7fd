/// A caller dropping one subject for another (上次投诉的噪音还没解决，先不说这个，问下
/// 德润华府那边有没有瑜伽课): what they want is what follows the marker. Only
/// markers that drop the first subject count — 顺便问下 adds a second request
/// and leaves the first standing.
enum TopicSwitch {
    static let markers = MarkerWords(["先不说这个", "这个先不说", "先不提这个", "这个先放一边", "不说这个了", "先不讲这个", "呢个唔讲住", "先说正事", "言归正传", "等下再问", "等会再问", "待会再问", "回头再问", "等下再说", "等会再说", "待会再说", "回头再说"])
    /// The markers' first two characters: most lines have none, and are let go without building anything.
    private static let openings = Set(markers.words.map { UInt64($0[0].value) << 32 | UInt64($0[1].value) })
    /// The markers' first characters (all in the BMP), as bits.
    private static let openingFirsts = ScalarBits(markers.words.map { $0[0] })
    /// The BMP characters that normalise to one of `openingFirsts` (the firsts
    /// themselves, their traditional forms …), found by asking `Normalizer.map` of each.
    private static let openingPreimages = ScalarBits((0..<0x10000).compactMap { v -> Unicode.Scalar? in
        guard let s = Unicode.Scalar(UInt32(v)) else { return nil }
        let m = Normalizer.map(s).value
        return m < 0x10000 && openingFirsts.contains(m) ? s : nil
    })

    /// Where the text after the last marker starts, in scalars (normalised
    /// text maps one scalar to one), when something follows it.
    static func start(in text: String) -> Int? {
        var previous: UInt64 = 0, opens = false, previousOpens = false
        for scalar in text.unicodeScalars {
            // Normalised only after a marker's first character, or where the
            // character may normalise to one (`openingPreimages`): mapping every
            // character of every line was most of this function in a profile.
            if previousOpens, openings.contains(previous << 32 | UInt64(Normalizer.map(scalar).value)) { opens = true; break }
            let v = scalar.value
            if v < 0x10000 && !openingPreimages.contains(v) {
                previousOpens = false
                continue
            }
            let value = Normalizer.map(scalar).value
            previousOpens = value < 0x10000 && openingFirsts.contains(value)
            previous = UInt64(value)
        }
        guard opens else { return nil }
        let s = text.unicodeScalars.map(Normalizer.map)
        guard let found = markers.endOfLast(in: s), s[found...].contains(where: { Confusables.isHan($0) }) else { return nil }
        return found
    }
}

extension Understanding {
    /// This understanding of the text after `offset` scalars, told of the whole text.
    func told(of whole: String, after offset: Int) -> Understanding {
        var u = self
        u.text = whole
        u.entities = entities.map { e in
            var e = e
            e.start += offset
            e.end += offset
            return e
        }
        u.place = place?.shifted(by: offset)
        return u
    }
}
