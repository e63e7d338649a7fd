/// A per-scalar lookup for the Basic Multilingual Plane as a flat array,
/// built once from a dictionary: a load instead of hashing. Dictionary
/// lookups keyed by `Unicode.Scalar` (Hasher seeding and finalising on every
/// character of every line) were a tenth of a parse in a profile. Scalars
/// outside the BMP fall back to the dictionary.
struct ScalarTable<Value: Sendable>: Sendable {
    private let values: [Value]
    private let others: [Unicode.Scalar: Value]
    private let missing: Value

    init(_ dictionary: [Unicode.Scalar: Value], missing: Value) {
        var values = [Value](repeating: missing, count: 0x10000)
        var others: [Unicode.Scalar: Value] = [:]
        for (s, v) in dictionary {
            if s.value < 0x10000 { values[Int(s.value)] = v } else { others[s] = v }
        }
        self.values = values
        self.others = others
        self.missing = missing
    }

    @inline(__always)
    subscript(_ s: Unicode.Scalar) -> Value {
        s.value < 0x10000 ? values[Int(s.value)] : (others[s] ?? missing)
    }
}
