@testable import Domain
import Foundation
import Testing

/// `classify` through `KeywordMatcher` finds what a search per keyword finds.
@Suite struct KeywordMatcherTests {
    /// The rule `classify` had before the matcher: every keyword searched in the text's bytes,
    /// the longest (in characters) wins, ties to the earlier row.
    static func reference(_ rules: GrievanceRules, _ text: String) -> String {
        var best: (name: String, length: Int)? = nil
        let bytes = Array(text.utf8)
        for category in rules.categories {
            for keyword in category.keywords where contains(bytes, Array(keyword.utf8)) {
                if keyword.count > (best?.length ?? 0) { best = (category.name, keyword.count) }
            }
        }
        return best?.name ?? rules.categories.first { $0.keywords.isEmpty }!.name
    }

    static func contains(_ text: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= text.count else { return needle.isEmpty }
        return (0...(text.count - needle.count)).contains { Array(text[$0..<($0 + needle.count)]) == needle }
    }

    @Test func classifyMatchesASearchPerKeyword() throws {
        let rules = try TestDatabase.rules()
        let keywords = rules.categories.flatMap(\.keywords)
        var texts = ["", "电梯坏了", "电梯困人了", "不知道怎么说", "a", "漏水漏气", "🙂电梯困人🙂", "楼道着火了有人受伤"]
        // Every keyword alone, with text around it, and pairs of keywords (longest and tie rules).
        for (i, k) in keywords.enumerated() {
            texts.append(k)
            texts.append("香榭郦景3栋\(k)，电话13800138000")
            texts.append(k + keywords[(i * 7 + 3) % keywords.count])
            texts.append(keywords[(i * 13 + 5) % keywords.count] + "和" + k)
            // Cut in the middle: a prefix of a keyword is not the keyword.
            texts.append(String(k.dropLast()))
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let parts = (0..<Int.random(in: 1...4, using: &generator)).map { _ in
                Bool.random(using: &generator) ? keywords.randomElement(using: &generator)! : String(keywords.randomElement(using: &generator)!.prefix(1))
            }
            texts.append(parts.joined(separator: ["", "的", " ", "x"].randomElement(using: &generator)!))
        }
        for text in texts {
            #expect(rules.classify(text).name == Self.reference(rules, text), "\(text)")
        }
    }

    @Test func tiesGoToTheEarlierRowAndLongerWins() {
        let matcher = KeywordMatcher(rows: [["ab", "x"], ["cd", "abc"], [], ["xy"]])
        #expect(matcher.bestRow(in: "cd ab") == 0)      // two of length 2: the earlier row
        #expect(matcher.bestRow(in: "ab cd abc") == 1)  // abc is longer
        #expect(matcher.bestRow(in: "xy x") == 3)
        #expect(matcher.bestRow(in: "zzz") == nil)
        #expect(matcher.bestRow(in: "") == nil)
    }

    @Test func replacingCategoriesRebuildsTheIndex() throws {
        var rules = try TestDatabase.rules()
        let fallback = rules.categories.first { $0.keywords.isEmpty }!
        #expect(rules.classify("电梯坏了").name != fallback.name)
        rules.categories = [fallback]
        #expect(rules.classify("电梯坏了").name == fallback.name)
    }
}
