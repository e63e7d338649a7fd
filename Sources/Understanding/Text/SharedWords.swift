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
    /// Per list, per word of the shared trie: its number in that list, or -1.
    private let numbers: [[Int32]]
    /// Per word of the shared trie: whether it is a field word.
    private let isFieldWord: [Bool]
    private let hasFieldWords: Bool

    init(_ lists: [ScalarTrie], fieldWords: [(alias: String, word: String)] = []) {
        var trie = ScalarTrie()
        let shared = lists.map { list in list.words.map { trie.add($0)! } }
        let aliases = fieldWords.flatMap { field in
            FieldWords.spellings(of: field.alias).map { (trie.add($0)!, Array(field.word.unicodeScalars)) }
        }
        numbers = zip(lists, shared).map { list, numbers in
            var map = [Int32](repeating: -1, count: trie.wordCount)
            for (local, number) in numbers.enumerated() { map[Int(number)] = Int32(local) }
            for (alias, word) in aliases where map[Int(alias)] < 0 {
                if let local = list.number(of: word) { map[Int(alias)] = local }
            }
            return map
        }
        var isField = [Bool](repeating: false, count: trie.wordCount)
        for (alias, _) in aliases { isField[Int(alias)] = true }
        // A field word that is also a list's own word (never, with the shipped
        // files) keeps its own meaning everywhere.
        for list in shared { for number in list { isField[Int(number)] = false } }
        isFieldWord = isField
        hasFieldWords = !aliases.isEmpty
        self.trie = trie
    }

    /// Each list's hits in `scalars` (by start, then the shorter first), in the order the lists were given.
    func hits(in scalars: [Unicode.Scalar]) -> [[ScalarTrie.Hit]] {
        var all = trie.hits(in: scalars)
        if hasFieldWords {
            all.removeAll { isFieldWord[Int($0.word)] && !FieldWords.isField($0, in: scalars) }
        }
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
