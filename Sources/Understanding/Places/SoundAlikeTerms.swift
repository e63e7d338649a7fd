/// A known term typed with one sound-alike slip: 太级拳 for 太极拳, 星晨电子 for
/// 星辰电子 (a pinyin input method's wrong pick). Asked by the slot filler only
/// when no term occurs exactly, not by every line's analysis.
enum SoundAlikeTerms {
    /// The index of the first term in `terms` found in `text` with exactly one
    /// character that sounds like the term's (`Confusables`). Terms of three
    /// characters or more only: with two, one slip would match too much.
    static func first(in text: [Unicode.Scalar], terms: [[Unicode.Scalar]]) -> Int? {
        // The line's characters as 256 bits (by value): a term found with one slip has all its
        // characters but one in the line, so a term with two the line lacks is not looked for
        // at every position (most lines have no such term: every term was tried everywhere).
        var line = SIMD4<UInt64>(repeating: 0)
        for s in text { line[Int((s.value >> 6) & 3)] |= 1 << UInt64(s.value & 63) }
        for (index, term) in terms.enumerated() where term.count >= 3 && term.count <= text.count {
            var missing = 0
            for c in term where line[Int((c.value >> 6) & 3)] & (1 << UInt64(c.value & 63)) == 0 {
                missing += 1
                if missing > 1 { break }
            }
            if missing > 1 { continue }
            for start in 0...(text.count - term.count) {
                // The characters that differ, by equality alone; the sound-alike table only
                // for a single one. Asking it at the first difference, at almost every
                // position of every term, was most of this function's time.
                var slips = 0, slip = 0
                for k in term.indices where text[start + k] != term[k] {
                    slips += 1
                    slip = k
                    if slips > 1 { break }
                }
                if slips == 1, Confusables.soundAlike(text[start + slip], term[slip]) { return index }
            }
        }
        return nil
    }
}
