import Foundation
import Testing
@testable import Understanding

@Suite struct PhoneExtractorTests {
    static let ctx = ParseContext(now: Date(timeIntervalSince1970: 0), timeZone: TimeZone(identifier: "Asia/Shanghai")!)
    static func phones(_ t: String) -> [Entity] { PhoneExtractor().extract(from: ScalarText(Normalizer.normalize(t)), context: ctx) }

    @Test(arguments: [
        ("电话13800138000", "13800138000", "13800138000"),
        ("手机 138 0013 8000", "138 0013 8000", "13800138000"),
        ("联系方式:138-0013-8000", "138-0013-8000", "13800138000"),
        ("我的号是15912345678谢谢", "15912345678", "15912345678"),
        ("+86 13800138000", "+86 13800138000", "13800138000"),
        ("座机0755-12345678", "0755-12345678", "075512345678"),
        ("075512345678", "075512345678", "075512345678"),
        ("打2345-6789", "2345-6789", "23456789"),
        ("电话23456789", "23456789", "23456789"),
        ("手机：１３８００１３８０００", "13800138000", "13800138000"),
    ])
    func finds(text: String, span: String, value: String) {
        let found = Self.phones(text)
        #expect(found.count == 1)
        #expect(found.first?.text == span)
        #expect(found.first?.value == .string(value))
    }

    @Test(arguments: ["GL20261129-0001", "1380013800012345", "12800138000", "20261129", "订单号A13800138000", "金额13800138000.5"])
    func rejects(text: String) {
        #expect(Self.phones(text).isEmpty)
    }
}
