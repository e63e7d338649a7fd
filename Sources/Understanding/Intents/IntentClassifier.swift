/// Picks the intent of a text from the catalogue's data: the longest trigger
/// found wins, a trigger at the very start counts more, evidence entities add
/// weight, and priority breaks ties. With no trigger, an intent's fallback
/// (an entity plus a word) may still apply, at lower confidence.
struct IntentClassifier: Sendable {
    let catalog: IntentCatalog

    /// Each intent's trigger words and pattern parts as scalars, made once:
    /// building them per line was a tenth of a parse in a profile.
    private let compiled: [String: CompiledTriggers]

    struct CompiledTriggers {
        var words: [(word: String, scalars: [Unicode.Scalar])]
        /// Per pattern: the pattern, then its two sides' alternatives.
        var patterns: [(pattern: String, first: [[Unicode.Scalar]], second: [[Unicode.Scalar]])]

        init(_ spec: IntentSpec) {
            words = spec.triggers.map { ($0, Array($0.unicodeScalars)) }
            patterns = spec.patterns.compactMap { pattern in
                let sides = pattern.components(separatedBy: "…").map { $0.split(separator: "|").map { Array($0.unicodeScalars) } }
                return sides.count == 2 ? (pattern, sides[0], sides[1]) : nil
            }
        }
    }

    /// Specs with a fallback, the higher priority first and, at equal priority,
    /// those that need a word before those that need the entity alone (XQ… 结掉
    /// settles a need; XQ… alone shows it), with the fallback's entity
    /// alternatives parsed: sorting and parsing per line showed in a profile.
    private let fallbackOrder: [(spec: IntentSpec, alternatives: [[String]])]

    init(catalog: IntentCatalog) {
        self.catalog = catalog
        func needsWord(_ spec: IntentSpec) -> Bool { !(spec.fallback?.words.isEmpty ?? true) }
        self.fallbackOrder = catalog.specs.enumerated().sorted { a, b in
            (a.element.priority, needsWord(a.element) ? 1 : 0, -a.offset) > (b.element.priority, needsWord(b.element) ? 1 : 0, -b.offset)
        }.compactMap { _, spec in
            spec.fallback.map { (spec, $0.alternatives) }
        }
        var compiled: [String: CompiledTriggers] = [:]
        for spec in catalog.specs { compiled[spec.intent] = CompiledTriggers(spec) }
        self.compiled = compiled
    }

    struct Trigger: Equatable {
        var word: String
        var start: Int
        var end: Int
        /// Characters that matched (a pattern's gap does not count).
        var weight: Int
        /// Two parts apart weigh half a character less than one word as long.
        var isPattern = false
    }

    /// The outcome: the intent, its confidence, the trigger that named it, and
    /// — when the runner-up scored within `clarifyMargin` on a different
    /// trigger — the two candidates to ask between.
    struct Result {
        var spec: IntentSpec
        var confidence: Double
        var trigger: Trigger?
        var close: [IntentSpec] = []
    }

    /// Two intents whose scores differ by at most this much (a tenth of a
    /// character's worth is 1) are too close to guess between: a cue word or a
    /// start-of-line bonus is not enough to decide, so the bot asks.
    static let clarifyMargin = 3

    func classify(_ analysis: Analysis) -> Result? {
        let fallback = self.fallback(analysis)
        var scored: [(spec: IntentSpec, score: Int, trigger: Trigger)] = []
        for spec in catalog.specs {
            guard let trigger = trigger(of: spec, in: analysis) else { continue }
            var score = trigger.weight * 10 + spec.priority - (trigger.isPattern ? 5 : 0)
            if isAtStart(trigger.start, analysis.text) { score += 5 }
            score += spec.evidence.filter { analysis.has($0) }.count * 15
            score += cueCount(spec, analysis) * 12
            score -= spec.against.filter { analysis.has($0) }.count * 20
            scored.append((spec, score, trigger))
        }
        scored.sort { $0.score > $1.score }
        let best = scored.first
        // A service the hotline does not offer (帮我预约一个专家号, 订一张高铁票):
        // out of scope rather than a guess, unless the line also has what the
        // intent works on (an activity, a place, an id …).
        if let oos = outOfScopeScore(analysis) {
            if let best, !hasSubstance(best.spec, analysis, orOutweighs: oos, score: best.score) { return nil }
            if best == nil, let fallback, oos >= fallback.score { return nil }
        }
        // A problem at a place (漏水 at 香榭郦景3栋) outweighs a weak trigger
        // elsewhere in the sentence (…谁管).
        if let fallback, best == nil || fallback.score > best!.score {
            return Result(spec: fallback.spec, confidence: best == nil ? 0.6 : 0.8, trigger: nil)
        }
        guard let best else { return nil }
        var result = Result(spec: best.spec, confidence: isAtStart(best.trigger.start, analysis.text) ? 0.95 : 0.85, trigger: best.trigger)
        if let second = scored.dropFirst().first(where: { $0.spec.intent != best.spec.intent }),
           best.score - second.score <= Self.clarifyMargin, second.trigger.word != best.trigger.word,
           !(second.trigger.start >= best.trigger.start && second.trigger.end <= best.trigger.end) {
            result.close = [best.spec, second.spec]
            result.confidence = 0.5
        }
        return result
    }

    /// Whether the text has any of what the intent works on: its evidence or
    /// fallback entities. Intents that declare neither (帮助, 统计) are weighed
    /// by score alone: the out-of-scope words must not outweigh the trigger.
    private func hasSubstance(_ spec: IntentSpec, _ analysis: Analysis, orOutweighs oos: Int, score: Int) -> Bool {
        let types = spec.evidence + (spec.fallback?.alternatives.flatMap { $0 } ?? [])
        return types.isEmpty ? oos < score : types.contains { analysis.has($0) }
    }

    /// The weight of out-of-scope words: the longest one like a trigger, each
    /// further one (at most two) like a cue. Nil when there is none.
    private func outOfScopeScore(_ analysis: Analysis) -> Int? {
        let scalars = analysis.text.scalars
        var longest = 0, found = Set<String>()
        for i in scalars.indices {
            guard let words = catalog.outOfScopeByFirst[scalars[i]] else { continue }
            for w in words where i + w.count <= scalars.count && scalars[i..<(i + w.count)].elementsEqual(w) {
                found.insert(String(String.UnicodeScalarView(w)))
                longest = max(longest, w.count)
            }
        }
        return found.isEmpty ? nil : longest * 10 + 10 + (min(found.count, 3) - 1) * 10
    }

    /// The strongest fallback that applies, with its score: an entity and one
    /// of its words score like a two-character trigger plus cues; an account
    /// told at a place (descriptive) lower; entities alone 10 each (an activity
    /// and a phone say more than an activity). Among equal
    /// scores the higher priority wins (a booking's activity + party size
    /// before a search's activity alone), then one that needs a word.
    private func fallback(_ analysis: Analysis) -> (spec: IntentSpec, score: Int)? {
        let text = analysis.string
        var best: (spec: IntentSpec, score: Int)? = nil
        for (spec, alternatives) in fallbackOrder {
            guard let fallback = spec.fallback,
                  let matched = alternatives.filter({ $0.allSatisfy(analysis.has) }).max(by: { $0.count < $1.count }) else { continue }
            let score: Int
            if fallback.words.isEmpty { score = 10 * matched.count }
            else if fallback.words.contains(where: { text.contains($0) }) { score = 25 + cueCount(spec, analysis) * 12 }
            else if fallback.descriptive == true, tellsMore(analysis), !asks(analysis) { score = 15 }
            else { continue }
            if score > (best?.score ?? 0) { best = (spec, score) }
        }
        return best
    }

    /// A question (是哪个片区, 有没有车位, 几点开门): not an account of a problem,
    /// which a descriptive fallback would take it for.
    private func asks(_ analysis: Analysis) -> Bool {
        Self.questionWords.contains { analysis.text.firstRange(of: $0) != nil }
    }

    static let questionWords: [[Unicode.Scalar]] = ["吗", "哪个", "哪里", "哪位", "哪些", "谁", "什么", "几点", "多少", "有没有", "有冇", "是否", "?"]
        .map { Array($0.unicodeScalars) }

    /// At least four Chinese characters after the place, outside the
    /// entities: an account of what happened there. A few words only before
    /// the place (查询王格 香榭郦景3栋) are more likely a mistyped command, but
    /// a whole account before it (物业一直不修电梯 已经一个多月了 锦绣2栋) is
    /// how residents tell it: eight or more count.
    private func tellsMore(_ analysis: Analysis) -> Bool {
        var covered = [Bool](repeating: false, count: analysis.text.count)
        for e in analysis.entities { for i in e.start..<min(e.end, covered.count) { covered[i] = true } }
        func told(_ range: Range<Int>, atLeast: Int) -> Bool {
            var n = 0
            for i in range where !covered[i] && Confusables.isHan(analysis.text[i]) && analysis.text[i] != "的" {
                n += 1
                if n >= atLeast { return true }
            }
            return false
        }
        let place = analysis.place.map { $0.start..<$0.end } ?? 0..<0
        return told(place.upperBound..<analysis.text.count, atLeast: 4) || told(0..<place.lowerBound, atLeast: 8)
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

    /// The strongest trigger of `spec` in the text: the longest word (earliest
    /// on ties), or a two-part pattern weighing as much as both its parts.
    func trigger(of spec: IntentSpec, in analysis: Analysis) -> Trigger? {
        let triggers = compiled[spec.intent] ?? CompiledTriggers(spec)
        var best: Trigger? = nil
        for (word, scalars) in triggers.words {
            guard let at = find(scalars, in: analysis, from: 0) else { continue }
            let count = scalars.count
            if best == nil || count > best!.weight { best = Trigger(word: word, start: at, end: at + count, weight: count) }
        }
        for (pattern, firsts, seconds) in triggers.patterns {
            for first in firsts {
                guard let a = find(first, in: analysis, from: 0) else { continue }
                for second in seconds where first.count + second.count > (best?.weight ?? 0) {
                    guard let b = find(second, in: analysis, from: a + first.count),
                          gap(from: a + first.count, to: b, in: analysis) <= Self.patternGap else { continue }
                    best = Trigger(word: pattern, start: a, end: b + second.count, weight: first.count + second.count, isPattern: true)
                }
            }
        }
        return best
    }

    /// How far apart a pattern's two parts may be, in characters outside
    /// entities (a phone number between them does not count).
    static let patternGap = 16

    private func gap(from: Int, to: Int, in analysis: Analysis) -> Int {
        // Entities do not overlap one another (the recognizer resolved that): subtract each one's share.
        var n = max(0, to - from)
        for e in analysis.entities where e.type != .address {
            n -= max(0, min(e.end, to) - max(e.start, from))
        }
        return n
    }

    /// The first occurrence of `w` at or after `from` that is not inside an
    /// entity (取消 inside a name does not count; a place does not hide words).
    private func find(_ w: [Unicode.Scalar], in analysis: Analysis, from: Int) -> Int? {
        let scalars = analysis.text.scalars
        guard !w.isEmpty, w.count <= scalars.count else { return nil }
        var i = from
        while i <= scalars.count - w.count {
            if scalars[i] == w[0], scalars[i..<(i + w.count)].elementsEqual(w) {
                // A number may share characters with a trigger (加我一个).
                let inside = analysis.entities.contains { $0.start < i + w.count && i < $0.end && $0.type != .address && $0.type != .number }
                if !inside { return i }
            }
            i += 1
        }
        return nil
    }

    private func isAtStart(_ index: Int, _ text: ScalarText) -> Bool {
        (0..<index).allSatisfy { text[$0] == " " }
    }
}
