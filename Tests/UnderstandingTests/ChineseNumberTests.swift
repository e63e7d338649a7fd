import Testing
@testable import Understanding

@Suite struct ChineseNumberTests {
    @Test(arguments: [
        ("零", 0.0), ("十一", 11), ("一百零一", 101), ("三万四千五百六十七", 34567), ("两千六", 2600),
        ("三万五", 35000), ("一百二", 120), ("廿二", 22), ("卅三", 33), ("壹佰零肆萬", 1040000),
        ("1.5万", 15000), ("3千", 3000), ("80w", 800000), ("80W", 800000), ("5k", 5000),
        ("一九八", 198), ("二〇二六", 2026), ("幺八九", 189), ("三点五", 3.5), ("负十一", -11),
        ("34,567", 34567), ("1.2亿", 120000000), ("-10.1万", -101000), ("1万600", 10600),
        ("二分之一", 0.5), ("壹拾壹元壹角壹分", 11.11), ("一亿五千万零六千三百五十五", 150006355),
        ("十万零一", 100001), ("萬九", 19000), ("千一", 1100),
    ])
    func parses(text: String, value: Double) {
        #expect(ChineseNumber.parse(text) == value)
    }

    @Test(arguments: ["", "负", "零点", "点一", "十一十二", "十七十八", "零点点", "10..1万", "一百二三", "abc"])
    func rejects(text: String) {
        #expect(ChineseNumber.parse(text) == nil)
    }

    @Test(arguments: [
        ("面积三百五十平方", "三百五十", 350.0),
        ("预算1.5万", "1.5万", 15000),
        ("来了一个人", "一", 1),
        ("第12栋", "12", 12),
    ])
    func extracts(text: String, span: String, value: Double) {
        let found = NumberExtractor().extract(from: ScalarText(text), context: .init(now: .now, timeZone: .current))
        #expect(found.count == 1)
        #expect(found.first?.text == span)
        #expect(found.first?.value == .number(value))
    }

    @Test func noNumbersInIdsOrWords() {
        let ctx = ParseContext(now: .now, timeZone: .current)
        #expect(NumberExtractor().extract(from: ScalarText("查一下GL20261129-0001"), context: ctx).isEmpty)
        #expect(NumberExtractor().extract(from: ScalarText("千万别一起去"), context: ctx).isEmpty)
    }

    /// Yardstick: cn2an numerals (cn2an direction, every mode), cn2an errors that
    /// are errors in every mode, and Duckling's Chinese numerals.
    @Test func yardsticks() {
        var total = 0, pass = 0
        var failures: [String] = []
        for row in Corpus.load("cn2an_numerals.jsonl") where row["direction"] as? String == "cn2an" {
            guard let text = row["text"] as? String, let want = Corpus.number(row["value"]) else { continue }
            total += 1
            let got = ChineseNumber.parse(Normalizer.normalize(text))
            if let got, abs(got - want) <= max(1e-9, abs(want) * 1e-12) { pass += 1 } else { failures.append("cn2an \(text) want \(want) got \(String(describing: got))") }
        }
        let cn2anValid = Set(Corpus.load("cn2an_numerals.jsonl").compactMap { $0["text"] as? String })
        for row in Corpus.load("cn2an_errors.jsonl") where row["direction"] as? String == "cn2an" {
            guard let text = row["text"] as? String, !cn2anValid.contains(text) else { continue }
            // Strict-only errors of forms that smart mode accepts.
            if ["100万", "100万三千", "200亿零四千230", "一百点123", "10.1万", "-10.1万", "16.4亿", "35.1亿", "1百01", "1万600", "10.1", "-10.1"].contains(text) { continue }
            total += 1
            if ChineseNumber.parse(text) == nil { pass += 1 } else { failures.append("error \(text) accepted") }
        }
        let unsupported: Set<String> = ["一對", "一雙", "五對", "五雙", "五打", "八打", "十份十一", "一又十分一", "一半", "一半半", "1半", "半个", "半個", "二份一"]
        for row in Corpus.load("duckling_zh_numeral.jsonl") {
            guard let text = row["text"] as? String, let want = Corpus.number(row["value"]) else { continue }
            total += 1
            if unsupported.contains(text) { failures.append("duckling unsupported \(text)"); continue }
            let got = ChineseNumber.parse(Normalizer.normalize(text))
            if let got, abs(got - want) <= 1e-9 { pass += 1 } else { failures.append("duckling \(text) want \(want) got \(String(describing: got))") }
        }
        guard total > 0 else { return }
        let rate = Double(pass) / Double(total)
        print("numeral yardsticks: \(pass)/\(total) pass (\(rate)), \(failures.count) failures")
        for f in failures { print("  " + f) }
        #expect(rate >= 0.94) // measured 263/278 = 0.946
    }
}
