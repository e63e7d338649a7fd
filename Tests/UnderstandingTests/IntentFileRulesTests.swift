import Foundation
import Testing
@testable import Understanding

/// What an intent file may say and is refused for: `words_of` (a fallback's words include those
/// of the spec's fallback with that entity, so a list two fallbacks share is written once), and
/// no more pattern first parts than the classifier keeps.
@Suite struct IntentFileRulesTests {
    /// A catalogue of one intent whose file ends with `rest` (its fallbacks or patterns).
    static func catalog(_ rest: String) throws -> IntentCatalog {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("intent-file-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "intent: x.file\nlabel: 报事\nsummary: 报事\ntriggers: [报事]\n\(rest)"
            .write(to: dir.appendingPathComponent("x.file.yaml"), atomically: true, encoding: .utf8)
        return try IntentCatalog.load(from: dir)
    }

    @Test func theSharedWordsJoinTheFallbacksOwn() throws {
        let spec = try Self.catalog("""
            fallback:
              - entity: address
                words_of: none
                words: [坏, 漏水]
              - entity: none
                words: [漏水, 拖欠]

            """).specs[0]
        #expect(spec.fallbacks[0].words == ["坏", "漏水", "拖欠"])
        #expect(spec.fallbacks[0].wordsOf == nil)
        #expect(spec.fallbacks[1].words == ["漏水", "拖欠"])
    }

    @Test func anUnknownEntityIsRefused() throws {
        #expect { try Self.catalog("fallback:\n  - entity: address\n    words_of: phone\n    words: [坏]\n") } throws: { error in
            (error as? IntentFileError)?.message.contains("words_of") == true
        }
    }

    @Test func tooManyPatternFirstPartsAreRefusedWhenTheFileIsRead() throws {
        // The classifier keeps a line's first parts in 128 bits per intent: the file is refused, not the process stopped.
        let firsts = (0..<129).map { "词\($0)" }.joined(separator: "|")
        #expect { try Self.catalog("patterns: [\"\(firsts)…坏了\"]\n") } throws: { error in
            (error as? IntentFileError)?.message.contains("最多 128 个") == true
        }
    }
}
