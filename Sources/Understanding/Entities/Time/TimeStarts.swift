/// Where a time can start, looked at two characters deep: `TimeExtractor.starters` lets through
/// every first character of a time word, and the extractor then tried every reading at each of
/// them. Two failed attempts a line were about a tenth of a parse in a count of instructions,
/// and a third of them were at a starter that began no time word at all (下雨, 大富, 这个, 去了).
///
/// Every reading `TimeExtractor.parse` makes starts with one of:
/// - a numeral (dates, clocks, counts; `ChineseNumber.digit` covers ASCII digits, and 十 廿 卅);
/// - a one-character part of the day before a clock (早, 晚, 夜: `TimeOfDay.shortPart`);
/// - 上 前 下 后 before a count (上两周: `RelativePeriod`);
/// - a word of one of `wordLists` (now, parts of the day, relative days, years, holidays, the week
///   and its modifiers), which is what the first two characters are checked against.
/// Only `TimeExtractor.starters` are let through at all, as before. The extractor still tests
/// its flat table of them first: asked at every character, it is cheaper than this test, which
/// only the starters reach (making this the only test cost 1.7 % more instructions per parse).
enum TimeStarts {
    /// Alone: a time may start at the character whatever follows.
    private static let alone: UInt8 = 1
    /// It begins a word of two characters or more: the pair is looked up in `pairs`.
    private static let wordStart: UInt8 = 2
    /// 上 前 下 后: a time may start when a numeral follows.
    private static let beforeCount: UInt8 = 4

    static let wordLists: [[[Unicode.Scalar]]] = [
        TimeExtractor.nowWords.map(\.0), TimeOfDay.parts.map(\.0), TimeOfDay.dayParts.map(\.0),
        TimeDates.relativeDays.map(\.0), TimeDates.yearWords.map(\.0), TimeDates.holidays.map(\.0),
        TimeDates.weekWords.map(\.0), modified(TimeDates.weekModifiers), modified(TimeDates.cantoneseThis),
    ]

    /// A week modifier (下, 这, 今个) begins a time only with a week or month word after it
    /// (下周, 这个礼拜, 下个月: `TimeDates.parse`), so the pairs are taken from those joined words:
    /// 下 alone let 下雨 and 一下 through, 这 alone 这个 and 这边.
    private static func modified(_ modifiers: WordList<Int>) -> [[Unicode.Scalar]] {
        modifiers.flatMap { modifier in
            (TimeDates.weekWords.map(\.0) + TimeDates.monthWords.map(\.0)).map { modifier.0 + $0 }
        }
    }

    private static let kinds: ScalarTable<UInt8> = {
        var kinds: [Unicode.Scalar: UInt8] = [:]
        for c in TimeExtractor.starters {
            var kind: UInt8 = 0
            if TimeScan.startsInteger(c) || TimeOfDay.shortPart(c) != nil { kind |= alone }
            if RelativePeriod.prefixDirection(c) != nil { kind |= beforeCount }
            kinds[c] = kind
        }
        for list in wordLists {
            for word in list {
                // An empty word matches anywhere: every starter may start a time.
                guard let first = word.first else {
                    for c in TimeExtractor.starters { kinds[c, default: 0] |= alone }
                    continue
                }
                guard let kind = kinds[first] else { continue }
                kinds[first] = kind | (word.count == 1 ? alone : wordStart)
            }
        }
        return ScalarTable(kinds, missing: 0)
    }()

    /// The first two characters of every word of two or more, as `first << 32 | second`, sorted.
    private static let pairs: [UInt64] = Array(Set(wordLists.joined().filter { $0.count >= 2 }.map {
        UInt64($0[0].value) << 32 | UInt64($0[1].value)
    })).sorted()

    /// Whether a time may start at `i` (false for a character that is not a starter).
    static func mayStart(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        let kind = kinds[s[i]]
        if kind & alone != 0 { return true }
        guard i + 1 < s.count else { return false }
        if kind & beforeCount != 0, TimeScan.startsInteger(s[i + 1]) { return true }
        return kind & wordStart != 0 && hasPair(UInt64(s[i].value) << 32 | UInt64(s[i + 1].value))
    }

    private static func hasPair(_ pair: UInt64) -> Bool {
        var low = 0, high = pairs.count
        while low < high {
            let mid = (low + high) / 2
            if pairs[mid] < pair { low = mid + 1 } else { high = mid }
        }
        return low < pairs.count && pairs[low] == pair
    }
}
