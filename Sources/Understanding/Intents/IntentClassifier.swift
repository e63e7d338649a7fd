/// Picks the intent of a text from the catalogue's data: the longest trigger
/// found wins, a trigger at the very start counts more, evidence entities add
/// weight, and priority breaks ties. With no trigger, an intent's fallback
/// (an entity plus a word) may still apply, at lower confidence.
struct IntentClassifier: Sendable {
    let catalog: IntentCatalog

    /// Every word the classifier looks for — each intent's triggers, pattern
    /// parts, cues and fallback words, and the out-of-scope words — in one
    /// trie, searched once per line (ScalarTrie). Searching each intent's
    /// words one by one was a fifth of a parse in a profile.
    let words: ScalarTrie
    /// The specs in catalogue order with their words as numbers in `words`,
    /// made once. A final class: copying `IntentSpec` values in the loop
    /// over intents was a tenth of a parse (retain/release, value witnesses).
    let compiled: [CompiledSpec]
    /// Specs with a fallback in the order that breaks ties between equal scores
    /// (`fallback(_:_:)`): sorting per line showed in a profile.
    let fallbackOrder: [CompiledSpec]
    /// Every fallback of `fallbackOrder`, in that order, with its
    /// alternatives' masks as a range of `fallbackMasks`: plain values, so
    /// that most lines (which satisfy no alternative) are turned away without
    /// touching a spec (iterating the specs and their fallbacks' arrays
    /// retained and released each, a few per cent of a parse in a profile).
    let fallbackRows: [FallbackRow]
    let fallbackMasks: [(mask: UInt64, count: Int)]

    struct FallbackRow {
        /// Index into `fallbackOrder`, and of the fallback in its spec's list.
        var spec: Int32
        var fallback: Int32
        /// The row's alternatives: `fallbackMasks[first..<end]`.
        var first: Int32
        var end: Int32
        /// `entity: none`: the words alone (`IntentSpec.Fallback.wordsAlone`).
        var wordsAlone: Bool
        /// The needs every alternative lists (`Analysis.present` bits, the firm's aside): a line
        /// without them all satisfies none, and is turned away before its alternatives are read.
        var common: UInt64
    }
    /// Per word of `words`, the fallback rows that list it among their words:
    /// `fallbackRowsByWord[fallbackRowStarts[w]..<fallbackRowStarts[w + 1]]`. A line's
    /// hits tell which rows have a word in it, rather than each row's words (hundreds
    /// for a filing's problems) being looked up one by one.
    let fallbackRowStarts: [Int32]
    let fallbackRowsByWord: [Int32]
    /// Per word of `words`: how many times the catalogue lists it as out of scope (0: none), and its
    /// length, read through the line's hits (every such word per line was the classifier's largest step).
    let outOfScopeTimes: [Int32]
    let outOfScopeLengths: [Int32]

    final class CompiledSpec: Sendable {
        let spec: IntentSpec
        /// The spec's index in the catalogue (-1 for one from outside it).
        let index: Int
        let priority: Int
        let triggers: [(word: String, number: Int32?, length: Int)]
        /// The triggers' numbers in `words` (-1: never found) and lengths as
        /// plain arrays: the walk over the triggers then copies no String
        /// (a retain and release per trigger per line showed in a profile).
        let triggerNumbers: [Int32]
        let triggerLengths: [Int]
        /// Per pattern: the pattern, its two sides' alternatives and how far apart they may stand.
        let patterns: [(pattern: String, first: [(number: Int32?, length: Int)], second: [(number: Int32?, length: Int)], gap: Int)]
        /// `patterns` flattened: one row per first-part alternative, in
        /// pattern order, with its pattern and its second parts as a range of
        /// `patternSeconds` (plain values: the nested arrays retained and
        /// released per pattern per line).
        let patternFirsts: [PatternFirst]
        let patternSeconds: [(number: Int32, length: Int)]
        let cues: [Int32?]
        /// Evidence and against types as `Analysis.Need` bits, one per type listed.
        let evidence: [UInt64]
        let against: [UInt64]
        /// The fallbacks, each tried on its own.
        let fallbacks: [CompiledFallback]
        var hasFallback: Bool { !fallbacks.isEmpty }
        /// Evidence and fallback entity types (bits): what the intent works on.
        let substance: [UInt64]

        init(_ spec: IntentSpec, index: Int, words: inout ScalarTrie) {
            self.spec = spec
            self.index = index
            priority = spec.priority
            triggers = spec.triggers.map { ($0, words.add($0), $0.unicodeScalars.count) }
            triggerNumbers = triggers.map { $0.number ?? -1 }
            triggerLengths = triggers.map(\.length)
            let gapped = spec.patterns.map { ($0, IntentClassifier.patternGap) } + spec.nearPatterns.map { ($0, IntentSpec.nearGap) }
            patterns = gapped.compactMap { pattern, gap in
                let sides = pattern.components(separatedBy: "…").map {
                    $0.split(separator: "|").map { part -> (number: Int32?, length: Int) in
                        let scalars = Array(part.unicodeScalars)
                        return (words.add(scalars), scalars.count)
                    }
                }
                return sides.count == 2 ? (pattern, sides[0], sides[1], gap) : nil
            }
            var firsts: [PatternFirst] = [], seconds: [(number: Int32, length: Int)] = []
            for (p, pattern) in patterns.enumerated() {
                let from = Int32(seconds.count)
                seconds += pattern.second.map { ($0.number ?? -1, $0.length) }
                for first in pattern.first {
                    firsts.append(PatternFirst(pattern: Int32(p), number: first.number ?? -1, length: first.length,
                                               secondsFrom: from, secondsTo: Int32(seconds.count)))
                }
            }
            patternFirsts = firsts
            patternSeconds = seconds
            cues = spec.cues.map { words.add($0) }
            evidence = spec.evidence.map { Analysis.Need($0).bit }
            against = spec.against.map { Analysis.Need($0).bit }
            fallbacks = spec.fallbacks.map { CompiledFallback($0, words: &words) }
            substance = spec.substance.map { $0.map { Analysis.Need($0).bit } } ?? evidence + fallbacks.flatMap { $0.needs }
        }
    }

    /// A pattern's first part (-1: a word never found) and where its second parts are.
    struct PatternFirst: Sendable {
        var pattern: Int32
        var number: Int32
        var length: Int
        var secondsFrom: Int32
        var secondsTo: Int32
    }

    init(catalog: IntentCatalog) {
        self.catalog = catalog
        var words = ScalarTrie()
        let compiled = catalog.specs.enumerated().map { CompiledSpec($1, index: $0, words: &words) }
        self.compiled = compiled
        // At equal priority, a fallback that needs a word goes before one that needs
        // the entity alone (XQ… 结掉 settles a need; XQ… alone shows it), then catalogue order.
        let fallbackOrder = compiled.enumerated().filter { $0.element.hasFallback }.sorted { a, b in
            (a.element.priority, a.element.fallbacks[0].words.isEmpty ? 0 : 1, -a.offset)
                > (b.element.priority, b.element.fallbacks[0].words.isEmpty ? 0 : 1, -b.offset)
        }.map(\.element)
        self.fallbackOrder = fallbackOrder
        var rows: [FallbackRow] = []
        var masks: [(mask: UInt64, count: Int)] = []
        for (s, spec) in fallbackOrder.enumerated() {
            for (f, fallback) in spec.fallbacks.enumerated() {
                let first = Int32(masks.count)
                masks.append(contentsOf: fallback.alternatives)
                let common = fallback.alternatives.reduce(~UInt64(0)) { $0 & $1.mask } & ~Analysis.Need.enterprise.bit
                rows.append(FallbackRow(spec: Int32(s), fallback: Int32(f), first: first, end: Int32(masks.count),
                                        wordsAlone: fallback.wordsAlone, common: fallback.alternatives.isEmpty ? 0 : common))
            }
        }
        self.fallbackRows = rows
        self.fallbackMasks = masks
        let outOfScope = catalog.outOfScope.compactMap { word in
            let scalars = Array(word.unicodeScalars)
            return words.add(scalars).map { ($0, scalars.count) }
        }
        var times = [Int32](repeating: 0, count: words.wordCount), lengths = times
        for (word, length) in outOfScope {
            times[Int(word)] += 1
            lengths[Int(word)] = Int32(length)
        }
        self.outOfScopeTimes = times
        self.outOfScopeLengths = lengths
        self.words = words
        var rowsOfWord = [[Int32]](repeating: [], count: words.wordCount)
        for (r, row) in rows.enumerated() {
            for case let number? in fallbackOrder[Int(row.spec)].fallbacks[Int(row.fallback)].words where rowsOfWord[Int(number)].last != Int32(r) {
                rowsOfWord[Int(number)].append(Int32(r))
            }
        }
        var rowStarts: [Int32] = [0]
        for list in rowsOfWord { rowStarts.append(rowStarts.last! + Int32(list.count)) }
        self.fallbackRowStarts = rowStarts
        self.fallbackRowsByWord = rowsOfWord.flatMap { $0 }
        var wordSpecs = [[Int32]](repeating: [], count: words.wordCount)
        for (index, spec) in compiled.enumerated() {
            let numbers = spec.triggers.compactMap(\.number) + spec.patterns.flatMap { $0.first.compactMap(\.number) }
            for number in numbers { wordSpecs[Int(number)].append(Int32(index)) }
        }
        self.wordSpecs = FlatLists(wordSpecs)
        var byWord = [[TriggerEntry]](repeating: [], count: words.wordCount)
        for (index, spec) in compiled.enumerated() {
            for (k, number) in spec.triggerNumbers.enumerated() where number >= 0 {
                byWord[Int(number)].append(TriggerEntry(spec: Int32(index), trigger: Int32(k), length: Int32(spec.triggerLengths[k])))
            }
            precondition(spec.patternFirsts.count <= IntentSpec.maximumPatternFirstParts, "IntentClassifier: at most 128 pattern first parts per intent (checked when the file is read) (\(spec.spec.intent))")
            for (f, first) in spec.patternFirsts.enumerated() where first.number >= 0 {
                byWord[Int(first.number)].append(TriggerEntry(spec: Int32(index), trigger: -1, length: Int32(f)))
            }
        }
        var starts: [Int32] = [0]
        for list in byWord { starts.append(starts.last! + Int32(list.count)) }
        triggerEntryStarts = starts
        triggerEntries = byWord.flatMap { $0 }
    }

    /// One trigger of one spec (its index in `compiled`, its index in the spec's triggers, its length),
    /// or (`trigger` -1) the first part of one of the spec's patterns (`length`: its index in `patternFirsts`).
    struct TriggerEntry: Sendable {
        var spec: Int32
        var trigger: Int32
        var length: Int32
    }
    /// Per word of `words`, the triggers it is: `triggerEntries[triggerEntryStarts[w]..<triggerEntryStarts[w + 1]]`.
    /// The line's few hits pick each candidate spec's longest trigger; going
    /// through every trigger of each candidate (hundreds for 报事) was the
    /// classifier's largest step in a profile.
    let triggerEntryStarts: [Int32]
    let triggerEntries: [TriggerEntry]

    /// Per word: the specs (indices into `compiled`) it is a trigger or a
    /// pattern's first part of. Only specs with one of their words in the
    /// line can have a trigger: the others are not looked at.
    /// Flat (an inner array per word was retained and released for every hit of every line).
    private let wordSpecs: FlatLists<Int32>

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
        var compiled: CompiledSpec
        var confidence: Double
        var trigger: Trigger?
        var close: [CompiledSpec] = []

        var spec: IntentSpec { compiled.spec }
    }

    /// Two intents whose scores differ by at most this much (a tenth of a
    /// character's worth is 1) are too close to guess between: a cue word or a
    /// start-of-line bonus is not enough to decide, so the bot asks.
    static let clarifyMargin = 3

    /// What one type the intent has against it (a ticket id for a new report, a place for a
    /// progress check) takes off its score: three characters' worth, more than a cue adds, so a
    /// report retold at a place after 上次打过电话 is filed rather than read as a progress check.
    static let againstWeight = 30

    func classify(_ analysis: Analysis) -> Result? {
        let matches = self.matches(analysis)
        let fallback = self.fallback(analysis, matches)
        var scored: [(spec: CompiledSpec, score: Int, trigger: Trigger)] = []
        // Which intents have a word in the line, on the stack (an array per line
        // cost an allocation and a generic-metadata lookup).
        withUnsafeTemporaryAllocation(of: Bool.self, capacity: compiled.count) { candidate in
          withUnsafeTemporaryAllocation(of: Int32.self, capacity: compiled.count) { longest in
          withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 2 * compiled.count) { firsts in
            candidate.initialize(repeating: false)
            longest.initialize(repeating: -1)
            firsts.initialize(repeating: 0)
            wordSpecs.forEach(in: matches.hits.lazy.map { Int($0.word) }) { candidate[Int($0)] = true }
            longestTriggers(matches, into: longest, firsts: firsts)
            for (index, spec) in compiled.enumerated() where candidate[index] {
                guard let trigger = trigger(of: spec, matches, analysis, longest: Int(longest[index]),
                                            firsts: (firsts[2 * index], firsts[2 * index + 1])) else { continue }
                var score = trigger.weight * 10 + spec.priority - (trigger.isPattern ? 5 : 0)
                if isAtStart(trigger.start, analysis.text) { score += 5 }
                for type in spec.evidence where analysis.has(type) { score += 15 }
                score += cueCount(spec, matches) * 12
                for type in spec.against where analysis.has(type) { score -= Self.againstWeight }
                // Room for a few at the first (grown from empty, it was reallocated one by one).
                if scored.isEmpty { scored.reserveCapacity(8) }
                scored.append((spec, score, trigger))
            }
          }
          }
        }
        scored.sort { $0.score > $1.score }
        let best = scored.first
        if isOutOfScope(best: best.map { ($0.spec, $0.score) }, trigger: best?.trigger, fallback: fallback, analysis, matches) { return nil }
        // A problem at a place (漏水 at 香榭郦景3栋) outweighs a weak trigger
        // elsewhere in the sentence (…谁管).
        if let fallback, best == nil || fallback.score > best!.score {
            return Result(compiled: fallback.spec, confidence: best == nil ? 0.6 : 0.8, trigger: nil)
        }
        guard let best else { return nil }
        var result = Result(compiled: best.spec, confidence: isAtStart(best.trigger.start, analysis.text) ? 0.95 : 0.85, trigger: best.trigger)
        if let second = scored.dropFirst().first(where: { $0.spec.spec.intent != best.spec.spec.intent }),
           best.score - second.score <= Self.clarifyMargin, second.trigger.word != best.trigger.word,
           !(second.trigger.start >= best.trigger.start && second.trigger.end <= best.trigger.end) {
            result.close = [best.spec, second.spec]
            result.confidence = 0.5
        }
        return result
    }

    /// How many of the spec's cue words the text has (at most two count).
    func cueCount(_ spec: CompiledSpec, _ matches: Matches) -> Int {
        var n = 0
        for cue in spec.cues where matches.has(cue) {
            n += 1
            if n == 2 { break }
        }
        return n
    }

    private func isAtStart(_ index: Int, _ text: ScalarText) -> Bool {
        (0..<index).allSatisfy { text[$0] == " " }
    }
}
