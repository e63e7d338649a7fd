/// A per-scalar lookup for the Basic Multilingual Plane as a flat array,
/// built once from a dictionary: a load instead of hashing. Dictionary
/// lookups keyed by `Unicode.Scalar` (Hasher seeding and finalising on every
/// character of every line) were a tenth of a parse in a profile. Scalars
/// outside the BMP fall back to the dictionary.
struct ScalarTable<Value: Sendable>: Sendable {
    private let values: [Value]
    /// Which BMP scalars have a value (`ScalarBits`): most characters of a
    /// line have none, and the 8 KiB of bits stay in the cache where the
    /// table (64–256 KiB, several of them per line) did not.
    private let present: ScalarBits
    private let others: [Unicode.Scalar: Value]
    private let missing: Value

    init(_ dictionary: [Unicode.Scalar: Value], missing: Value) {
        var values = [Value](repeating: missing, count: 0x10000)
        var others: [Unicode.Scalar: Value] = [:]
        for (s, v) in dictionary {
            if s.value < 0x10000 { values[Int(s.value)] = v } else { others[s] = v }
        }
        self.values = values
        self.present = ScalarBits(dictionary.keys)
        self.others = others
        self.missing = missing
    }

    @inline(__always)
    subscript(_ s: Unicode.Scalar) -> Value {
        if s.value < 0x10000 { return present.contains(s.value) ? values[Int(s.value)] : missing }
        return others[s] ?? missing
    }
}

extension ScalarTable where Value == UInt64 {
    /// First character → which of `words` (at most 64, none empty) begin with it, one bit each by
    /// index: the words that may start at a character, in list order (lowest bit first), from one
    /// load rather than a comparison per word.
    init(firstCharactersOf words: [[Unicode.Scalar]]) {
        precondition(words.count <= 64, "ScalarTable(firstCharactersOf:) takes at most 64 words")
        var bits: [Unicode.Scalar: UInt64] = [:]
        for (k, word) in words.enumerated() { bits[word[0], default: 0] |= 1 << UInt64(k) }
        self.init(bits, missing: 0)
    }
}

/// A set of Basic Multilingual Plane scalars as 65,536 bits (8 KiB): the
/// test in front of the flat per-scalar tables, which are too large to stay
/// in the cache when asked at every character of a line.
struct ScalarBits: Sendable {
    private let words: [UInt64]

    init<S: Sequence>(_ scalars: S) where S.Element == Unicode.Scalar {
        var words = [UInt64](repeating: 0, count: 0x10000 / 64)
        for s in scalars where s.value < 0x10000 { words[Int(s.value >> 6)] |= 1 << UInt64(s.value & 63) }
        self.words = words
    }

    /// Whether BMP scalar value `v` (below 0x10000) is in the set.
    @inline(__always)
    func contains(_ v: UInt32) -> Bool {
        words[Int(v >> 6)] & (1 << UInt64(v & 63)) != 0
    }
}
