/// A short list of marker words (不对, 先不说这个 …) and where the last one in a
/// line ends: what a caller says after it replaces what came before.
struct MarkerWords: Sendable {
    let words: [[Unicode.Scalar]]
    /// The words' first characters: only there is the list compared (this runs on every line).
    private let firsts: ScalarTable<Bool>

    init(_ words: [String]) {
        self.words = words.map { Array($0.unicodeScalars) }
        firsts = ScalarTable(Dictionary(self.words.map { ($0[0], true) }, uniquingKeysWith: { a, _ in a }), missing: false)
    }

    /// Where the text after the last marker word ends, if one occurs.
    func endOfLast(in s: [Unicode.Scalar]) -> Int? {
        var found: Int? = nil
        forEachEnd(in: s) { found = $0 }
        return found
    }

    /// Where the text after each marker word ends, in order.
    func ends(in s: [Unicode.Scalar]) -> [Int] {
        var found: [Int] = []
        forEachEnd(in: s) { found.append($0) }
        return found
    }

    private func forEachEnd(in s: [Unicode.Scalar], _ body: (Int) -> Void) {
        var i = 0
        while i < s.count {
            if firsts[s[i]], let m = words.first(where: { i + $0.count <= s.count && s[i..<(i + $0.count)].elementsEqual($0) }) {
                body(i + m.count)
                i += m.count
            } else { i += 1 }
        }
    }
}
