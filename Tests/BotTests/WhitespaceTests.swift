@testable import Bot
import Foundation
import Testing

/// The listed space separators are exactly the scalars of category Zs (and tab).
@Suite struct WhitespaceTests {
    @Test func listedSeparatorsAreCategoryZs() {
        let wrong = (UInt32(0)...0x10FFFF).compactMap(Unicode.Scalar.init).filter { scalar in
            String.isTabOrSpaceSeparator(scalar) != (scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator)
        }
        #expect(wrong.isEmpty, "\(wrong.map { String($0.value, radix: 16) })")
    }

    @Test func trimmingMatchesFoundation() {
        for text in ["", " ", "\t查询网格 香榭郦景3栋\u{3000}", "\u{A0}报事\u{2009}", "报事", " a b ", "\u{1680}"] {
            #expect(text.trimmedWhitespace == text.trimmingCharacters(in: .whitespaces), "\(text)")
        }
    }
}
