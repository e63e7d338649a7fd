@testable import Bot
import Domain
import Foundation
import Testing
@testable import Understanding

/// The understanding cache's key compares UTF-8 bytes (no normalisation per lookup): equal
/// bytes are one entry however the strings were made; canonically equal texts spelt with
/// different scalars are two entries, each holding its own result.
@Suite struct TextKeyTests {
    @Test func equalBytesAreOneKeyAndOtherSpellingsAnother() {
        let built = String(decoding: Array("查询网格 香榭郦景3栋".utf8), as: UTF8.self)
        let bridged = NSString(string: "查询网格 香榭郦景3栋") as String
        #expect(TextKey(built) == TextKey("查询网格 香榭郦景3栋"))
        #expect(TextKey(bridged) == TextKey(built))
        #expect(TextKey(bridged).hashValue == TextKey(built).hashValue)
        #expect(TextKey("查询网格 香榭郦景3栋") != TextKey("查询网格 香榭郦景5栋"))
        #expect(TextKey("查询网格 香榭郦景3栋") != TextKey("查询网格 香榭郦景3栋 "))
        let composed = "caf\u{E9}", decomposed = "cafe\u{301}"
        #expect(composed == decomposed)
        #expect(TextKey(composed) != TextKey(decomposed))

        // One shard: with 16 shards of one entry each, two of the three keys shared a shard (by the
        // per-process hash seed) about one run in five and evicted each other.
        let cache = UnderstandingCache(capacity: 16, shardCount: 1)
        let context = ParseContext(now: Date(timeIntervalSince1970: 1_800_000_000), timeZone: TimeZone(secondsFromGMT: 8 * 3600)!)
        var computed = 0
        for text in [composed, decomposed, composed, built, bridged] {
            _ = cache.understanding(of: text, context: context) {
                computed += 1
                return Understanding(text: text, intent: nil, confidence: 0, slots: [:], entities: [], place: nil)
            }
        }
        #expect(computed == 3)
        #expect(cache.count == 3)
    }
}
