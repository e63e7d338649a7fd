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
    func trimmed(_ set: CharacterSet, isMember: (Unicode.Scalar) -> Bool) -> String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return self }
        if !isMember(first) && !isMember(last) { return self }
        return trimmingCharacters(in: set)
    }

    /// `trimmingCharacters(in: .whitespaces)`: `.whitespaces` is tab and the
    /// space separators (Unicode category Zs).
    var trimmedWhitespace: String {
        trimmed(.whitespaces) { $0 == "\t" || $0.properties.generalCategory == .spaceSeparator }
    }
}
