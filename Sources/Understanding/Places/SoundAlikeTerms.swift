/// A known term typed with one sound-alike slip: 太级拳 for 太极拳, 星晨电子 for
/// 星辰电子 (a pinyin input method's wrong pick). Asked by the slot filler only
/// when no term occurs exactly, not by every line's analysis.
enum SoundAlikeTerms {
    /// The index of the first term in `terms` found in `text` with exactly one
    /// character that sounds like the term's (`Confusables`). Terms of three
    /// characters or more only: with two, one slip would match too much.
    static func first(in text: [Unicode.Scalar], terms: [[Unicode.Scalar]]) -> Int? {
        for (index, term) in terms.enumerated() where term.count >= 3 && term.count <= text.count {
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
