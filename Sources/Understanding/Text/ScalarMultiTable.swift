/// Per scalar, a list of values, stored flat: one array of all the lists and,
/// per Basic Multilingual Plane scalar, where its list starts. Looking a
/// list up in a `ScalarTable<[Value]>` retained and released the list's
/// array at every character of a line (a few per cent of a parse in a
/// profile); here it is two loads and a loop over a range. Scalars outside
/// the BMP fall back to a dictionary.
struct ScalarMultiTable<Value: Sendable>: Sendable {
    /// `values[starts[v]..<starts[v + 1]]` is scalar v's list.
    private let starts: [Int32]
    private let values: [Value]
    private let others: [Unicode.Scalar: [Value]]

    init(_ dictionary: [Unicode.Scalar: [Value]]) {
        var counts = [Int32](repeating: 0, count: 0x10001)
        var others: [Unicode.Scalar: [Value]] = [:]
        for (s, list) in dictionary {
            if s.value < 0x10000 { counts[Int(s.value) + 1] = Int32(list.count) } else { others[s] = list }
        }
        for v in 0..<0x10000 { counts[v + 1] += counts[v] }
        var values: [Value] = []
        values.reserveCapacity(Int(counts[0x10000]))
        for v in 0..<0x10000 where counts[v + 1] > counts[v] {
            values.append(contentsOf: dictionary[Unicode.Scalar(UInt32(v))!]!)
        }
        self.starts = counts
        self.values = values
        self.present = ScalarBits(dictionary.keys.filter { !(dictionary[$0]?.isEmpty ?? true) })
        self.others = others
    }

    /// The BMP scalars with a non-empty list, tested before `starts` (see `ScalarTable`).
    private let present: ScalarBits

    /// Calls `body` with each value of `s`'s list, in the list's order.
    @inline(__always)
    func forEach(_ s: Unicode.Scalar, _ body: (Value) -> Void) {
        let v = s.value
        if v < 0x10000 {
            guard present.contains(v) else { return }
            let from = Int(starts[Int(v)]), to = Int(starts[Int(v) + 1])
            var k = from
            while k < to { body(values[k]); k += 1 }
        } else if let list = others[s] {
            for value in list { body(value) }
        }
    }
}
