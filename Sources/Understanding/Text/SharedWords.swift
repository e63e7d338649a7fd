/// The word lists searched on every line (the classifier's words, the
/// community names, the activity terms, the keyword slots' words, the firms'
/// names) in one trie,
/// so a line is walked once rather than once per list: each walk costs a
/// lookup in a 256 KiB root table per character, and four of them were a
/// twentieth of a parse in a profile. Each list gets the hits its own trie
/// would have found, numbered as in its own trie, in the same order.
///
/// A field word (`IntentCatalog.fieldWords`: `close` for 办结) is found as the
/// word it stands for, in every list that has that word, but only as a field
/// of a key=value line (`FieldWords.isField`).
struct SharedWords: Sendable {
    private let trie: ScalarTrie
    /// Per list, per word of the shared trie (`list * wordCount + word`): its number in that list, or -1.
    private let numbers: [Int32]
    /// Per word of the shared trie: the lists that have it, one bit per list.
    private let lists: [UInt32]
    private let listCount: Int
    /// Per word of the shared trie: whether it is a field word.
    private let isFieldWord: [Bool]
    private let hasFieldWords: Bool

    init(_ lists: [ScalarTrie], fieldWords: [(alias: String, word: String)] = []) {
        precondition(lists.count <= 32, "SharedWords: at most 32 lists (one bit each)")
        var trie = ScalarTrie()
        let shared = lists.map { list in list.words.map { trie.add($0)! } }
        let aliases = fieldWords.flatMap { field in
            FieldWords.spellings(of: field.alias).map { (trie.add($0)!, Array(field.word.unicodeScalars)) }
        }
        let count = trie.wordCount
        var numbers = [Int32](repeating: -1, count: lists.count * count)
        var bits = [UInt32](repeating: 0, count: count)
        for (l, (list, own)) in zip(lists, shared).enumerated() {
            for (local, number) in own.enumerated() {
                numbers[l * count + Int(number)] = Int32(local)
                bits[Int(number)] |= 1 << UInt32(l)
            }
            for (alias, word) in aliases where numbers[l * count + Int(alias)] < 0 {
                if let local = list.number(of: word) {
                    numbers[l * count + Int(alias)] = local
                    bits[Int(alias)] |= 1 << UInt32(l)
                }
            }
        }
        self.numbers = numbers
        self.lists = bits
        self.listCount = lists.count
        var isField = [Bool](repeating: false, count: count)
        for (alias, _) in aliases { isField[Int(alias)] = true }
        // A field word that is also a list's own word (never, with the shipped
        // files) keeps its own meaning everywhere.
        for list in shared { for number in list { isField[Int(number)] = false } }
        isFieldWord = isField
        hasFieldWords = !aliases.isEmpty
        trie.freeze()
        self.trie = trie
    }

    /// Each list's hits in `scalars` (by start, then the shorter first), in the order the lists were given.
    /// One pass over the hits hands each to the lists that have its word (a pass per list,
    /// each with its own array reserved, showed in a profile); a list with no hit gets no array.
    func hits(in scalars: [Unicode.Scalar]) -> [[ScalarTrie.Hit]] {
        var all = trie.hits(in: scalars)
        if hasFieldWords {
            all.removeAll { isFieldWord[Int($0.word)] && !FieldWords.isField($0, in: scalars) }
        }
        var own = [[ScalarTrie.Hit]](repeating: [], count: listCount)
        let count = lists.count
        // Each list's array made at its final size: grown hit by hit, a list's
        // array was reallocated two or three times a line (allocations counted
        // per parse: these were the most of any one place).
        withUnsafeTemporaryAllocation(of: Int.self, capacity: listCount) { sizes in
            sizes.initialize(repeating: 0)
            for hit in all {
                var m = lists[Int(hit.word)]
                while m != 0 {
                    sizes[m.trailingZeroBitCount] += 1
                    m &= m - 1
                }
            }
            for l in 0..<listCount where sizes[l] > 0 { own[l].reserveCapacity(sizes[l]) }
        }
        for hit in all {
            var m = lists[Int(hit.word)]
            while m != 0 {
                let l = m.trailingZeroBitCount
                own[l].append(ScalarTrie.Hit(word: numbers[l * count + Int(hit.word)], start: hit.start, length: hit.length))
                m &= m - 1
            }
        }
        return own
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
