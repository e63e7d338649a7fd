/// Keyword slots: which value's word the line says, the longest winning, and
/// not one said right after a negation (不太满意 is not 满意).
extension SlotFiller {
    /// The value whose word occurs, the longest word winning, then the
    /// earliest (回访 … 要求重办: the command said first), then the value
    /// listed first in the intent file (the values used to be tried in
    /// dictionary order, which changed from run to run). Ranks come first: an
    /// outranking word (an emergency's) wins wherever it stands; a word that
    /// only reports a state (the slot's `reports`) counts only when no other
    /// word is said: 修好了，办结 closes. A word right after a negation or a
    /// fear (不太满意, 没有上门, 怕着火) does not count: it is not what happened.
    /// The best word of rank 2, else of rank 1, else of rank 0: the longest that
    /// occurs, the earliest on ties, the first in the table on both. The three
    /// ranks are chosen in one pass over the table (a pass per rank was three
    /// times the work, a few per cent of a parse for the larger tables).
    func keyword(_ table: KeywordTable, _ occurrences: [Int32]) -> String? {
        typealias Best = (value: String, length: Int, at: Int32)
        var best0: Best? = nil, best1: Best? = nil, best2: Best? = nil
        func consider(_ best: inout Best?, _ value: String, _ length: Int, _ number: Int32?) {
            guard length >= (best?.length ?? 0), let number, case let at = occurrences[Int(number)], at >= 0 else { return }
            if let b = best, length == b.length, at >= b.at { return }
            best = (value, length, at)
        }
        for (value, words) in table {
            for (length, number, rank) in words {
                switch rank {
                case 2: consider(&best2, value, length, number)
                case 1: consider(&best1, value, length, number)
                case 0: consider(&best0, value, length, number)
                default: continue
                }
            }
        }
        return best2?.value ?? best1?.value ?? best0?.value
    }

    /// A keyword table by word: per word of `keywordTrie`, the rows (value,
    /// word) of the table that have it, so that a line's few words are looked
    /// up rather than every word of the table tried.
    struct KeywordIndex: Sendable {
        struct Row: Sendable {
            /// The value's index in the table, the word's length and rank, and the
            /// row's place in the table read in order (value by value, word by word).
            var value: Int32
            var length: Int32
            var rank: Int32
            var order: Int32
        }
        /// Word w's rows are `rows[offsets[w]..<offsets[w + 1]]`.
        let offsets: [Int32]
        let rows: [Row]

        init(_ table: KeywordTable, wordCount: Int) {
            var byWord = [[Row]](repeating: [], count: wordCount)
            var order: Int32 = 0
            for (v, entry) in table.enumerated() {
                for (length, number, rank) in entry.words {
                    defer { order += 1 }
                    guard let number, (0...2).contains(rank) else { continue }
                    byWord[Int(number)].append(Row(value: Int32(v), length: Int32(length), rank: Int32(rank), order: order))
                }
            }
            var offsets: [Int32] = [0]
            offsets.reserveCapacity(wordCount + 1)
            for rows in byWord { offsets.append(offsets.last! + Int32(rows.count)) }
            self.offsets = offsets
            self.rows = byWord.flatMap { $0 }
        }

        /// The index of the value `keyword(_:_:)` chooses over the whole table:
        /// per rank the longest word that occurs, the earliest on ties, the
        /// first in the table on both; the best of rank 2, else 1, else 0.
        func best(_ occurrences: [(word: Int32, at: Int32)]) -> Int? {
            typealias Best = (row: Row, at: Int32)
            var best0: Best? = nil, best1: Best? = nil, best2: Best? = nil
            func consider(_ best: inout Best?, _ row: Row, _ at: Int32) {
                if let b = best {
                    guard row.length > b.row.length || row.length == b.row.length && (at < b.at || at == b.at && row.order < b.row.order) else { return }
                }
                best = (row, at)
            }
            for (word, at) in occurrences {
                for k in Int(offsets[Int(word)])..<Int(offsets[Int(word) + 1]) {
                    let row = rows[k]
                    switch row.rank {
                    case 2: consider(&best2, row, at)
                    case 1: consider(&best1, row, at)
                    default: consider(&best0, row, at)
                    }
                }
            }
            return (best2 ?? best1 ?? best0).map { Int($0.row.value) }
        }
    }

    /// The same for a slot not compiled above (a spec from outside the
    /// catalogue), searching each word in the text's UTF-8 bytes.
    func keyword(_ slot: SlotSpec, in text: String) -> String? {
        keyword(slot, in: text, rank: 2) ?? keyword(slot, in: text, rank: 1) ?? keyword(slot, in: text, rank: 0)
    }

    private func keyword(_ slot: SlotSpec, in text: String, rank: Int) -> String? {
        var best: (value: String, length: Int, at: Int)? = nil
        var haystack = text
        haystack.withUTF8 { h in
            for entry in slot.keywordTable {
                for word in entry.words where word.rank == rank && word.length >= (best?.length ?? 0) {
                    guard let at = Self.affirmedOffset(word.utf8, in: h) else { continue }
                    if let b = best, word.length == b.length, at >= b.at { continue }
                    best = (entry.value, word.length, at)
                }
            }
        }
        return best?.value
    }

    /// Words before a keyword that say it did not happen: negations, and fears
    /// of what might (怕着火, 担心漏电). Filing's classification skips the same
    /// (`GrievanceRules.notHappened`).
    static let negations = ["不太", "不是很", "没有", "不", "没", "未", "别", "怕", "担心", "万一", "以防", "防止", "容易", "无人员", "无人"]

    static func occursAffirmed(_ word: String, in text: String) -> Bool {
        affirmedOccurrence(word, in: text) != nil
    }

    /// The negations as UTF-8, for the byte search below.
    static let negationBytes = negations.map { Array($0.utf8) }
    static let notBytes = Array("没".utf8), haveBytes = Array("有".utf8)

    /// Where `word` first occurs not right after a negation. Searches UTF-8
    /// bytes (a match can only start on a scalar boundary): `range(of:)` here
    /// went through Foundation's locale-aware search, the largest cost of a
    /// parse in a profile.
    static func affirmedOccurrence(_ word: String, in text: String) -> String.Index? {
        guard !word.isEmpty else { return nil }
        var haystack = text
        let offset: Int? = haystack.withUTF8 { h in affirmedOffset(Array(word.utf8), in: h) }
        return offset.map { text.utf8.index(text.utf8.startIndex, offsetBy: $0) }
    }

    /// The UTF-8 offset of the first occurrence of `n` in `h` not right after a negation.
    static func affirmedOffset(_ n: [UInt8], in h: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !n.isEmpty else { return nil }
        return n.withUnsafeBufferPointer { n in
            var from = 0
            while from + n.count <= h.count,
                  let i = LiteralSearch.firstIndex(of: n, in: UnsafeBufferPointer(rebasing: h[from...])) {
                let at = from + i
                let negated = negationBytes.contains { neg in
                    // 有没有义诊: a question, not a negation.
                    at >= neg.count && h[(at - neg.count)..<at].elementsEqual(neg)
                        && !(neg.starts(with: Self.notBytes) && at >= neg.count + 3 && h[(at - neg.count - 3)..<(at - neg.count)].elementsEqual(Self.haveBytes))
                }
                if !negated { return at }
                from = at + 1
            }
            return nil
        }
    }
}
