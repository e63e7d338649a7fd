import Foundation
import Testing
@testable import Understanding

/// Where a number is a date, a building or a word: 5号 (a day) against
/// 香榭郦景5号 / 5号楼 (a building); 十分满意 (very) against 十分钟 (ten minutes).
@Suite struct DayAndPlaceBoundaryTests {
    static func firstTime(_ text: String) -> String? {
        TimeExtractorTests.times(text).first.flatMap { $0.value.stringValue }
    }

    @Test(arguments: [
        ("5号", "2026-12-05T00:00:00+08:00"), ("30号", "2026-11-30T00:00:00+08:00"),
        ("29号", "2026-11-29T00:00:00+08:00"), ("25号", "2026-11-25T00:00:00+08:00"), ("十二日", "2026-12-12T00:00:00+08:00"),
        ("预约 5号的书法班", "2026-12-05T00:00:00+08:00"),
    ])
    func bareDayOfMonth(text: String, value: String) {
        #expect(Self.firstTime(text) == value, "«\(text)»")
    }

    @Test(arguments: ["5号楼", "地铁4号线", "8号门", "GL20261129-0001", "第5号"])
    func notADay(text: String) {
        #expect(Self.firstTime(text) == nil, "«\(text)»")
    }

    @Test func aDayThenAPartOfTheDayIsNotABuilding() {
        let p = Fixtures.place("明珠小区5号上午来修")
        #expect(p?.estate == "明珠小区")
        #expect(p?.building == nil)
        #expect(Fixtures.place("香榭郦景5号")?.building == "5栋")
    }

    @Test func shiFenIsVeryNotTen() {
        let numbers = EntityRecognizer().entities(in: "回访 GL20261129-0001 十分满意", context: TimeExtractorTests.ctx)
            .filter { $0.type == .number }
        #expect(numbers.isEmpty)
        let u = Fixtures.understander.understand("回访 GL20261129-0001 十分满意", context: Fixtures.context)
        #expect(u.slots["rating"]?.string == "satisfied")
        // 十分钟 is ten minutes: a duration, not "very".
        let waited = EntityRecognizer().entities(in: "等了十分钟", context: TimeExtractorTests.ctx)
        #expect(waited.contains { $0.type == .duration && $0.value == .number(600) })
    }
}
