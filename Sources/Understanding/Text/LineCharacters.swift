/// Characters that some searches of every line cannot do without, one bit
/// each group, gathered while the line is normalised (`ScalarText.present`).
/// Each of these searches walked every line on its own to find, on most
/// lines, nothing (a per cent or so of a parse each in a profile); a line
/// without its characters now skips it.
enum LineCharacters {
    /// 我: "me and someone" (我和老伴一起) needs it (`PartySizeExtractor.meAndSomeone`).
    static let me: UInt64 = 1 << 0
    /// 自, 老, 两: every counted phrase (就我自己, 我和老伴, 两口子) has 自己, 自个, 老伴 or 两口
    /// (`PartySizeExtractor.mayCount`).
    static let countedPairs: UInt64 = 1 << 1
    /// 不, 错, 更: every self-correction word but the Cantonese ones has one (`SelfCorrection.words`).
    static let correction: UInt64 = 1 << 2
    /// 唔: the Cantonese self-correction words (唔系) have it. Apart from `correction`, as 唔 is in
    /// most Cantonese lines (唔该, 唔好): a line with it alone is searched for 唔系 first (`SelfCorrection`).
    static let cantoneseNot: UInt64 = 1 << 11
    /// 系, 係: with `cantoneseNot`, a line may say 唔系.
    static let cantoneseIs: UInt64 = 1 << 12
    /// `=`: a key=value field needs it (`SlotFiller.activityNamedInField`).
    static let equals: UInt64 = 1 << 13
    /// 司, 团, 厂: every firm's name as said ends in one (`CompanyName.endings`).
    static let firm: UInt64 = 1 << 3
    /// An ASCII digit: a name said beside a mobile number needs one (`PersonName.nameBeforePhone`).
    static let digit: UInt64 = 1 << 4
    /// 姓: a surname said alone (姓周) needs it (`PersonName.surnameOnly`).
    static let surname: UInt64 = 1 << 5
    /// The first characters of the units of a length of time (天, 小时, 分钟 …): every length
    /// ends in one (`DurationExtractor.units`; 分半 starts with 分, one of them).
    static let durationUnit: UInt64 = 1 << 6
    /// The first characters of the suffixes of a building said apart (栋, 幢, 座, 号楼 …:
    /// `BuildingLabel.strongSuffixes`, for `BuildingLabel.findApart`).
    static let buildingSuffix: UInt64 = 1 << 7
    /// 号: a house number said apart needs it (`BuildingLabel.findHouseNumber`).
    static let hao: UInt64 = 1 << 8
    /// A hyphen: every grid code has one (`PlaceFinder.findGridCode`).
    static let hyphen: UInt64 = 1 << 9
    /// 网, 街: a grid or block said by name ends in 网格 or 街区 (`AreaNames.find`).
    static let areaName: UInt64 = 1 << 10

    static let table: ScalarTable<UInt64> = {
        var groups: [Unicode.Scalar: UInt64] = ["我": me, "自": countedPairs, "老": countedPairs, "两": countedPairs,
                                                "不": correction, "错": correction, "更": correction, "唔": cantoneseNot,
                                                "司": firm, "团": firm, "厂": firm, "姓": surname]
        for d in "0123456789".unicodeScalars { groups[d] = digit }
        for (word, _) in DurationExtractor.units.words { groups[word[0], default: 0] |= durationUnit }
        for (word, _) in BuildingLabel.strongSuffixScalars { groups[word[0], default: 0] |= buildingSuffix }
        for (s, bit) in [("号", hao), ("-", hyphen), ("网", areaName), ("街", areaName), ("系", cantoneseIs), ("係", cantoneseIs),
                         ("=", equals)] as [(Unicode.Scalar, UInt64)] {
            groups[s, default: 0] |= bit
        }
        return ScalarTable(groups, missing: 0)
    }()

    /// The groups `scalars` has characters of.
    static func present(in scalars: [Unicode.Scalar]) -> UInt64 {
        let table = Self.table
        var bits: UInt64 = 0
        for s in scalars { bits |= table[s] }
        return bits
    }
}
