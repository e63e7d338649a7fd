/// Currencies other than the yuan, as said in Chinese, with their ISO 4217 codes.
/// An amount in one of them is a `foreign_money` entity (value in that currency),
/// never `money`, whose value is in yuan (CONTRACT §2).
enum Currency {
    /// Longest first where one word ends another (新台币 before 台币, 港元 before 元).
    static let words: [(word: [Unicode.Scalar], code: String)] = [
        ("新加坡元", "SGD"), ("新台币", "TWD"), ("新台幣", "TWD"), ("人民币", "CNY"),
        ("港元", "HKD"), ("港币", "HKD"), ("港幣", "HKD"), ("港纸", "HKD"),
        ("美元", "USD"), ("美金", "USD"), ("日元", "JPY"), ("日币", "JPY"), ("日圆", "JPY"),
        ("欧元", "EUR"), ("英镑", "GBP"), ("卢布", "RUB"), ("泰铢", "THB"), ("韩元", "KRW"),
        ("澳元", "AUD"), ("加元", "CAD"), ("台币", "TWD"), ("台幣", "TWD"),
    ].map { (Array($0.0.unicodeScalars), $0.1) }

    /// Which characters begin (bit 1) and end (bit 2) a currency word: asked after every
    /// number, most of them with neither beside them, which then compare no word.
    static let edges: ScalarTable<UInt8> = {
        var bits: [Unicode.Scalar: UInt8] = [:]
        for (word, _) in words {
            bits[word[0], default: 0] |= 1
            bits[word[word.count - 1], default: 0] |= 2
        }
        return ScalarTable(bits, missing: 0)
    }()

    /// The currency word starting at `i`, with its length; CNY for 人民币.
    static func word(in s: [Unicode.Scalar], at i: Int) -> (code: String, length: Int)? {
        guard i < s.count, edges[s[i]] & 1 != 0 else { return nil }
        // By index: iterating the (word, code) pairs retained and released both per word.
        for k in words.indices where MoneyExtractor.hasPrefix(s, at: i, words[k].word) { return (words[k].code, words[k].word.count) }
        return nil
    }

    /// The currency word ending at `i` (exclusive), with its length.
    static func word(in s: [Unicode.Scalar], endingAt i: Int) -> (code: String, length: Int)? {
        guard i > 0, i <= s.count, edges[s[i - 1]] & 2 != 0 else { return nil }
        for k in words.indices where MoneyExtractor.hasSuffix(s, endingAt: i, words[k].word) { return (words[k].code, words[k].word.count) }
        return nil
    }
}
