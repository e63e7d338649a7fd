/// The classifier's fallbacks: an intent said without its words, by what the
/// line has (an entity and a word, or an account told at a place), and the two
/// judgements a descriptive fallback needs — is the line a question, does it
/// tell what happened.
extension IntentClassifier {
    /// One fallback: its entity alternatives, parsed, and its words' numbers.
    struct CompiledFallback: Sendable {
        /// Per alternative its needs as one mask (`Analysis.has`) and how many it lists.
        let alternatives: [(mask: UInt64, count: Int)]
        /// Every alternative's needs, one bit each, as listed.
        let needs: [UInt64]
        let words: [Int32?]
        let descriptive: Bool
        /// `entity: none`: the words alone (`IntentSpec.Fallback.wordsAlone`).
        let wordsAlone: Bool

        init(_ fallback: IntentSpec.Fallback, words trie: inout ScalarTrie) {
            let alternatives = fallback.alternatives.map { $0.map { Analysis.Need($0).bit } }
            // The words alone: one alternative every line has (no bits), counted as one need met.
            self.alternatives = alternatives.map { ($0.reduce(0, |), max($0.count, 1)) }
            wordsAlone = fallback.wordsAlone
            needs = alternatives.flatMap { $0 }
            words = fallback.words.map { trie.add($0) }
            descriptive = fallback.descriptive == true
        }
    }

    /// The strongest fallback that applies, with its score: an entity and one
    /// of its words score like a two-character trigger plus cues; an account
    /// told at a place (descriptive) lower; entities alone 10 each (an activity
    /// and a phone say more than an activity). Among equal scores the higher
    /// priority wins (a booking's activity + party size before a search's
    /// activity alone), then one that needs a word.
    func fallback(_ analysis: Analysis, _ matches: Matches) -> FallbackReading? {
        var best: FallbackReading? = nil
        // Which rows have one of their words in the line (any occurrence), from the line's hits:
        // per row the length of its longest word found, 0 for none.
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: fallbackRows.count) { worded in
          worded.initialize(repeating: 0)
          fallbackRowStarts.withUnsafeBufferPointer { starts in
              fallbackRowsByWord.withUnsafeBufferPointer { rows in
                  for hit in matches.hits {
                      let w = Int(hit.word)
                      for k in Int(starts[w])..<Int(starts[w + 1]) { worded[Int(rows[k])] = max(worded[Int(rows[k])], hit.length) }
                  }
              }
          }
          fallbackMasks.withUnsafeBufferPointer { masks in
            let present = analysis.present
            for (r, row) in fallbackRows.enumerated() where present & row.common == row.common {
                var matched = 0
                for k in Int(row.first)..<Int(row.end) where masks[k].count > matched && analysis.has(masks[k].mask) {
                    matched = masks[k].count
                }
                guard matched > 0 else { continue }
                let spec = fallbackOrder[Int(row.spec)]
                guard var score = score(spec.fallbacks[Int(row.fallback)], of: spec, matched: matched, analysis, matches,
                                        worded: worded[r] > 0) else { continue }
                // What speaks against the intent weighs on its fallback as on its triggers (a place told
                // with a phone and 反映过 is a report retold, not a progress check).
                for type in spec.against where analysis.has(type) { score -= Self.againstWeight }
                if score > (best?.score ?? 0) { best = FallbackReading(spec: spec, score: score, wordsAlone: row.wordsAlone, longestWord: Int(worded[r])) }
            }
          }
        }
        return best
    }

    /// One fallback's score, nil when it does not apply; `matched` is how
    /// many needs its largest alternative the line has lists (at least one);
    /// `worded`, whether any of its words occurs in the line at all.
    func score(_ fallback: CompiledFallback, of spec: CompiledSpec, matched: Int, _ analysis: Analysis, _ matches: Matches,
               worded: Bool) -> Int? {
        if fallback.words.isEmpty { return 10 * matched }
        if fallback.wordsAlone { return worded ? Self.accountScore : nil }
        // With no grid code in the line, a word is said when it occurs (`said`).
        if worded, analysis.place?.gridCode == nil || fallback.words.contains(where: { said($0, analysis, matches) }) {
            return Self.fallbackWordScore + cueCount(spec, matches) * 12
        }
        if fallback.descriptive, tellsMore(analysis), !asks(analysis) { return 15 }
        return nil
    }

    /// Whether word `number` occurs other than right after the grid code the
    /// line names: the 网格 of DF-06-02网格 is part of the grid's name, not the
    /// word a fallback needs (大富老村3号 网格？).
    func said(_ number: Int32?, _ analysis: Analysis, _ matches: Matches) -> Bool {
        guard matches.has(number), let number else { return false }
        guard let code = analysis.place?.gridCode.map({ Array($0.uppercased().unicodeScalars) }) else { return true }
        let text = analysis.text.scalars
        return matches.hits.contains { hit in
            let at = Int(hit.start)
            guard hit.word == number else { return false }
            return at < code.count || !zip(text[(at - code.count)..<at], code).allSatisfy { IdentifierExtractor.upper($0) == $1 }
        }
    }

    /// A question (是哪个片区, 有没有车位, 几点开门): not an account of a problem,
    /// which a descriptive fallback would take it for.
    func asks(_ analysis: Analysis) -> Bool {
        let text = analysis.text.scalars
        return Self.questionWords.contains { word in
            var from = 0
            while let range = analysis.text.firstRange(of: word, from: from) {
                // 谁都可以跳, 什么也不管: "anyone", "anything"; 没谁用: "nobody". Not questions.
                let anyone = range.upperBound < text.count && (text[range.upperBound] == "都" || text[range.upperBound] == "也")
                let nobody = range.lowerBound > 0 && (text[range.lowerBound - 1] == "没" || text[range.lowerBound - 1] == "无")
                if !anyone && !nobody && !Self.saidNotToKnow(before: range.lowerBound, text) { return true }
                from = range.lowerBound + 1
            }
            return false
        }
    }

    /// 不知道找谁, 不晓得是什么原因, 物业也不说什么时候修好: a question word inside what the caller says
    /// they do not know, or were not told, is part of an account (…天天骂…不知道找谁…能不能有人来调解), not a question to us.
    /// Looks back within the clause (to a comma or a stop) at most six characters.
    static func saidNotToKnow(before index: Int, _ text: [Unicode.Scalar]) -> Bool {
        var from = index
        while from > 0, index - from < 6, !Self.isClauseBreak(text[from - 1]) { from -= 1 }
        let clause = text[from..<index]
        return notKnowing.contains { word in
            clause.count >= word.count && clause.indices.contains { i in
                i + word.count <= index && zip(clause[i..<(i + word.count)], word).allSatisfy { $0 == $1 }
            }
        }
    }

    /// The line is normalised: full-width punctuation is ASCII by now.
    static func isClauseBreak(_ c: Unicode.Scalar) -> Bool {
        switch c { case ",", ".", "?", "!", ";", ":", " ", "、": return true; default: return false }
    }

    static let notKnowing: [[Unicode.Scalar]] = ["不知道", "不晓得", "唔知", "不清楚", "搞不清", "不说", "没说"].map { Array($0.unicodeScalars) }

    /// The fallback that applies: its intent, score, whether it was a words-alone one, and the
    /// length of the longest of its words found (0 for none).
    struct FallbackReading {
        var spec: CompiledSpec
        var score: Int
        var wordsAlone: Bool
        var longestWord: Int
    }

    /// An entity with one of the fallback's words: like a two-character trigger plus half a character.
    static let fallbackWordScore = 25

    /// A words-alone fallback (an account of a wrong done, with no place or phone): above an entity
    /// alone (10: 借给朋友五万块…拉黑 is no firm's financing), below any trigger and below an entity
    /// with a word. Against an out-of-scope word it holds with a phone, or when its word weighs at least as
    /// much as the out-of-scope words (`isOutOfScope`).
    static let accountScore = 12

    static let questionWords: [[Unicode.Scalar]] = ["吗", "哪个", "哪里", "哪位", "哪些", "谁", "什么", "几点", "多少", "有没有", "有冇", "是否", "?"]
        .map { Array($0.unicodeScalars) }

    /// At least four Chinese characters after the place, outside the
    /// entities and the activity named: an account of what happened there. A few words only before
    /// the place (查询王格 香榭郦景3栋) are more likely a mistyped command, but
    /// a whole account before it (物业一直不修电梯 已经一个多月了 锦绣2栋) is
    /// how residents tell it: eight or more count.
    func tellsMore(_ analysis: Analysis) -> Bool {
        // On the stack: an array per question was an allocation and a zero fill.
        withUnsafeTemporaryAllocation(of: Bool.self, capacity: analysis.text.count) { covered in
            covered.initialize(repeating: false)
            return tellsMore(analysis, covered: covered)
        }
    }

    private func tellsMore(_ analysis: Analysis, covered: UnsafeMutableBufferPointer<Bool>) -> Bool {
        for e in analysis.entities { for i in e.start..<min(e.end, covered.count) { covered[i] = true } }
        // The activity named is no account either (新澜社区亲子阅读 asks for the class, like 新澜社区书法班).
        if let activity = analysis.activity, let range = analysis.text.firstRange(of: Array(activity.unicodeScalars), from: 0) {
            for i in range where i < covered.count { covered[i] = true }
        }
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
}
