@testable import Domain
import Foundation
import Testing

/// `classify` through `KeywordMatcher` finds what a search per keyword finds.
@Suite struct KeywordMatcherTests {
    /// The rule `classify` had before the matcher (main 977d26b): every keyword searched in the
    /// text's bytes, counted where no negation or fear ends right before it; urgent rows first,
    /// then the longest (in characters), ties to the earlier row.
    static func reference(_ rules: GrievanceRules, _ text: String, keywords: [[[UInt8]]]) -> String {
        var best: (category: GrievanceRules.Category, length: Int)? = nil
        let bytes = Array(text.utf8)
        for (category, words) in zip(rules.categories, keywords) {
            for (keyword, utf8) in zip(category.keywords, words) where happened(bytes, utf8) {
                let rank = (category.urgent ? 1 : 0, keyword.count)
                if let b = best, (b.category.urgent ? 1 : 0, b.length) >= rank { continue }
                best = (category, keyword.count)
            }
        }
        return best?.category.name ?? rules.categories.first { $0.keywords.isEmpty }!.name
    }

    /// Whether `needle` occurs in `text` with no negation right before it. Compared in place, the
    /// first byte first: copying a slice at every position of every text for every keyword made
    /// this reference most of a debug `swift test` as the table grew (K² texts × K keywords).
    static func happened(_ text: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= text.count else { return needle.isEmpty }
        let not = Array("没".utf8), have = Array("有".utf8)
        var start = 0
        while start + needle.count <= text.count {
            defer { start += 1 }
            guard text[start] == needle[0], text[start..<(start + needle.count)].elementsEqual(needle) else { continue }
            let negated = GrievanceRules.notHappened.contains { word in
                start >= word.count && text[(start - word.count)..<start].elementsEqual(word)
                    && !(word == not && start >= word.count + 3 && text[(start - word.count - 3)..<(start - word.count)].elementsEqual(have))
            }
            if !negated { return true }
        }
        return false
    }

    @Test func classifyMatchesASearchPerKeyword() throws {
        let rules = try TestDatabase.rules()
        let keywords = rules.categories.flatMap(\.keywords)
        var texts = ["", "电梯坏了", "电梯困人了", "不知道怎么说", "a", "漏水漏气", "🙂电梯困人🙂", "楼道着火了有人受伤",
                     "没有着火", "怕着火，但是电梯坏了", "有没有着火", "没着火了，又着火了", "楼道充电冒烟", "不太漏水"]
        // Every keyword alone, with text around it, and pairs of keywords (longest and tie rules).
        for (i, k) in keywords.enumerated() {
            texts.append(k)
            texts.append("香榭郦景3栋\(k)，电话13800138000")
            texts.append(k + keywords[(i * 7 + 3) % keywords.count])
            texts.append(keywords[(i * 13 + 5) % keywords.count] + "和" + k)
            // Cut in the middle: a prefix of a keyword is not the keyword.
            texts.append(String(k.dropLast()))
            // After a negation or a fear (and 有没 before it), once and with a second occurrence.
            for word in ["没有", "没", "怕", "有没", "不是很"] {
                texts.append(word + k)
                texts.append(word + k + "，" + k)
            }
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let parts = (0..<Int.random(in: 1...4, using: &generator)).map { _ in
                Bool.random(using: &generator) ? keywords.randomElement(using: &generator)! : String(keywords.randomElement(using: &generator)!.prefix(1))
            }
            texts.append(parts.joined(separator: ["", "的", " ", "x", "没", "有没", "怕"].randomElement(using: &generator)!))
        }
        let keywordBytes = rules.categories.map { $0.keywords.map { Array($0.utf8) } }
        for text in texts {
            #expect(rules.classify(text).name == Self.reference(rules, text, keywords: keywordBytes), "\(text)")
        }
    }

    @Test func urgentFirstThenLongerThenTheEarlierRow() {
        let matcher = KeywordMatcher(rows: [(["ab", "x"], false), (["cd", "abc"], false), ([], false), (["xy"], false), (["q"], true)],
                                     notHappened: [Array("no".utf8)])
        #expect(matcher.bestRow(in: "cd ab") == 0)      // two of length 2: the earlier row
        #expect(matcher.bestRow(in: "ab cd abc") == 1)  // abc is longer
        #expect(matcher.bestRow(in: "xy x") == 3)
        #expect(matcher.bestRow(in: "abc q") == 4)      // urgent outranks longer
        #expect(matcher.bestRow(in: "noq abc") == 1)    // a negated keyword does not count
        #expect(matcher.bestRow(in: "noq q") == 4)      // but another occurrence of it does
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
