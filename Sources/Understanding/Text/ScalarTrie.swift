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
    /// Children of the other nodes as flat sibling lists: each node's first
    /// child, its next sibling and the scalar that leads to it, all plain
    /// `Int32`/`UInt32` arrays. An array of (scalar, node) arrays per node
    /// cost a retain and release of the inner array at every step of the
    /// walk (a twentieth of a parse in a profile); a node has a handful of
    /// children, so walking siblings beats hashing.
    private var firstChild: [Int32] = [-1]
    private var nextSibling: [Int32] = [-1]
    private var scalarOf: [UInt32] = [0]
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
    /// The children again, made by `freeze()` for the walk: node n's children
    /// are `childScalars[childStart[n]..<childStart[n + 1]]`, sorted, leading
    /// to `childNodes` at the same positions. Contiguous and sorted, a step
    /// reads one short run of scalars and stops at the first greater one;
    /// following `nextSibling` loaded one sibling after another (a dependent
    /// load each), half of the walk's time in a profile, as a word's first
    /// character (我, 报) may have tens of second characters. Empty until
    /// frozen, and again after a word is added.
    private var childStart: [Int32] = []
    private var childScalars: [UInt32] = []
    private var childNodes: [Int32] = []

    /// Lays out the children for `hits` (see `childStart`). Call once the words are in.
    mutating func freeze() {
        var start: [Int32] = [0], scalars: [UInt32] = [], nodes: [Int32] = []
        start.reserveCapacity(terminal.count + 1)
        for node in 0..<terminal.count {
            var children: [(UInt32, Int32)] = []
            var c = firstChild[node]
            while c >= 0 {
                children.append((scalarOf[Int(c)], c))
                c = nextSibling[Int(c)]
            }
            children.sort { $0.0 < $1.0 }
            for (s, n) in children {
                scalars.append(s)
                nodes.append(n)
            }
            start.append(Int32(scalars.count))
        }
        childStart = start
        childScalars = scalars
        childNodes = nodes
        var edges = [UInt64](repeating: 0, count: Self.edgeWords)
        var singles = [UInt64](repeating: 0, count: 0x10000 / 64)
        for node in 0..<terminal.count {
            var c = firstChild[node]
            while c >= 0 {
                let bit = Self.edgeBit(Int32(node), scalarOf[Int(c)])
                edges[bit >> 6] |= 1 << UInt64(bit & 63)
                c = nextSibling[Int(c)]
            }
        }
        // A word's first two characters by their scalars (`pairBit`), and the BMP
        // characters that are words on their own, for the walk's first step.
        for v in 0..<0x10000 where rootStarts[v >> 6] & (1 << UInt64(v & 63)) != 0 {
            let node = rootBMP[v]
            if terminal[Int(node)] >= 0 { singles[v >> 6] |= 1 << UInt64(v & 63) }
            var c = firstChild[Int(node)]
            while c >= 0 {
                let bit = Self.pairBit(UInt32(v), scalarOf[Int(c)])
                edges[bit >> 6] |= 1 << UInt64(bit & 63)
                c = nextSibling[Int(c)]
            }
        }
        edgeBits = edges
        singleWords = singles
    }

    /// The BMP characters that are words on their own, as bits (made by `freeze`).
    private var singleWords: [UInt64] = []

    /// A first step (first scalar, second scalar) in `edgeBits`, by the scalars rather
    /// than the first character's node: a step that leads nowhere is turned away before
    /// the node is loaded from `rootBMP` (256 KiB) and its word from `terminal`, two
    /// loads that missed the cache at most characters of a line in an annotated profile.
    /// Keyed apart from `edgeBit`'s (node numbers are never negative).
    @inline(__always)
    private static func pairBit(_ first: UInt32, _ second: UInt32) -> Int {
        edgeBit(~Int32(bitPattern: first), second)
    }

    /// Which (node, next scalar) steps may lead somewhere, hashed to one bit each
    /// (64 KiB, made by `freeze`): most steps of the walk lead nowhere, and reading
    /// a node's sorted children to learn that (a common first character such as
    /// 我 has tens) was a third of the walk in a profile. A clear bit is a certain
    /// no; a set one is checked in the children as before.
    private var edgeBits: [UInt64] = []
    private static let edgeWords = 1 << 13

    @inline(__always)
    private static func edgeBit(_ node: Int32, _ scalar: UInt32) -> Int {
        let h = (UInt32(bitPattern: node) &* 0x9E37_79B1) ^ (scalar &* 0x85EB_CA6B)
        return Int((h ^ (h >> 15)) & UInt32(edgeWords * 64 - 1))
    }

    @discardableResult
    mutating func add(_ word: [Unicode.Scalar]) -> Int32? {
        guard !word.isEmpty else { return nil }
        if let known = numbers[word] { return known }
        if !childStart.isEmpty { childStart = []; childScalars = []; childNodes = []; edgeBits = [] }
        var node: Int32 = 0
        for (k, s) in word.enumerated() {
            let existing = k == 0 ? rootChild(s.value) : child(of: node, s.value)
            if let existing {
                node = existing
                continue
            }
            let fresh = Int32(terminal.count)
            terminal.append(-1)
            firstChild.append(-1)
            scalarOf.append(s.value)
            if k == 0 {
                nextSibling.append(-1)
                rootSet(s.value, fresh)
            } else {
                nextSibling.append(firstChild[Int(node)])
                firstChild[Int(node)] = fresh
            }
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

    /// The number of `word` if it was added.
    func number(of word: [Unicode.Scalar]) -> Int32? { numbers[word] }

    private func child(of node: Int32, _ value: UInt32) -> Int32? {
        var c = firstChild[Int(node)]
        while c >= 0 {
            if scalarOf[Int(c)] == value { return c }
            c = nextSibling[Int(c)]
        }
        return nil
    }

    private func rootChild(_ value: UInt32) -> Int32? {
        let node = value < 0x10000 ? rootBMP[Int(value)] : (rootOther[value] ?? -1)
        return node < 0 ? nil : node
    }

    private mutating func rootSet(_ value: UInt32, _ node: Int32) {
        if value < 0x10000 {
            rootBMP[Int(value)] = node
            rootStarts[Int(value >> 6)] |= 1 << UInt64(value & 63)
        } else {
            rootOther[value] = node
        }
    }

    /// Which BMP scalars begin a word, as bits (8 KiB), tested before
    /// `rootBMP` (256 KiB, too large to stay in the cache): most characters
    /// of a line begin none.
    private var rootStarts = [UInt64](repeating: 0, count: 0x10000 / 64)

    /// Every occurrence of every word in `scalars`, by start, then the shorter first.
    func hits(in scalars: [Unicode.Scalar]) -> [Hit] {
        var out: [Hit] = []
        // Room for about a hit per character at once: a line has tens of hits, and
        // growing the array from empty reallocated and copied it four or five times.
        // Twice the length and a few: at one per character, lines with overlapping words
        // (a word and its longer forms) still grew it once in a count of allocations.
        out.reserveCapacity(2 * scalars.count + 8)
        let frozen = !childStart.isEmpty
        scalars.withUnsafeBufferPointer { text in
            rootBMP.withUnsafeBufferPointer { root in
                rootStarts.withUnsafeBufferPointer { starts in
                    terminal.withUnsafeBufferPointer { terminal in
                        firstChild.withUnsafeBufferPointer { firstChild in
                            nextSibling.withUnsafeBufferPointer { nextSibling in
                                scalarOf.withUnsafeBufferPointer { scalarOf in
                                    childStart.withUnsafeBufferPointer { childStart in
                                        childScalars.withUnsafeBufferPointer { childScalars in
                                            childNodes.withUnsafeBufferPointer { childNodes in
                                              edgeBits.withUnsafeBufferPointer { edges in
                                              singleWords.withUnsafeBufferPointer { singles in
                                                for i in 0..<text.count {
                                                    let v = text[i].value
                                                    if v < 0x10000, starts[Int(v >> 6)] & (1 << UInt64(v & 63)) == 0 { continue }
                                                    // The first step by the scalars (`pairBit`): the same hits, in the same order.
                                                    var skipFirst = false
                                                    if frozen, v < 0x10000 {
                                                        if singles[Int(v >> 6)] & (1 << UInt64(v & 63)) != 0 {
                                                            out.append(Hit(word: terminal[Int(root[Int(v)])], start: Int32(i), length: 1))
                                                        }
                                                        guard i + 1 < text.count else { continue }
                                                        let bit = Self.pairBit(v, text[i + 1].value)
                                                        guard edges[bit >> 6] & (1 << UInt64(bit & 63)) != 0 else { continue }
                                                        skipFirst = true
                                                    }
                                                    var node = v < 0x10000 ? root[Int(v)] : (rootOther[v] ?? -1)
                                                    var j = i
                                                    while node >= 0 {
                                                        let word = terminal[Int(node)]
                                                        if word >= 0, !skipFirst { out.append(Hit(word: word, start: Int32(i), length: Int32(j - i + 1))) }
                                                        skipFirst = false
                                                        j += 1
                                                        guard j < text.count else { break }
                                                        let next = text[j].value
                                                        if !frozen {
                                                            var c = firstChild[Int(node)]
                                                            while c >= 0, scalarOf[Int(c)] != next { c = nextSibling[Int(c)] }
                                                            node = c
                                                            continue
                                                        }
                                                        let bit = Self.edgeBit(node, next)
                                                        guard edges[bit >> 6] & (1 << UInt64(bit & 63)) != 0 else { break }
                                                        var lo = Int(childStart[Int(node)]), hi = Int(childStart[Int(node) + 1])
                                                        // Halve a long run; then read on until the scalar is reached or passed.
                                                        while hi - lo > 8 {
                                                            let mid = (lo + hi) >> 1
                                                            if childScalars[mid] <= next { lo = mid } else { hi = mid }
                                                        }
                                                        node = -1
                                                        while lo < hi {
                                                            let s = childScalars[lo]
                                                            if s >= next {
                                                                if s == next { node = childNodes[lo] }
                                                                break
                                                            }
                                                            lo += 1
                                                        }
                                                    }
                                                }
                                              }
                                              }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return out
    }
}
