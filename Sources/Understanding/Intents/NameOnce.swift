/// The person's name in one line (`PersonName.findRange`), searched at most
/// once: the name slot and the description (which leaves the name out) both
/// asked for it, each search a few per cent of a parse in a profile.
final class NameOnce {
    private var searched = false
    private var found: (String, Range<Int>)?

    func find(in text: ScalarText) -> (String, Range<Int>)? {
        if !searched {
            found = PersonName.findRange(in: text)
            searched = true
        }
        return found
    }
}
