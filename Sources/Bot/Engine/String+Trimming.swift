import Foundation

extension String {
    /// `trimmingCharacters(in: set)` without Foundation when neither end is in
    /// `set` (almost every line): the first and last scalars are checked, and
    /// only a string that would change goes to Foundation.
    ///
    /// - Parameters:
    ///   - set: the characters trimmed.
    ///   - isMember: the same membership test on one scalar, cheaper than
    ///     `CharacterSet.contains` (bridging showed in profiles).
    ///   The set is made only when it is needed (an autoclosure: `CharacterSet.whitespaces`
    ///   built for every line showed in the filing profile).
    func trimmed(_ set: @autoclosure () -> CharacterSet, isMember: (Unicode.Scalar) -> Bool) -> String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return self }
        if !isMember(first) && !isMember(last) { return self }
        return trimmingCharacters(in: set())
    }

    /// `trimmingCharacters(in: .whitespaces)`: `.whitespaces` is tab and the
    /// space separators (Unicode category Zs).
    var trimmedWhitespace: String {
        trimmed(.whitespaces, isMember: Self.isTabOrSpaceSeparator)
    }

    /// Tab or a scalar of category Zs, listed (Unicode's Zs has not changed since 6.0):
    /// asking `properties.generalCategory` of the last scalar of every line showed in profiles.
    static func isTabOrSpaceSeparator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
}
