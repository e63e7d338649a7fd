/// Many words searched in one pass: a trie over Unicode scalars, built once
/// per word list, walked from every position of a text. Searching each word
/// one by one over the text was a fifth of a parse in a profile; one pass
/// costs about the text's length times the depth actually walked (a few
/// characters), whatever the number of words.
///
/// Words are numbered in the order first added (`add` returns the number; the
/// same scalars get the same number). The empty word is never found.
struct ScalarTrie: Sendable {
    /// One occurrence: the word's number and where it starts (scalar offsets).
    struct Hit: Sendable {
        var word: Int32
        var start: Int32
        var length: Int32
    }

    /// Root children of Basic Multilingual Plane scalars, indexed by value:
    /// the first character is the step every position takes, so it is a load
    /// rather than a search. -1 = no word starts with it.
    private var rootBMP: [Int32]
    /// Root children outside the BMP (emoji, rare Han), rarely used.
    private var rootOther: [UInt32: Int32] = [:]
    /// Children of the other nodes, as (scalar, node) pairs per node (a
    /// handful each: a linear search beats hashing).
    private var children: [[(scalar: UInt32, node: Int32)]] = [[]]
    /// The word that ends at each node, or -1.
    private var terminal: [Int32] = [-1]
    /// Word lengths in scalars, by number.
    private(set) var lengths: [Int32] = []
    /// The words by number (for `SharedWords`, which searches several tries' words in one).
    private(set) var words: [[Unicode.Scalar]] = []
    private var numbers: [[Unicode.Scalar]: Int32] = [:]

    init() {
        rootBMP = [Int32](repeating: -1, count: 0x10000)
    }

    var wordCount: Int { lengths.count }

    /// The number of `word` (added if new), or nil for the empty word.
    @discardableResult
    mutating func add(_ word: [Unicode.Scalar]) -> Int32? {
        guard !word.isEmpty else { return nil }
        if let known = numbers[word] { return known }
        var node: Int32 = 0
        for (k, s) in word.enumerated() {
            let existing = k == 0 ? rootChild(s.value) : children[Int(node)].first(where: { $0.scalar == s.value })?.node
            if let existing {
                node = existing
                continue
            }
            let fresh = Int32(terminal.count)
            children.append([])
            terminal.append(-1)
            if k == 0 { rootSet(s.value, fresh) } else { children[Int(node)].append((s.value, fresh)) }
            node = fresh
        }
        let number = Int32(lengths.count)
        terminal[Int(node)] = number
        lengths.append(Int32(word.count))
        words.append(word)
        numbers[word] = number
        return number
    }

    @discardableResult
    mutating func add(_ word: String) -> Int32? { add(Array(word.unicodeScalars)) }

    private func rootChild(_ value: UInt32) -> Int32? {
        let node = value < 0x10000 ? rootBMP[Int(value)] : (rootOther[value] ?? -1)
        return node < 0 ? nil : node
    }

    private mutating func rootSet(_ value: UInt32, _ node: Int32) {
        if value < 0x10000 { rootBMP[Int(value)] = node } else { rootOther[value] = node }
    }

    /// Every occurrence of every word in `scalars`, by start, then the shorter first.
    func hits(in scalars: [Unicode.Scalar]) -> [Hit] {
        var out: [Hit] = []
        scalars.withUnsafeBufferPointer { text in
            rootBMP.withUnsafeBufferPointer { root in
                for i in 0..<text.count {
                    let v = text[i].value
                    var node = v < 0x10000 ? root[Int(v)] : (rootOther[v] ?? -1)
                    var j = i
                    while node >= 0 {
                        let word = terminal[Int(node)]
                        if word >= 0 { out.append(Hit(word: word, start: Int32(i), length: Int32(j - i + 1))) }
                        j += 1
                        guard j < text.count else { break }
                        let next = text[j].value
                        node = children[Int(node)].first(where: { $0.scalar == next })?.node ?? -1
                    }
                }
            }
        }
        return out
    }
}
