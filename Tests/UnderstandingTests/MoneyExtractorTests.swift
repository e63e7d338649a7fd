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

    @Test(arguments: ["三万人参加", "3栋", "等了三个小时", "三十多万人", "五六百人", "2026-12-05", "3-5栋", "138-1234-5678", "两到三个人"])
    func notMoney(text: String) {
        #expect(Self.money(text).isEmpty)
    }

    /// Another currency is never yuan: a `foreign_money` entity with its ISO code, never `money`.
    @Test(arguments: [
        ("500美元", "500美元", 500.0, "USD"), ("港币两千九百六十元", "港币两千九百六十元", 2960, "HKD"),
        ("三万元欧元", "三万元欧元", 30000, "EUR"), ("新台币 177.1 亿元", "新台币 177.1 亿元", 17_710_000_000, "TWD"),
        ("两个亿卢布", "两个亿卢布", 200_000_000, "RUB"),
    ])
    func foreignAmounts(text: String, span: String, value: Double, currency: String) {
        let found = Self.money(text)
        #expect(found.count == 1)
        #expect(found.first?.type == .foreignMoney)
        #expect(found.first?.text == span)
        #expect(found.first?.value == .number(value))
        #expect(found.first?.currency == currency)
    }

    /// A range or a vague amount is one entity: `value` its low end, `value_max` its high end.
    @Test(arguments: [
        ("1万-5万元", 10_000.0, 50_000.0), ("1万元--5万元", 10_000, 50_000), ("两到三万", 20_000, 30_000),
        ("十八至三十万元", 180_000, 300_000), ("一千到两千万元", 10_000_000, 20_000_000), ("10~15k元", 10_000, 15_000),
        ("从8500到3万元", 8500, 30_000), ("几十万块", 100_000, 1_000_000), ("十几块钱", 10, 20),
        ("二百多万", 2_000_000, 3_000_000), ("三五百块", 300, 500), ("融资五到八百万", 5_000_000, 8_000_000),
    ])
    func ranges(text: String, low: Double, high: Double) {
        let found = Self.money(text)
        #expect(found.count == 1)
        #expect(found.first?.type == .money)
        #expect(found.first?.value == .number(low))
        #expect(found.first?.valueMax == high)
    }

    /// ISO codes of the currencies JioNLP's cases name.
    static let currencyCodes = ["港元": "HKD", "美元": "USD", "日元": "JPY", "泰铢": "THB", "欧元": "EUR",
                                "新台币": "TWD", "卢布": "RUB", "澳元": "AUD", "韩元": "KRW"]

    /// Yardstick: every JioNLP money case (goal 85 %). A case passes when exactly one amount is
    /// found, in its currency (元: a `money` entity; others: `foreign_money` with the ISO code),
    /// with its value, or for a range its low and high ends.
    @Test func yardstick() {
        var total = 0, pass = 0
        let ctx = ParseContext(now: .now, timeZone: .current)
        for row in Corpus.load("jionlp_money.jsonl") {
            guard let text = row["text"] as? String, let exp = row["expected"] as? [String: Any],
                  let currency = exp["case"] as? String else { continue }
            total += 1
            let wanted: [Double] = (exp["num"] as? [Any])?.compactMap(Corpus.number) ?? [Corpus.number(exp["num"])].compactMap { $0 }
            let found = MoneyExtractor().extract(from: ScalarText(Normalizer.normalize(text)), context: ctx)
            let ok = found.count == 1 && {
                let e = found[0]
                let rightKind = currency == "元" ? (e.type == .money && e.currency == nil)
                    : (e.type == .foreignMoney && e.currency == Self.currencyCodes[currency])
                guard rightKind, let value = e.value.numberValue, let low = wanted.first else { return false }
                let high = wanted.count > 1 ? wanted[1] : nil
                func same(_ a: Double?, _ b: Double?) -> Bool { a == nil ? b == nil : b.map { abs($0 - a!) < 0.005 } ?? false }
                return same(low, value) && same(high, e.valueMax)
            }()
            if ok { pass += 1 } else { print("  money miss \(text): \(found.map { "\($0.text)=\($0.value) max \($0.valueMax.map { "\($0)" } ?? "-") \($0.currency ?? "CNY")" }) want \(wanted) \(currency)") }
        }
        guard total > 0 else { return }
        print("jionlp money yardstick: \(pass)/\(total) pass (\(String(format: "%.1f", 100 * Double(pass) / Double(total))) %; goal 85 %)")
        #expect(Double(pass) / Double(total) >= 0.85)
    }
}
