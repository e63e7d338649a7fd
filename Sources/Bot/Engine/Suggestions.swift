import Understanding

/// "您是不是想……": the intent whose trigger is nearest to the start of an
/// unknown line, by edit distance relative to the trigger's length (查询王格
/// is one edit from 查询网格 and from 查查, but shares more with the longer).
enum Suggestions {
    struct Suggestion {
        var label: String
        var example: String
    }

    static func closest(to text: String, in catalog: IntentCatalog) -> Suggestion? {
        let head = Array(text.prefix(6))
        var best: (spec: IntentSpec, distance: Int, length: Int)? = nil
        for spec in catalog.specs where spec.intent != "cancel" {
            // A one-character trigger (贷) is one edit away from any first character.
            for trigger in spec.triggers where trigger.count >= 2 {
                let t = Array(trigger)
                let prefix = Array(head.prefix(t.count))
                let d = editDistance(prefix, t)
                guard d <= max(1, t.count / 2) else { continue }
                // d / length smaller than the best's, compared without division.
                if best.map({ d * $0.length < $0.distance * t.count }) ?? true { best = (spec, d, t.count) }
            }
        }
        guard let spec = best?.spec else { return nil }
        return Suggestion(label: spec.label, example: spec.examples.first?.text ?? spec.label)
    }

    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
