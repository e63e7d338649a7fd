/// The word lists searched on every line (the classifier's words, the
/// community names, the activity terms, the keyword slots' words, the firms'
/// names) in one trie,
/// so a line is walked once rather than once per list: each walk costs a
/// lookup in a 256 KiB root table per character, and four of them were a
/// twentieth of a parse in a profile. Each list gets the hits its own trie
/// would have found, numbered as in its own trie, in the same order.
struct SharedWords: Sendable {
    private let trie: ScalarTrie
    /// Per list, per word of the shared trie: its number in that list, or -1.
    private let numbers: [[Int32]]

    init(_ lists: [ScalarTrie]) {
        var trie = ScalarTrie()
        let shared = lists.map { list in list.words.map { trie.add($0)! } }
        numbers = shared.map { list in
            var map = [Int32](repeating: -1, count: trie.wordCount)
            for (local, number) in list.enumerated() { map[Int(number)] = Int32(local) }
            return map
        }
        self.trie = trie
    }

    /// Each list's hits in `scalars` (by start, then the shorter first), in the order the lists were given.
    func hits(in scalars: [Unicode.Scalar]) -> [[ScalarTrie.Hit]] {
        let all = trie.hits(in: scalars)
        return numbers.map { map in
            var own: [ScalarTrie.Hit] = []
            own.reserveCapacity(all.count)
            for hit in all where map[Int(hit.word)] >= 0 {
                own.append(ScalarTrie.Hit(word: map[Int(hit.word)], start: hit.start, length: hit.length))
            }
            return own
        }
    }
}

/// One line's hits of each list of `SharedWords`, as the analysis carries them.
struct LineWords {
    var classifier: [ScalarTrie.Hit]
    var community: [ScalarTrie.Hit]
    var activity: [ScalarTrie.Hit]
    var keyword: [ScalarTrie.Hit]
    /// The registered firms' names and short forms (`SlotFiller.enterpriseTrie`).
    var enterprise: [ScalarTrie.Hit] = []
}
