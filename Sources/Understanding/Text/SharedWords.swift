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

    /// One line's hits of the five lists `Understander` gives, in that order (see `LineWords`),
    /// each by start, then the shorter first.
    func lineWords(in scalars: [Unicode.Scalar]) -> LineWords {
        precondition(listCount == 5, "SharedWords: a line's words are the five lists of LineWords")
        let (flat, ends) = flatHits(in: scalars)
        func list(_ l: Int) -> ArraySlice<ScalarTrie.Hit> { flat[(l == 0 ? 0 : ends[l - 1])..<ends[l]] }
        return LineWords(classifier: list(0), community: list(1), activity: list(2), keyword: list(3), enterprise: list(4))
    }

    /// Where each of the five lists' runs ends in the one array (a tuple: an array was one more allocation).
    struct Ends {
        private var ends: (Int, Int, Int, Int, Int) = (0, 0, 0, 0, 0)
        subscript(l: Int) -> Int {
            get {
                switch l { case 0: return ends.0; case 1: return ends.1; case 2: return ends.2; case 3: return ends.3; default: return ends.4 }
            }
            set {
                switch l { case 0: ends.0 = newValue; case 1: ends.1 = newValue; case 2: ends.2 = newValue; case 3: ends.3 = newValue; default: ends.4 = newValue }
            }
        }
    }

    /// Every list's hits in one array, list after list, and where each list's run ends.
    /// One pass over the hits hands each to the lists that have its word (a pass per list,
    /// each with its own array reserved, showed in a profile); one array for all the lists
    /// rather than one per list (the most allocations of any one place in a count per parse).
    private func flatHits(in scalars: [Unicode.Scalar]) -> (hits: [ScalarTrie.Hit], ends: Ends) {
        var all = trie.hits(in: scalars)
        if hasFieldWords {
            all.removeAll { isFieldWord[Int($0.word)] && !FieldWords.isField($0, in: scalars) }
        }
        // The tables read into locals: the closures below would otherwise capture
        // `self`, a copy of every field of it (a retain and a release of each) per line.
        let lists = self.lists, numbers = self.numbers, listCount = self.listCount
        let count = lists.count
        // Each list's run found by counting first, then the one array filled in place.
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: listCount) { next in
            next.initialize(repeating: 0)
            for hit in all {
                var m = lists[Int(hit.word)]
                while m != 0 {
                    next[m.trailingZeroBitCount] += 1
                    m &= m - 1
                }
            }
            // `next[l]`: where list l's next hit goes; its run ends at the sum of the sizes up to it.
            var ends = Ends()
            var total = 0
            for l in 0..<listCount {
                let size = next[l]
                next[l] = total
                total += size
                ends[l] = total
            }
            let flat = [ScalarTrie.Hit].written(capacity: total) { buffer in
                for hit in all {
                    var m = lists[Int(hit.word)]
                    while m != 0 {
                        let l = m.trailingZeroBitCount
                        buffer.initializeElement(at: next[l], to: ScalarTrie.Hit(word: numbers[l * count + Int(hit.word)], start: hit.start, length: hit.length))
                        next[l] += 1
                        m &= m - 1
                    }
                }
                return total
            }
            return (flat, ends)
        }
    }
}

/// One line's hits of each list of `SharedWords`, as the analysis carries them: runs of one array.
struct LineWords {
    var classifier: ArraySlice<ScalarTrie.Hit>
    var community: ArraySlice<ScalarTrie.Hit>
    var activity: ArraySlice<ScalarTrie.Hit>
    var keyword: ArraySlice<ScalarTrie.Hit>
    /// The registered firms' names and short forms (`SlotFiller.enterpriseTrie`).
    var enterprise: ArraySlice<ScalarTrie.Hit> = []
}
