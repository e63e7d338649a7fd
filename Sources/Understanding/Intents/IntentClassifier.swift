/// Picks the intent of a text from the catalogue's data: the longest trigger
/// found wins, a trigger at the very start counts more, evidence entities add
/// weight, and priority breaks ties. With no trigger, an intent's fallback
/// (an entity plus a word) may still apply, at lower confidence.
struct IntentClassifier: Sendable {
    let catalog: IntentCatalog

    struct Trigger: Equatable {
        var word: String
        var start: Int
        var end: Int
    }

    func classify(_ analysis: Analysis) -> (IntentSpec, Double, Trigger?)? {
        var best: (spec: IntentSpec, score: Int, trigger: Trigger)? = nil
        for spec in catalog.specs {
            guard let trigger = trigger(of: spec, in: analysis) else { continue }
            var score = trigger.word.unicodeScalars.count * 10 + spec.priority
            if isAtStart(trigger.start, analysis.text) { score += 5 }
            score += spec.evidence.filter { analysis.has($0) }.count * 15
            if best == nil || score > best!.score { best = (spec, score, trigger) }
        }
        if let best {
            return (best.spec, isAtStart(best.trigger.start, analysis.text) ? 0.95 : 0.85, best.trigger)
        }
        let text = analysis.string
        for spec in catalog.specs {
            guard let fallback = spec.fallback, analysis.has(fallback.entity) else { continue }
            if fallback.words.isEmpty || fallback.words.contains(where: { text.contains($0) }) {
                return (spec, 0.6, nil)
            }
        }
        return nil
    }

    /// The longest trigger of `spec` in the text (earliest on ties).
    func trigger(of spec: IntentSpec, in analysis: Analysis) -> Trigger? {
        let scalars = analysis.text.scalars
        var best: Trigger? = nil
        for word in spec.triggers {
            let w = Array(word.unicodeScalars)
            guard !w.isEmpty, w.count <= scalars.count else { continue }
            var i = 0
            while i <= scalars.count - w.count {
                if scalars[i] == w[0], Array(scalars[i..<(i + w.count)]) == w {
                    // A trigger inside an entity (取消 inside a name) does not count.
                    let inside = analysis.entities.contains { $0.start < i + w.count && i < $0.end && $0.type != .address }
                    if !inside, best == nil || w.count > best!.end - best!.start {
                        best = Trigger(word: word, start: i, end: i + w.count)
                    }
                    break
                }
                i += 1
            }
        }
        return best
    }

    private func isAtStart(_ index: Int, _ text: ScalarText) -> Bool {
        (0..<index).allSatisfy { text[$0] == " " }
    }
}
