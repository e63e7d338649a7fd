/// Unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters
/// from `0-9 A-H J-N P-R T-U W-Y` (no I O S V Z); the last is a check character.
public enum USCC {
    public static let charset: [Unicode.Scalar] = Array("0123456789ABCDEFGHJKLMNPQRTUWXY".unicodeScalars)
    static let index: [Unicode.Scalar: Int] = {
        var d: [Unicode.Scalar: Int] = [:]
        for (i, c) in charset.enumerated() { d[c] = i }
        return d
    }()
    /// 3^i mod 31.
    static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    /// The check character for the first 17 characters, nil when they are not 17 valid characters.
    public static func checkCharacter(for first17: String) -> Character? {
        checkIndex(Array(first17.unicodeScalars)[...]).map { Character(charset[$0]) }
    }

    /// The check character's index in `charset` for 17 characters, nil when they are not 17 valid characters.
    static func checkIndex(_ s: ArraySlice<Unicode.Scalar>) -> Int? {
        guard s.count == 17 else { return nil }
        var sum = 0
        for (i, c) in s.enumerated() {
            guard let v = index[c] else { return nil }
            sum += v * weights[i]
        }
        return (31 - sum % 31) % 31
    }

    /// True when `code` is 18 valid characters with a correct check character.
    public static func isValid(_ code: String) -> Bool { isValid(Array(code.unicodeScalars)) }

    /// The same over scalars, with no String built (the extractor checks each code it finds).
    static func isValid(_ s: [Unicode.Scalar]) -> Bool {
        guard s.count == 18, let last = s.last, index[last] != nil, let check = checkIndex(s[0..<17]) else { return false }
        return charset[check] == last
    }
}

/// Finds 18-character code candidates. Emits type `uscc` with the upper-cased
/// code; `confidence` is 1 when the check character is right and 0 when not,
/// so the caller can refuse it with a message.
public struct USCCExtractor: EntityExtractor {
    public init() {}

    public func extract(from text: ScalarText, context: ParseContext) -> [Entity] {
        let s = text.scalars
        var out: [Entity] = []
        var i = 0
        let n = s.count
        while i < n {
            guard PhoneExtractor.isDigit(s[i]) || PhoneExtractor.isLetter(s[i]) else { i += 1; continue }
            var j = i
            while j < n, PhoneExtractor.isDigit(s[j]) || PhoneExtractor.isLetter(s[j]) { j += 1 }
            if j - i == 18 {
                // Upper-cased into one array of its size: appended to a String's scalar view one by
                // one, each code cost a handful of allocations in a count per parse.
                var code: [Unicode.Scalar] = []
                code.reserveCapacity(18)
                var digits = 0
                for k in i..<j {
                    code.append(IdentifierExtractor.upper(s[k]))
                    if PhoneExtractor.isDigit(s[k]) { digits += 1 }
                }
                if digits >= 6 {
                    out.append(Entity(type: .uscc, text: text[i..<j], start: i, end: j, value: .string(ScalarString.make(code)),
                                      confidence: USCC.isValid(code) ? 1.0 : 0.0))
                }
            }
            i = j
        }
        return out
    }
}
