/// The classifier's triggers: each candidate spec's strongest trigger in a
/// line, a word or a two-part pattern.
extension IntentClassifier {
    /// The strongest trigger of `spec` in the text: the longest word (earliest
    /// on ties), or a two-part pattern weighing as much as both its parts.
    func trigger(of spec: IntentSpec, in analysis: Analysis) -> Trigger? {
        if let known = compiled.first(where: { $0.spec.intent == spec.intent }) {
            return trigger(of: known, matches(analysis), analysis)
        }
        // Not from this catalogue: its own words, searched the same way.
        var words = ScalarTrie()
        let one = CompiledSpec(spec, index: -1, words: &words)
        return trigger(of: one, Self.matches(analysis, words, hits: words.hits(in: analysis.text.scalars)), analysis)
    }

    /// Each spec's longest trigger word in the line outside the entities (the
    /// first in the spec's list among equally long ones), as an index into its
    /// triggers, written into `longest` (by index into `compiled`; -1 where none),
    /// from the line's hits.
    func longestTriggers(_ matches: Matches, into longest: UnsafeMutableBufferPointer<Int32>) {
        // The length of each spec's longest trigger so far, beside `longest`.
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: longest.count) { lengths in
            lengths.initialize(repeating: 0)
            triggerEntryStarts.withUnsafeBufferPointer { starts in
                triggerEntries.withUnsafeBufferPointer { entries in
                    for hit in matches.hits {
                        let w = Int(hit.word)
                        // `Matches.free(_, from: 0, _)`: the first occurrence outside the entities.
                        guard matches.firstFree(w) >= 0 else { continue }
                        for e in Int(starts[w])..<Int(starts[w + 1]) {
                            let entry = entries[e], spec = Int(entry.spec)
                            if longest[spec] < 0 || entry.length > lengths[spec] || entry.length == lengths[spec] && entry.trigger < longest[spec] {
                                longest[spec] = entry.trigger
                                lengths[spec] = entry.length
                            }
                        }
                    }
                }
            }
        }
    }

    /// `spec`'s longest trigger word in the line, as `longestTriggers` picks it, by going through its triggers.
    func longestTrigger(of spec: CompiledSpec, _ matches: Matches) -> Int {
        var best = -1
        for k in 0..<spec.triggerNumbers.count where spec.triggerNumbers[k] >= 0 {
            guard matches.firstFree(Int(spec.triggerNumbers[k])) >= 0 else { continue }
            if best < 0 || spec.triggerLengths[k] > spec.triggerLengths[best] { best = k }
        }
        return best
    }

    /// `longest`: the spec's longest trigger word (`longestTriggers`), -1 for none, nil when not yet known.
    func trigger(of spec: CompiledSpec, _ matches: Matches, _ analysis: Analysis, longest: Int? = nil) -> Trigger? {
        var best: Trigger? = nil
        let k = longest ?? longestTrigger(of: spec, matches)
        if k >= 0 {
            let number = Int(spec.triggerNumbers[k])
            let at = Int(matches.firstFree(number))
            best = Trigger(word: spec.triggers[k].word, start: at, end: at + Int(matches.firstFreeLength(number)), weight: spec.triggerLengths[k])
        }
        spec.patternFirsts.withUnsafeBufferPointer { firsts in
            spec.patternSeconds.withUnsafeBufferPointer { seconds in
                for first in firsts where first.number >= 0 {
                    guard let a = matches.free(first.number, from: 0, analysis) else { continue }
                    // A second part not in the line at all is not looked for among the hits.
                    for k in Int(first.secondsFrom)..<Int(first.secondsTo) {
                        let second = seconds[k]
                        guard second.number >= 0, first.length + second.length > (best?.weight ?? 0), matches.has(second.number),
                              let b = matches.free(second.number, from: a + first.length, analysis),
                              gap(from: a + first.length, to: b, in: analysis) <= Self.patternGap else { continue }
                        best = Trigger(word: spec.patterns[Int(first.pattern)].pattern, start: a, end: b + second.length,
                                       weight: first.length + second.length, isPattern: true)
                    }
                }
            }
        }
        return best
    }

    /// How far apart a pattern's two parts may be, in characters outside
    /// entities (a phone number between them does not count).
    static let patternGap = 16

    func gap(from: Int, to: Int, in analysis: Analysis) -> Int {
        // Entities do not overlap one another (the recognizer resolved that): subtract each one's share.
        var n = max(0, to - from)
        let entities = analysis.entities
        for k in entities.indices where entities[k].type != .address {
            n -= max(0, min(entities[k].end, to) - max(entities[k].start, from))
        }
        return n
    }
}
