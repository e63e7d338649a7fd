import Foundation

/// Finds the best of many keywords in a text in one pass over the text: the
/// keywords are indexed by their first Unicode scalar, and only those starting
/// with a scalar of the text are compared there (as UTF-8 bytes).
///
/// Why: `GrievanceRules.classify` runs on every filed ticket and every duplicate
/// check; scanning the text once per keyword (161 in the sample data) was ≈3 %
/// of a filed ticket's CPU in the filing profile (docs/PERFORMANCE.md).
/// A match of valid UTF-8 can only start where a scalar starts, so looking at
/// scalar starts only finds exactly what a byte-wise search finds.
struct KeywordMatcher: Sendable {
    private struct Keyword: Sendable {
        var bytes: [UInt8]
        /// Its `String.count`: what `classify` ranks by.
        var characters: Int
        /// The table row it belongs to.
        var row: Int
    }

    private let byFirstScalar: [UInt32: [Keyword]]

    /// - Parameter rows: each row's keywords, in table order (empty keywords are ignored).
    init(rows: [[String]]) {
        var index: [UInt32: [Keyword]] = [:]
        for (row, keywords) in rows.enumerated() {
            for keyword in keywords {
                guard let first = keyword.unicodeScalars.first else { continue }
                index[first.value, default: []].append(Keyword(bytes: Array(keyword.utf8), characters: keyword.count, row: row))
            }
        }
        byFirstScalar = index
    }

    /// The row of the longest keyword (in characters) found in `text`, ties to the
    /// earlier row; nil when no keyword occurs.
    func bestRow(in text: String) -> Int? {
        var text = text
        return text.withUTF8 { bytes -> Int? in
            guard let base = bytes.baseAddress else { return nil }
            var best: (row: Int, characters: Int)? = nil
            var offset = 0
            while offset < bytes.count {
                let (value, length) = Self.scalar(bytes, at: offset)
                if let candidates = byFirstScalar[value] {
                    for keyword in candidates where keyword.bytes.count <= bytes.count - offset {
                        if let b = best, keyword.characters < b.characters || (keyword.characters == b.characters && keyword.row >= b.row) {
                            continue
                        }
                        let found = keyword.bytes.withUnsafeBufferPointer { memcmp(base + offset, $0.baseAddress!, $0.count) == 0 }
                        if found { best = (keyword.row, keyword.characters) }
                    }
                }
                offset += length
            }
            return best?.row
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
