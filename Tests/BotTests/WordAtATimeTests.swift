@testable import Bot
import Foundation
import Testing

/// The checks that test eight bytes at a time (`JSONValue.writeString`'s escaping,
/// `Reply.hasNoEmptyLine(buffer:)`) answer as the byte-by-byte ones, wherever in a
/// word the byte that matters falls.
@Suite struct WordAtATimeTests {
    /// Strings of every length up to 40 from pieces that need escaping, break lines or do neither.
    static func strings(_ pieces: [String], count: Int, seed: UInt64) -> [String] {
        var random = SeededRandom(seed: seed)
        return (0..<count).map { index in
            let length = index % 41
            return (0..<length).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
        }
    }

    @Test func stringsAreEscapedAsJSONEncoderDoes() {
        let pieces = ["a", "中", "“", "\"", "\\", "\n", "\r", "\t", "\u{0}", "\u{1F}", "\u{7F}", " ", "/", "é", "😀", "\u{85}"]
        for text in Self.strings(pieces, count: 3000, seed: 11) {
            #expect(JSONValue.string(text).compactJSON == JSONLine.encode(JSONValue.string(text)), "\(Array(text.utf8))")
        }
        // A long run with one escape at each position of the last words.
        let base = String(repeating: "工单", count: 40)
        for tail in 0..<17 {
            let text = base + String(repeating: "x", count: tail) + "\"" + String(repeating: "y", count: 16 - tail)
            #expect(JSONValue.string(text).compactJSON == JSONLine.encode(JSONValue.string(text)))
        }
    }

    /// The byte-by-byte check the word-at-a-time one replaced.
    static func hasNoEmptyLine(_ bytes: [UInt8]) -> Bool {
        var lineHasText = false
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\n"):
                guard lineHasText else { return false }
                lineHasText = false
            case UInt8(ascii: "\r"): return false
            case UInt8(ascii: " "): break
            default: lineHasText = true
            }
        }
        return lineHasText
    }

    @Test func emptyLinesAreFoundAsByteByByte() {
        for text in Self.strings(["a", " ", "\n", "\r", "中", "ab", "\n\n", "  "], count: 4000, seed: 5) {
            let bytes = Array(text.utf8)
            let word = bytes.withUnsafeBufferPointer { Reply.hasNoEmptyLine(buffer: $0) }
            #expect(word == Self.hasNoEmptyLine(bytes), "\(bytes)")
        }
    }
}
