/// The classifier's out-of-scope judgement: a service the hotline does not
/// offer (帮我预约一个专家号, 订一张高铁票) is out of scope rather than a guess,
/// unless the line also has what the intent works on (an activity, a place, an id …).
extension IntentClassifier {
    /// Whether the line is out of scope, given the best trigger-scored intent
    /// and the strongest fallback. `trigger`: the best intent's trigger, when a word: an
    /// out-of-scope word said only inside it is part of that phrase (社保 of 不给交社保).
    func isOutOfScope(best: (spec: CompiledSpec, score: Int)?, trigger: Trigger? = nil, fallback: FallbackReading?,
                      _ analysis: Analysis, _ matches: Matches) -> Bool {
        let phrase = trigger.flatMap { $0.isPattern ? nil : $0.start..<$0.end }
        guard let oos = outOfScopeScore(matches, outside: phrase) else { return false }
        if let best, hasSubstance(best.spec, analysis, orOutweighs: oos, score: best.score) { return false }
        // The same for a fallback: a problem told at a place (…退休金不够看病…帮一把 at 富康新村3栋) is still a report,
        // also beside a trigger with nothing to work on (社康打疫苗…要预约，预约电话打不通).
        // Not an account told at a place alone (香榭郦景3栋 想挂个专家号): that needs one of the fallback's words.
        // A wrong told in words alone counts too when the line has what the intent works on (外卖 of
        // 外卖骑手…钱全扣了 with a phone to call back), though not without it (银行卡被锁了怎么办).
        if let fallback, fallback.score >= Self.fallbackWordScore || fallback.wordsAlone,
           hasSubstance(fallback.spec, analysis, orOutweighs: oos, score: fallback.score) {
            return false
        }
        // A wrong told at length outweighs the service it names (社康 of 社康中心打疫苗要排一上午，
        // 能不能多开个窗口 is a complaint; 帮我约个社康的号 a service we do not offer): its longest word
        // weighs like a trigger, and must reach the out-of-scope words' weight — when it is what the line is read as.
        if let fallback, fallback.wordsAlone, fallback.longestWord * 10 >= oos, best.map({ fallback.score > $0.score }) ?? true {
            return false
        }
        return best != nil || fallback != nil
    }

    /// Whether the text has any of what the intent works on: its evidence or
    /// fallback entities. Intents that declare neither (帮助, 统计) are weighed
    /// by score alone: the out-of-scope words must not outweigh the trigger.
    private func hasSubstance(_ spec: CompiledSpec, _ analysis: Analysis, orOutweighs oos: Int, score: Int) -> Bool {
        let types = spec.substance
        return types.isEmpty ? oos < score : types.contains { analysis.has($0) }
    }

    /// The weight of out-of-scope words: the longest one like a trigger, each
    /// further one (at most two) like a cue. Nil when there is none. A word
    /// found only inside `phrase` does not count.
    private func outOfScopeScore(_ matches: Matches, outside phrase: Range<Int>?) -> Int? {
        var longest: Int32 = 0, found: Int32 = 0
        // Each out-of-scope word once, from its first occurrence outside the phrase (the words
        // counted so far, on the stack: a line has a handful of hits).
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: matches.hits.count) { counted in
            var n = 0
            for hit in matches.hits {
                let w = Int(hit.word)
                let times = outOfScopeTimes[w]
                guard times > 0 else { continue }
                if let phrase, phrase.contains(Int(hit.start)), Int(hit.start + hit.length) <= phrase.upperBound { continue }
                if UnsafeMutableBufferPointer(rebasing: counted[0..<n]).contains(hit.word) { continue }
                counted[n] = hit.word
                n += 1
                found += times
                longest = max(longest, outOfScopeLengths[w])
            }
        }
        return found == 0 ? nil : Int(longest) * 10 + 10 + (min(Int(found), 3) - 1) * 10
    }
}
