import Foundation
import Testing
@testable import Understanding

@Suite struct MoneyExtractorTests {
    static let ctx = ParseContext(now: Date(timeIntervalSince1970: 0), timeZone: TimeZone(identifier: "Asia/Shanghai")!)

    static func money(_ text: String) -> [Entity] {
        MoneyExtractor().extract(from: ScalarText(Normalizer.normalize(text)), context: ctx)
    }

    @Test(arguments: [
        ("五百万", "五百万", 5_000_000.0), ("贷款500万", "500万", 5_000_000), ("融资1.2亿", "1.2亿", 120_000_000),
        ("三十万元", "三十万元", 300_000), ("80w", "80w", 800_000), ("5000块", "5000块", 5000),
        ("¥3000", "¥3000", 3000), ("￥3000", "¥3000", 3000), ("人民币十万元", "人民币十万元", 100_000),
        ("十块三毛", "十块三毛", 10.3), ("123元1角1分", "123元1角1分", 123.11), ("两个亿", "两个亿", 200_000_000),
    ])
    func extracts(text: String, span: String, value: Double) {
        let found = Self.money(text)
        #expect(found.count == 1)
        #expect(found.first?.text == span)
        #expect(found.first?.value == .number(value))
    }

    @Test(arguments: ["三万人参加", "3栋", "500美元", "等了三个小时"])
    func notMoney(text: String) {
        #expect(Self.money(text).isEmpty)
    }

    /// Yardstick: JioNLP money cases with a single amount in 元 (ranges and
    /// foreign currencies are out of scope: we report yuan only).
    @Test func yardstick() {
        var total = 0, pass = 0
        for row in Corpus.load("jionlp_money.jsonl") {
            guard let text = row["text"] as? String, let exp = row["expected"] as? [String: Any],
                  exp["case"] as? String == "元", let want = Corpus.number(exp["num"]) else { continue }
            total += 1
            let found = Self.money(text)
            if found.count == 1, found[0].value == .number(want) { pass += 1 } else { print("  money miss \(text): \(found.map { "\($0.text)=\($0.value)" })") }
        }
        guard total > 0 else { return }
        print("money yardstick: \(pass)/\(total)")
        #expect(Double(pass) / Double(total) >= 0.95) // measured 19/19
    }
}
