/// Up to three values in order (the numbers of 2026-12-02 or 12/5, or the separators between
/// them), kept in place rather than in an array: `TimeDates.parse` reads one per run of digits.
struct DateFields<Value> {
    private(set) var count = 0
    private var first: Value, second: Value, third: Value

    init(filler: Value) {
        first = filler
        second = filler
        third = filler
    }

    /// Adds `value` after the others; at most three are kept (the reader never adds a fourth).
    mutating func append(_ value: Value) {
        switch count {
        case 0: first = value
        case 1: second = value
        case 2: third = value
        default: preconditionFailure("DateFields: at most three values")
        }
        count += 1
    }

    subscript(index: Int) -> Value {
        precondition(index < count, "DateFields: index out of range")
        switch index {
        case 0: return first
        case 1: return second
        default: return third
        }
    }
}
