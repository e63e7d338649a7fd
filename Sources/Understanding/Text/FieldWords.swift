/// Field words: the English words other systems put in key=value lines
/// (`op=close ticket=GL…`, `query=bookings phone=…`), each standing for a
/// Chinese word of the catalogue (`intents/field-words.txt`: close → 办结).
/// They count only as a field of such a line — right before or after `=`,
/// or a whole `key=value` pair — so an English word in running text (a
/// firm's name, a product) is not read as a command.
enum FieldWords {
    /// The spellings searched for one alias: as written, lower case and upper
    /// case (systems differ: `op=CLOSE`, `Op=Close`).
    static func spellings(of alias: String) -> [[Unicode.Scalar]] {
        var seen = Set<[Unicode.Scalar]>()
        return [alias, alias.lowercased(), alias.uppercased(), alias.prefix(1).uppercased() + alias.dropFirst()]
            .map { Array($0.unicodeScalars) }
            .filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    /// Whether the hit stands alone as a field: not inside a longer ASCII word
    /// or number, and next to `=` (a key or a value), unless it is a whole
    /// `key=value` pair itself.
    static func isField(_ hit: ScalarTrie.Hit, in scalars: [Unicode.Scalar]) -> Bool {
        let start = Int(hit.start), end = start + Int(hit.length)
        let before: Unicode.Scalar? = start > 0 ? scalars[start - 1] : nil
        let after: Unicode.Scalar? = end < scalars.count ? scalars[end] : nil
        if let before, isWordPart(before) { return false }
        if let after, isWordPart(after) { return false }
        if before == "=" || after == "=" { return true }
        return scalars[start..<end].contains("=")
    }

    /// ASCII letters, digits and `_`: a field word must not be part of a longer one.
    private static func isWordPart(_ s: Unicode.Scalar) -> Bool {
        s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "_")
    }
}
