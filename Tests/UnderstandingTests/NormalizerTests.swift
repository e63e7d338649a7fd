import Testing
@testable import Understanding

@Suite struct NormalizerTests {
    @Test(arguments: [
        ("ＧＬ２０２６", "GL2026"), ("報事　龍華區", "报事 龙华区"), ("號樓棟電話壞", "号楼栋电话坏"),
        ("預約：問題，關", "预约:问题,关"), ("Hello", "Hello"), ("服務", "服务"), ("下晝三點", "下昼三点"), ("山歌傳唱", "山歌传唱"),
    ])
    func maps(input: String, output: String) {
        #expect(Normalizer.normalize(input) == output)
    }

    @Test func keepsScalarCount() {
        let s = "預約　明天下午三點，ＨＤ－００１！😀e\u{301}"
        #expect(Normalizer.normalize(s).unicodeScalars.count == s.unicodeScalars.count)
    }

    /// `ScalarText(normalizing:)` decodes a native String's UTF-8 itself: the same scalars as
    /// `Normalizer.normalize`, for characters of one to four bytes (a, é, 報, 😀), and for a
    /// String whose bytes are not contiguous (a substring made into a String keeps its own).
    @Test(arguments: ["預約　明天下午三點，ＨＤ－００１！😀e\u{301}", "a", "", "é報😀ａ", "\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}"])
    func scalarTextDecodesAsTheNormaliser(text: String) {
        let normalized = ScalarText(normalizing: text)
        #expect(normalized.scalars == Array(Normalizer.normalize(text).unicodeScalars))
        #expect(normalized[0..<normalized.count] == Normalizer.normalize(text))
        #expect(normalized.present == LineCharacters.present(in: normalized.scalars))
    }

    @Test func tableIsOneToOne() {
        for (k, v) in Normalizer.table {
            #expect(k != v)
            #expect(Normalizer.table[v] == nil, "\(k)→\(v) maps to a source again")
        }
    }
}
