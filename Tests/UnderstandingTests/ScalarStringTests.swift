import Testing
@testable import Understanding

/// `ScalarString.make` encodes scalars itself and hands the bytes to the String unchecked: the
/// result must be the very String the standard library builds from the same scalars, small
/// (up to 15 bytes) or large, ASCII or not, and hash and compare like it.
@Suite struct ScalarStringTests {
    /// Characters of one, two, three and four UTF-8 bytes.
    static let alphabet: [Unicode.Scalar] = ["a", "Z", "7", " ", "-", "é", "ß", "π", "香", "榭", "栋", "，", "３", "😀", "𠀋"]

    static func reference<C: Collection>(_ scalars: C) -> String where C.Element == Unicode.Scalar {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    @Test func theSameStringAsTheStandardLibraryBuilds() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let length = Int.random(in: 0...40, using: &generator)
            let scalars = (0..<length).map { _ in Self.alphabet.randomElement(using: &generator)! }
            let made = ScalarString.make(scalars)
            let expected = Self.reference(scalars)
            #expect(made == expected)
            #expect(Array(made.utf8) == Array(expected.utf8))
            #expect(made.hashValue == expected.hashValue)
            #expect(Array(made.unicodeScalars) == scalars)
            // Counted in Characters as the reference is.
            #expect(made.count == expected.count)
            // A slice (as entity texts are made) and a buffer (as the description is) agree too.
            if length > 2 { #expect(ScalarString.make(scalars[1..<(length - 1)]) == Self.reference(scalars[1..<(length - 1)])) }
        }
    }

    @Test(arguments: ["", "3栋", "GL20261129-0001", "13812345678", "abcdefghijklmnopqrstuvwxyz", "香榭郦景3栋电梯坏了，已经三天了"])
    func knownTexts(_ text: String) {
        let made = ScalarString.make(Array(text.unicodeScalars))
        #expect(made == text)
        #expect(Set([text]).contains(made))
        #expect(made.utf8.count == text.utf8.count)
    }
}
