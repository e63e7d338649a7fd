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

    @Test func tableIsOneToOne() {
        for (k, v) in Normalizer.table {
            #expect(k != v)
            #expect(Normalizer.table[v] == nil, "\(k)→\(v) maps to a source again")
        }
    }
}
