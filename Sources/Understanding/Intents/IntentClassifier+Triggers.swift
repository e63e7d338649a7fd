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
        return trigger(of: one, Self.matches(analysis, words, hits: words.hits(in: analysis.text.scalars)[...]), analysis)
    }

    /// Each spec's longest trigger word in the line outside the entities (the
    /// first in the spec's list among equally long ones), as an index into its
    /// triggers, written into `longest` (by index into `compiled`; -1 where none),
    /// from the line's hits; in `firsts` (two words per spec), a bit for each of the
    /// spec's pattern first parts outside the entities (`PatternFirst`, at most 128 per spec).
    func longestTriggers(_ matches: Matches, into longest: UnsafeMutableBufferPointer<Int32>, firsts: UnsafeMutableBufferPointer<UInt64>) {
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
                            if entry.trigger < 0 {
                                let f = Int(entry.length) // a pattern's first part: its index in `patternFirsts`
                                firsts[2 * spec + (f >> 6)] |= 1 << UInt64(f & 63)
                            } else if longest[spec] < 0 || entry.length > lengths[spec] || entry.length == lengths[spec] && entry.trigger < longest[spec] {
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

    /// `longest`: the spec's longest trigger word (`longestTriggers`), -1 for none, nil when not yet known;
    /// `firsts`: which of the spec's pattern first parts (`patternFirsts`, one bit each) are in the line
    /// outside the entities (`longestTriggers`), nil when not known: then each is looked up.
    func trigger(of spec: CompiledSpec, _ matches: Matches, _ analysis: Analysis, longest: Int? = nil,
                 firsts: (low: UInt64, high: UInt64)? = nil) -> Trigger? {
        var best: Trigger? = nil
        let k = longest ?? longestTrigger(of: spec, matches)
        if k >= 0 {
            let number = Int(spec.triggerNumbers[k])
            let at = Int(matches.firstFree(number))
            best = Trigger(word: spec.triggers[k].word, start: at, end: at + Int(matches.firstFreeLength(number)), weight: spec.triggerLengths[k])
        }
        guard let present = firsts else {
            for f in spec.patternFirsts.indices { pattern(spec, first: f, matches, analysis, &best) }
            return best
        }
        // The present first parts in the spec's order: the low word's bits, then the high word's.
        var low = present.low, high = present.high
        while low != 0 {
            pattern(spec, first: low.trailingZeroBitCount, matches, analysis, &best)
            low &= low - 1
        }
        while high != 0 {
            pattern(spec, first: 64 + high.trailingZeroBitCount, matches, analysis, &best)
            high &= high - 1
        }
        return best
    }

    /// The spec's patterns with their first part `first` (an index into
    /// `patternFirsts`) weighed against `best`, which the heavier replaces.
    @inline(__always)
    private func pattern(_ spec: CompiledSpec, first f: Int, _ matches: Matches, _ analysis: Analysis, _ best: inout Trigger?) {
        let first = spec.patternFirsts[f]
        guard first.number >= 0, let a = matches.free(first.number, from: 0, analysis) else { return }
        let maxGap = spec.patterns[Int(first.pattern)].gap
        spec.patternSeconds.withUnsafeBufferPointer { seconds in
            // A second part not in the line at all is not looked for among the hits.
            for k in Int(first.secondsFrom)..<Int(first.secondsTo) {
                let second = seconds[k]
                guard second.number >= 0, first.length + second.length > (best?.weight ?? 0), matches.has(second.number),
                      let b = matches.free(second.number, from: a + first.length, analysis),
                      gap(from: a + first.length, to: b, in: analysis, countingPlaces: maxGap > IntentSpec.nearGap) <= maxGap else { continue }
                best = Trigger(word: spec.patterns[Int(first.pattern)].pattern, start: a, end: b + second.length,
                               weight: first.length + second.length, isPattern: true)
            }
        }
    }

    /// How far apart a pattern's two parts may be, in characters outside
    /// entities (a phone number between them does not count); a near pattern's, `IntentSpec.nearGap`.
    static let patternGap = 16

    /// `countingPlaces` false: a place between the parts counts for nothing either (a near
    /// pattern's few characters are words around a name; 我是安居小区14栋的楼栋长 names one place).
    func gap(from: Int, to: Int, in analysis: Analysis, countingPlaces: Bool = true) -> Int {
        // Entities do not overlap one another (the recognizer resolved that): subtract each one's share.
        var n = max(0, to - from)
        let entities = analysis.entities
        for k in entities.indices where !countingPlaces || entities[k].type != .address {
            n -= max(0, min(entities[k].end, to) - max(entities[k].start, from))
        }
        return n
    }
}
