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

    /// Counting words and spoken fractions (Duckling's numeral corpus has them).
    @Test(arguments: [
        ("一对", 2.0), ("五雙", 10), ("八打", 96), ("半个", 0.5), ("一半", 0.5), ("三个半", 3.5), ("两个半", 2.5),
        ("二份一", 0.5), ("十份十一", 1.1), ("一又十分一", 1.1), ("一又二分之一", 1.5), ("负一半", -0.5),
    ])
    func countingWordsAndSpokenFractions(text: String, value: Double) {
        #expect(ChineseNumber.parse(text).map { abs($0 - value) < 1e-9 } == true)
    }

    @Test(arguments: ["对", "打", "又", "份", "三又", "又三", "三份", "份三", "三半", "零份一", "一半半", "三个个半"])
    func rejectsBrokenCountingWords(text: String) {
        #expect(ChineseNumber.parse(text) == nil)
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

    /// A run of numerals longer than any numeral (十二 pasted a thousand times) is read from its
    /// first `longestNumeralRead` characters, not shrunk from its whole length: reading it whole
    /// took seconds on a line of 2,000 characters. A long digit run (an id card's 18 digits,
    /// a bank card's 19) is still read whole.
    @Test func aRunLongerThanAnyNumeralIsReadFromItsStart() {
        let limit = NumberExtractor.longestNumeralRead
        for unit in ["十二", "卅", "五百", "千九"] {
            let run = Array(String(repeating: unit, count: 1_000).unicodeScalars)
            let spans = NumberExtractor.spans(in: run)
            #expect(!spans.isEmpty, "\(unit)")
            #expect(spans.allSatisfy { $0.range.count <= limit }, "\(unit)")
            #expect(NumberExtractor.longestNumeral(run, from: 0, runEnd: run.count, after: 0).map { $0.0.count <= limit } == true)
        }
        // Where the whole run would parse (a hundred digits), what is read is its first `limit` characters.
        let hundred = Array(String(repeating: "7", count: 100).unicodeScalars)
        #expect(NumberExtractor.longestNumeral(hundred, from: 0, runEnd: hundred.count, after: 0)?.0 == 0..<limit)
        #expect(NumberExtractor.spans(in: hundred).first?.range == 0..<limit)
        for digits in ["110101199003074512", "6222021234567890123"] {
            let spans = NumberExtractor.spans(in: Array("卡号\(digits)".unicodeScalars))
            #expect(spans.map { $0.range } == [2..<(2 + digits.count)], "\(digits)")
        }
    }

    /// Yardsticks, one pass rate per file as issue 3 sets them: cn2an's numerals in the
    /// cn2an direction (every mode; goal 98 %), cn2an's error cases that are errors in
    /// every mode, and every one of Duckling's Chinese numerals (goal 95 %).
    @Test func yardsticks() {
        var failures: [String] = []
        var cn2an = (pass: 0, total: 0)
        for row in Corpus.load("cn2an_numerals.jsonl") where row["direction"] as? String == "cn2an" {
            guard let text = row["text"] as? String, let want = Corpus.number(row["value"]) else { continue }
            cn2an.total += 1
            let got = ChineseNumber.parse(Normalizer.normalize(text))
            if let got, abs(got - want) <= max(1e-9, abs(want) * 1e-12) { cn2an.pass += 1 } else { failures.append("cn2an \(text) want \(want) got \(String(describing: got))") }
        }
        var errors = (pass: 0, total: 0)
        let cn2anValid = Set(Corpus.load("cn2an_numerals.jsonl").compactMap { $0["text"] as? String })
        for row in Corpus.load("cn2an_errors.jsonl") where row["direction"] as? String == "cn2an" {
            guard let text = row["text"] as? String, !cn2anValid.contains(text) else { continue }
            // Strict-only errors of forms that smart mode accepts.
            if ["100万", "100万三千", "200亿零四千230", "一百点123", "10.1万", "-10.1万", "16.4亿", "35.1亿", "1百01", "1万600", "10.1", "-10.1"].contains(text) { continue }
            errors.total += 1
            if ChineseNumber.parse(text) == nil { errors.pass += 1 } else { failures.append("error \(text) accepted") }
        }
        var duckling = (pass: 0, total: 0)
        for row in Corpus.load("duckling_zh_numeral.jsonl") {
            guard let text = row["text"] as? String, let want = Corpus.number(row["value"]) else { continue }
            duckling.total += 1
            let got = ChineseNumber.parse(Normalizer.normalize(text))
            if let got, abs(got - want) <= 1e-9 { duckling.pass += 1 } else { failures.append("duckling \(text) want \(want) got \(String(describing: got))") }
        }
        guard cn2an.total > 0, duckling.total > 0 else { return }
        func rate(_ r: (pass: Int, total: Int)) -> Double { Double(r.pass) / Double(max(r.total, 1)) }
        func percent(_ r: (pass: Int, total: Int)) -> String { String(format: "%.1f %%", 100 * rate(r)) }
        print("cn2an numerals (cn2an direction) yardstick: \(cn2an.pass)/\(cn2an.total) pass (\(percent(cn2an)); goal 98 %)")
        print("cn2an errors yardstick: \(errors.pass)/\(errors.total) rejected (\(percent(errors)))")
        print("duckling numeral yardstick: \(duckling.pass)/\(duckling.total) pass (\(percent(duckling)); goal 95 %)")
        for f in failures { print("  " + f) }
        // Measured 139/139, 14/15 (百十一 is read as 110 + 1) and 123/124 (一半半, read as 0.5 by Duckling, is no numeral here).
        #expect(rate(cn2an) >= 0.98)
        #expect(rate(duckling) >= 0.95)
        #expect(rate(errors) >= 0.9)
    }
}
