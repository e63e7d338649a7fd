import Foundation

/// Finds the best of many keywords in a text in one pass over the text: the
/// keywords are indexed by their first Unicode scalar, and only those starting
/// with a scalar of the text are compared there (as UTF-8 bytes).
///
/// Why: `GrievanceRules.classify` runs on every filed ticket and every duplicate
/// check; scanning the text once per keyword (≈170 in the sample data) was ≈3 %
/// of a filed ticket's CPU in the filing profile (docs/PERFORMANCE.md).
/// A match of valid UTF-8 can only start where a scalar starts, so looking at
/// scalar starts only finds exactly what a byte-wise search finds.
///
/// The rule is `classify`'s: a row marked urgent outranks any other, then the
/// longer keyword (in characters) wins, ties to the earlier row; an occurrence
/// right after a `notHappened` word (没有着火, 怕着火) does not count — except 没
/// after 有 (有没有着火 is a question) — though another occurrence of it may.
struct KeywordMatcher: Sendable {
    private struct Keyword: Sendable {
        var bytes: [UInt8]
        /// Its `String.count`: what `classify` ranks by.
        var characters: Int
        /// The table row it belongs to.
        var row: Int
        var urgent: Bool
    }

    private let byFirstScalar: [UInt32: [Keyword]]
    private let notHappened: [[UInt8]]
    private static let notBytes = Array("没".utf8), haveBytes = Array("有".utf8)

    /// - Parameters:
    ///   - rows: each row's keywords (empty ones are ignored) and whether it is urgent, in table order.
    ///   - notHappened: words that, right before a keyword, say it did not happen.
    init(rows: [(keywords: [String], urgent: Bool)], notHappened: [[UInt8]]) {
        var index: [UInt32: [Keyword]] = [:]
        for (row, entry) in rows.enumerated() {
            for keyword in entry.keywords {
                guard let first = keyword.unicodeScalars.first else { continue }
                index[first.value, default: []].append(
                    Keyword(bytes: Array(keyword.utf8), characters: keyword.count, row: row, urgent: entry.urgent))
            }
        }
        byFirstScalar = index
        self.notHappened = notHappened
    }

    /// The row of the best keyword found in `text`; nil when none counts.
    func bestRow(in text: String) -> Int? {
        var text = text
        return text.withUTF8 { bytes -> Int? in
            guard let base = bytes.baseAddress else { return nil }
            var best: Keyword? = nil
            var offset = 0
            while offset < bytes.count {
                let (value, length) = Self.scalar(bytes, at: offset)
                if let candidates = byFirstScalar[value] {
                    var negated: Bool? = nil  // the same for every keyword starting here: looked up once
                    for keyword in candidates where keyword.bytes.count <= bytes.count - offset {
                        if let b = best, !Self.outranks(keyword, b) { continue }
                        let found = keyword.bytes.withUnsafeBufferPointer { memcmp(base + offset, $0.baseAddress!, $0.count) == 0 }
                        guard found else { continue }
                        if negated == nil { negated = isNegated(base, at: offset) }
                        if negated == false { best = keyword }
                    }
                }
                offset += length
            }
            return best?.row
        }
    }

    /// Urgent first, then longer, then the earlier row.
    private static func outranks(_ a: Keyword, _ b: Keyword) -> Bool {
        if a.urgent != b.urgent { return a.urgent }
        if a.characters != b.characters { return a.characters > b.characters }
        return a.row < b.row
    }

    /// Whether a `notHappened` word ends right before `offset` (没 right after 有 does not count).
    private func isNegated(_ base: UnsafePointer<UInt8>, at offset: Int) -> Bool {
        notHappened.contains { word in
            offset >= word.count && memcmp(base + offset - word.count, word, word.count) == 0
                && !(word == Self.notBytes && offset >= word.count + 3 && memcmp(base + offset - word.count - 3, Self.haveBytes, 3) == 0)
        }
    }

    /// The scalar starting at `offset` of valid UTF-8, and its length in bytes.
    private static func scalar(_ b: UnsafeBufferPointer<UInt8>, at offset: Int) -> (UInt32, Int) {
        let lead = UInt32(b[offset])
        let left = b.count - offset
        func next(_ k: Int) -> UInt32 { UInt32(b[offset + k]) & 0x3F }
        if lead < 0x80 || left < 2 { return (lead, 1) }
        if lead < 0xE0 { return (((lead & 0x1F) << 6) | next(1), 2) }
        if lead < 0xF0 || left < 4 { return left < 3 ? (lead, 1) : (((lead & 0x0F) << 12) | (next(1) << 6) | next(2), 3) }
        return (((lead & 0x07) << 18) | (next(1) << 12) | (next(2) << 6) | next(3), 4)
    }
}
