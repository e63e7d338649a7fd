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

    /// Where the text after the last marker starts, in scalars, when something
    /// follows it. `scalars`: the line normalised (`ScalarText`), which the
    /// analysis reads too: reading the raw line here on its own, decoding and
    /// normalising its characters again, was a hundredth of a parse in a profile.
    static func start(in scalars: [Unicode.Scalar]) -> Int? {
        var opens = false
        // Read once: a static's accessor (`swift_once`) per character of every line.
        let openingFirsts = Self.openingFirsts
        scalars.withUnsafeBufferPointer { s in
            guard s.count >= 2 else { return }
            // A marker's first two characters, the first tested as bits: most lines have none.
            for k in 0..<(s.count - 1) {
                let v = s[k].value
                guard v < 0x10000, openingFirsts.contains(v),
                      openings.contains(UInt64(v) << 32 | UInt64(s[k + 1].value)) else { continue }
                opens = true
                return
            }
        }
        guard opens, let found = markers.endOfLast(in: scalars),
              scalars[found...].contains(where: { Confusables.isHan($0) }) else { return nil }
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
