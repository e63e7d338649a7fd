import Testing
@testable import Understanding

/// The trie's two walks (before and after `freeze`) against a plain search of every word
/// at every position: the frozen walk's bit tables and steps' table must never lose a hit
/// or change their order (by start, then the shorter first).
@Suite struct ScalarTrieTests {
    /// Every occurrence of every word, found one word at a time.
    private func plainHits(_ words: [[Unicode.Scalar]], in text: [Unicode.Scalar]) -> [[Int32]] {
        var out: [[Int32]] = []
        for start in text.indices {
            var found: [(length: Int, word: Int)] = []
            for (number, word) in words.enumerated() where !word.isEmpty && start + word.count <= text.count
                && Array(text[start..<(start + word.count)]) == word {
                found.append((word.count, number))
            }
            // The same scalars are one word: its first number.
            var seen = Set<[Unicode.Scalar]>()
            for f in found.sorted(by: { $0.length < $1.length }) where seen.insert(words[f.word]).inserted {
                out.append([Int32(f.word), Int32(start), Int32(f.length)])
            }
        }
        return out
    }

    private func triple(_ hits: [ScalarTrie.Hit]) -> [[Int32]] { hits.map { [$0.word, $0.start, $0.length] } }

    @Test func bothWalksFindWhatAPlainSearchFinds() {
        // A small alphabet (so words overlap, share prefixes and nest), a character outside
        // the BMP, and words of one to five characters.
        let alphabet: [Unicode.Scalar] = ["报", "事", "电", "梯", "坏", "了", "a", "1", "😀"]
        var generator = SplitMix(seed: 7)
        for round in 0..<40 {
            var words: [[Unicode.Scalar]] = []
            for _ in 0..<(5 + round) {
                words.append((0..<(1 + Int(generator.next() % 5))).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
            }
            var trie = ScalarTrie()
            let numbers = words.map { trie.add($0)! }
            #expect(Set(words).count == trie.wordCount)
            for _ in 0..<10 {
                let text = (0..<Int(generator.next() % 30)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
                let expected = plainHits(words, in: text).map { [numbers[Int($0[0])], $0[1], $0[2]] }
                #expect(triple(trie.hits(in: text)) == expected, "unfrozen, round \(round): \(String(String.UnicodeScalarView(text)))")
                var frozen = trie
                frozen.freeze()
                #expect(triple(frozen.hits(in: text)) == expected, "frozen, round \(round): \(String(String.UnicodeScalarView(text)))")
            }
        }
    }

    @Test func aWordAddedAfterFreezingIsFound() {
        var trie = ScalarTrie()
        trie.add("电梯")
        trie.freeze()
        trie.add("电梯坏了")
        let text = Array("电梯坏了".unicodeScalars)
        #expect(triple(trie.hits(in: text)) == [[0, 0, 2], [1, 0, 4]])
        trie.freeze()
        #expect(triple(trie.hits(in: text)) == [[0, 0, 2], [1, 0, 4]])
    }
}

/// A small seeded generator, so that a failing round can be replayed.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
