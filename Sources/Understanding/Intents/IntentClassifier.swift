/// Picks the intent of a text from the catalogue's data: the longest trigger
/// found wins, a trigger at the very start counts more, evidence entities add
/// weight, and priority breaks ties. With no trigger, an intent's fallback
/// (an entity plus a word) may still apply, at lower confidence.
struct IntentClassifier: Sendable {
    let catalog: IntentCatalog
    /// Per line these would be rebuilt for every spec; made once here instead.
    /// Specs with a fallback, the higher priority first, with the fallback's entity types.
    private let fallbackOrder: [(spec: IntentSpec, entities: [String])]
    /// Each intent's trigger words as scalars.
    private let triggerScalars: [String: [[Unicode.Scalar]]]

    init(catalog: IntentCatalog) {
        self.catalog = catalog
        self.fallbackOrder = catalog.specs.sorted(by: { $0.priority > $1.priority }).compactMap { spec in
            spec.fallback.map { (spec, $0.entities) }
        }
        var triggers: [String: [[Unicode.Scalar]]] = [:]
        for spec in catalog.specs { triggers[spec.intent] = spec.triggers.map { Array($0.unicodeScalars) } }
        self.triggerScalars = triggers
    }

    struct Trigger: Equatable {
        var word: String
        var start: Int
        var end: Int
    }

    func classify(_ analysis: Analysis) -> (IntentSpec, Double, Trigger?)? {
        let fallback = self.fallback(analysis)
        var best: (spec: IntentSpec, score: Int, trigger: Trigger)? = nil
        for spec in catalog.specs {
            guard let trigger = trigger(of: spec, in: analysis) else { continue }
            var score = trigger.word.unicodeScalars.count * 10 + spec.priority
            if isAtStart(trigger.start, analysis.text) { score += 5 }
            score += spec.evidence.filter { analysis.has($0) }.count * 15
            score += cueCount(spec, analysis) * 12
            if best == nil || score > best!.score { best = (spec, score, trigger) }
        }
        // A problem at a place (漏水 at 香榭郦景3栋) outweighs a weak trigger
        // elsewhere in the sentence (…谁管).
        if let fallback, best == nil || fallback.score > best!.score {
            return (fallback.spec, best == nil ? 0.6 : 0.8, nil)
        }
        if let best {
            return (best.spec, isAtStart(best.trigger.start, analysis.text) ? 0.95 : 0.85, best.trigger)
        }
        return nil
    }

    /// The first fallback that applies, the higher priority first (a booking's
    /// activity + party size before a search's activity alone), with its
    /// score: an entity and a problem word score like a two-character trigger
    /// plus its cues; an entity alone scores low.
    private func fallback(_ analysis: Analysis) -> (spec: IntentSpec, score: Int)? {
        let text = analysis.string
        for (spec, entities) in fallbackOrder {
            guard let fallback = spec.fallback, entities.allSatisfy({ analysis.has($0) }) else { continue }
            if fallback.words.isEmpty { return (spec, 10) }
            if fallback.words.contains(where: { text.contains($0) }) { return (spec, 25 + cueCount(spec, analysis) * 12) }
            if fallback.descriptive == true, tellsMore(analysis) { return (spec, 15) }
        }
        return nil
    }

    /// At least four Chinese characters after the place, outside the
    /// entities: an account of what happened there. Words only before the
    /// place (查询王格 香榭郦景3栋) are more likely a mistyped command.
    private func tellsMore(_ analysis: Analysis) -> Bool {
        var covered = [Bool](repeating: false, count: analysis.text.count)
        for e in analysis.entities { for i in e.start..<min(e.end, covered.count) { covered[i] = true } }
        var n = 0
        let from = analysis.place?.end ?? 0
        for i in from..<analysis.text.count where !covered[i] && Confusables.isHan(analysis.text[i]) && analysis.text[i] != "的" {
            n += 1
            if n >= 4 { return true }
        }
        return false
    }

    /// How many of the spec's cue words the text has (at most two count).
    private func cueCount(_ spec: IntentSpec, _ analysis: Analysis) -> Int {
        guard !spec.cues.isEmpty else { return 0 }
        let text = analysis.string
        var n = 0
        for cue in spec.cues where text.contains(cue) {
            n += 1
            if n == 2 { break }
        }
        return n
    }

    /// The longest trigger of `spec` in the text (earliest on ties).
    func trigger(of spec: IntentSpec, in analysis: Analysis) -> Trigger? {
        let scalars = analysis.text.scalars
        var best: Trigger? = nil
        let cached = triggerScalars[spec.intent]
        let words = cached?.count == spec.triggers.count ? cached! : spec.triggers.map { Array($0.unicodeScalars) }
        scalars.withUnsafeBufferPointer { text in
            for (word, w) in zip(spec.triggers, words) {
                guard !w.isEmpty, w.count <= text.count else { continue }
                // Only the first occurrence is weighed.
                guard let i = w.withUnsafeBufferPointer({ LiteralSearch.firstIndex(of: $0, in: text) }) else { continue }
                // A trigger inside an entity (取消 inside a name) does not count.
                let inside = analysis.entities.contains { $0.start < i + w.count && i < $0.end && $0.type != .address }
                if !inside, best == nil || w.count > best!.end - best!.start {
                    best = Trigger(word: word, start: i, end: i + w.count)
                }
            }
        }
        return best
    }

    private func isAtStart(_ index: Int, _ text: ScalarText) -> Bool {
        (0..<index).allSatisfy { text[$0] == " " }
    }
}
