import Understanding

/// "您是不是想……": the intent whose trigger is nearest to the start of an
/// unknown line, by edit distance relative to the trigger's length (查询王格
/// is one edit from 查询网格 and from 查查, but shares more with the longer).
///
/// Built once per engine: the catalogue's ~2,600 triggers are split into
/// characters here, not on every unknown line, and indexed by character, so
/// only triggers that share enough characters with the line's start to come
/// within reach are measured (a trigger sharing none never is).
struct Suggestions: Sendable {
    struct Suggestion {
        var label: String
        var example: String
    }

    private struct Candidate: Sendable {
        let suggestion: Int
        let trigger: [Character]
    }

    private let suggestions: [(label: String, example: String)]
    /// In the catalogue's order, which breaks ties between equally near triggers.
    private let candidates: [Candidate]
    /// For each character, the candidates whose trigger holds it and how many times.
    private let byCharacter: [Character: [(candidate: Int, occurrences: Int)]]

    init(catalog: IntentCatalog) {
        var suggestions: [(label: String, example: String)] = []
        var candidates: [Candidate] = []
        for spec in catalog.specs where spec.intent != "cancel" {
            suggestions.append((spec.label, spec.examples.first?.text ?? spec.label))
            // A one-character trigger (贷) is one edit away from any first character.
            for trigger in spec.triggers where trigger.count >= 2 {
                candidates.append(Candidate(suggestion: suggestions.count - 1, trigger: Array(trigger)))
            }
        }
        self.suggestions = suggestions
        self.candidates = candidates
        var byCharacter: [Character: [(candidate: Int, occurrences: Int)]] = [:]
        for (index, candidate) in candidates.enumerated() {
            var occurrences: [Character: Int] = [:]
            for character in candidate.trigger { occurrences[character, default: 0] += 1 }
            for (character, count) in occurrences { byCharacter[character, default: []].append((index, count)) }
        }
        self.byCharacter = byCharacter
    }

    func closest(to text: String) -> Suggestion? {
        let head = Array(text.prefix(6))
        // How many of each trigger's characters occur in the part of the head it is measured against.
        var shared: [Int: Int] = [:]
        for (position, character) in head.enumerated() where !head[..<position].contains(character) {
            for (index, occurrences) in byCharacter[character] ?? [] where position < candidates[index].trigger.count {
                shared[index, default: 0] += occurrences
            }
        }
        var best: (suggestion: Int, distance: Int, length: Int)? = nil
        for (index, sharedCount) in shared.sorted(by: { $0.key < $1.key }) {
            let t = candidates[index].trigger
            let reach = max(1, t.count / 2)
            // Each of the trigger's characters missing from the head costs at least one edit.
            guard t.count - sharedCount <= reach else { continue }
            let d = Self.editDistance(Array(head.prefix(t.count)), t)
            guard d <= reach else { continue }
            // d / length smaller than the best's, compared without division.
            if best.map({ d * $0.length < $0.distance * t.count }) ?? true { best = (candidates[index].suggestion, d, t.count) }
        }
        guard let index = best?.suggestion else { return nil }
        return Suggestion(label: suggestions[index].label, example: suggestions[index].example)
    }

    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
