import Foundation
import Testing
@testable import Understanding

@Suite struct EntityRecognizerTests {
    static let ctx = TimeExtractorTests.ctx
    static let recognizer = EntityRecognizer()

    static func summary(_ text: String) -> [String] {
        recognizer.entities(in: text, context: ctx).map { "\($0.type.rawValue):\($0.text)" }
    }

    @Test(arguments: [
        ("预约 明天下午三点 书法班 2人", ["time:明天下午三点", "party_size:2人"]),
        ("查询GL20261129-0001进度", ["ticket_id:GL20261129-0001"]),
        ("电话13800138000", ["phone:13800138000"]),
        ("申请贷款500万", ["money:500万"]),
        ("面积三百五十平方", ["number:三百五十"]),
        ("HD-001 两位 周六上午", ["activity_id:HD-001", "party_size:两位", "time:周六上午"]),
        ("下周三 三点 报名 一家三口 手机138 0013 8000", ["time:下周三 三点", "party_size:一家三口", "phone:138 0013 8000"]),
    ])
    func recognises(text: String, expected: [String]) {
        #expect(Self.summary(text) == expected)
    }

    @Test func offsetsAreIntoTheOriginal() {
        let raw = "預約　明天下午三點"
        let found = Self.recognizer.entities(in: raw, context: Self.ctx)
        #expect(found.count == 1)
        #expect(found.first?.start == 3)
        #expect(found.first?.end == 9)
        #expect(Normalizer.normalize(raw).unicodeScalars.count == raw.unicodeScalars.count)
    }
}
