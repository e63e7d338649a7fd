/// One intent as written in `intents/NAME.yaml`: how to recognise it, which
/// slots it takes, what to ask when a required slot is missing, and examples
/// that run as tests.
public struct IntentSpec: Sendable, Equatable, Decodable {
    /// Contract name, e.g. `grievance.file`.
    public var intent: String
    /// Short Chinese label for prompts and help (报事).
    public var label: String
    /// One line of Chinese for `帮助`.
    public var summary: String
    /// Words or phrases that signal the intent; the longest match wins.
    public var triggers: [String]
    /// Breaks ties between intents whose triggers match equally.
    public var priority: Int
    /// Position in `帮助` and in suggestions (lower first).
    public var order: Int
    /// When no trigger matched: the intent still applies if the text has an
    /// entity of `fallback.entity` and one of `fallback.words` (a bare
    /// "香榭郦景3栋电梯坏了" is a grievance). `fallback:` may also be a list,
    /// each tried on its own (a grid code alone; a place with 网格).
    public var fallbacks: [Fallback]
    /// The first fallback (most intents have one).
    public var fallback: Fallback? { fallbacks.first }
    /// Entity or slot types whose presence adds weight (a booking id makes
    /// 取消 mean activity.cancel rather than abandoning a dialogue).
    public var evidence: [String]
    /// Words that support the intent without naming it (态度很差 and 不管事
    /// make a sentence about the grid worker a complaint; A级 makes 工单 a
    /// list). Each one found adds weight, at most two count.
    public var cues: [String]
    /// Two-part triggers `A…B`: A, then B within a few characters (报的…了吗,
    /// 查…预约); either side may list alternatives (`报的|反映的…吗|没`). They count like a trigger as long as both parts together,
    /// for the way people wrap a request around other words.
    public var patterns: [String]
    /// Two-part triggers whose parts stand at most `IntentSpec.nearGap` characters apart: room
    /// for a short name between them and no more (楼栋长老陈说, 网格员小李反映, not
    /// 楼栋长 … 我想跟他说点事, where the line asks who the 楼栋长 is).
    public var nearPatterns: [String]
    /// How far apart the parts of a near pattern may be (a name of up to three characters).
    public static let nearGap = 3
    /// At most this many first-part alternatives over all of an intent's patterns.
    public static let maximumPatternFirstParts = 128
    /// Entity or slot types that speak against the intent (a single ticket id
    /// is not a list of tickets): each one found takes weight away.
    public var against: [String]
    /// What the intent works on, when a service we do not offer is named (订个酒店,
    /// 挂个专家号): the line stays in scope only with one of these. Without it, the
    /// evidence and the fallbacks' entities count (a head count alone is no booking's
    /// substance, so activity.book names its activity here).
    public var substance: [String]?
    public var slots: [SlotSpec]
    public var examples: [Example]
    /// Texts that must *not* be understood as this intent.
    public var negatives: [String]
    /// Where the spec came from (file path), for error messages.
    public var source: String = ""

    public struct Fallback: Sendable, Equatable, Decodable {
        /// An entity or slot type; several joined by `+` must all be there
        /// (`activity+party_size`); groups joined by `|` are alternatives.
        public var entity: String
        public var words: [String]
        /// When none of `words` is there, the fallback still applies (weaker)
        /// if the text tells something beyond the entities: at least four
        /// Chinese characters outside them (a place plus any account of a
        /// problem is a 报事).
        public var descriptive: Bool?
        /// `words_of: none`: this fallback's words also include those of the spec's fallback with
        /// that `entity`, so a list two fallbacks share is written once (报事's words of a wrong
        /// done count alone and at a place; only the weaker ones, 坏 漏 吵, need the place).
        /// Resolved when the spec is read; nil afterwards.
        public var wordsOf: String?

        enum CodingKeys: String, CodingKey { case entity, words, descriptive, wordsOf = "words_of" }

        public var entities: [String] { alternatives.first ?? [] }
        /// `activity+party_size|activity+phone`: any one group, all of its types.
        /// `none`: one group of no types — the words alone (see `wordsAlone`).
        public var alternatives: [[String]] {
            if wordsAlone { return [[]] }
            return entity.split(separator: "|").map { $0.split(separator: "+").map { String($0).trimmingCharacters(in: .whitespaces) } }
        }
        /// `entity: none`: one of the words is enough, with no entity — an account of a wrong
        /// done told without a place or a phone (老板拖欠工资三个月了, 我妈被骗了八千多块).
        /// It scores below any trigger and below an entity with a word, and never outweighs an
        /// out-of-scope word (it has no substance): the dialogue then asks for what is missing.
        public var wordsAlone: Bool { entity.trimmingCharacters(in: .whitespaces) == "none" }
    }

    public struct Example: Sendable, Equatable, Decodable {
        public var text: String
        /// Slots the example must yield (a subset of what is extracted).
        public var slots: [String: SlotValue]?
        public var line: Int?

        enum CodingKeys: String, CodingKey { case text, slots }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            text = try c.decode(String.self, forKey: .text)
            slots = try c.decodeIfPresent([String: SlotValue].self, forKey: .slots)
            line = nil
        }

        public init(text: String, slots: [String: SlotValue]?, line: Int?) {
            self.text = text
            self.slots = slots
            self.line = line
        }
    }

    enum CodingKeys: String, CodingKey {
        case intent, label, summary, triggers, priority, order, fallback, evidence, cues, patterns, against,
             nearPatterns = "near_patterns", substance, slots, examples, negatives
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        intent = try c.decode(String.self, forKey: .intent)
        label = try c.decode(String.self, forKey: .label)
        summary = try c.decode(String.self, forKey: .summary)
        triggers = try c.decodeIfPresent([String].self, forKey: .triggers) ?? []
        priority = try c.decodeIfPresent(Int.self, forKey: .priority) ?? 0
        order = try c.decodeIfPresent(Int.self, forKey: .order) ?? 100
        if let list = try? c.decodeIfPresent([Fallback].self, forKey: .fallback) {
            fallbacks = list
        } else {
            fallbacks = try c.decodeIfPresent(Fallback.self, forKey: .fallback).map { [$0] } ?? []
        }
        for k in fallbacks.indices {
            guard let other = fallbacks[k].wordsOf else { continue }
            guard let shared = fallbacks.first(where: { $0.entity == other && $0.wordsOf == nil }) else {
                throw IntentFileError(file: "", line: decoder.mark.map { $0.line } ?? 0, message: "words_of 找不到 entity 为“\(other)”的 fallback")
            }
            let own = Set(fallbacks[k].words)
            fallbacks[k].words += shared.words.filter { !own.contains($0) }
            fallbacks[k].wordsOf = nil
        }
        evidence = try c.decodeIfPresent([String].self, forKey: .evidence) ?? []
        cues = try c.decodeIfPresent([String].self, forKey: .cues) ?? []
        patterns = try c.decodeIfPresent([String].self, forKey: .patterns) ?? []
        nearPatterns = try c.decodeIfPresent([String].self, forKey: .nearPatterns) ?? []
        against = try c.decodeIfPresent([String].self, forKey: .against) ?? []
        substance = try c.decodeIfPresent([String].self, forKey: .substance)
        if let bad = (patterns + nearPatterns).first(where: { $0.components(separatedBy: "…").count != 2 || $0.hasPrefix("…") || $0.hasSuffix("…") || $0.contains("||") }) {
            throw IntentFileError(file: "", line: decoder.mark.map { $0.line } ?? 0, message: "patterns 的写法应为“前…后”：\(bad)")
        }
        // The classifier keeps which first parts a line has in 128 bits per intent (`IntentClassifier.longestTriggers`).
        let firstParts = (patterns + nearPatterns).reduce(0) { $0 + ($1.components(separatedBy: "…").first?.split(separator: "|").count ?? 0) }
        if firstParts > Self.maximumPatternFirstParts {
            throw IntentFileError(file: "", line: decoder.mark.map { $0.line } ?? 0,
                                  message: "patterns 的前半部分（“…”之前，以 | 分开）共 \(firstParts) 个，最多 \(Self.maximumPatternFirstParts) 个：请合并相同的后半部分")
        }
        slots = try c.decodeIfPresent([SlotSpec].self, forKey: .slots) ?? []
        examples = try c.decodeIfPresent([Example].self, forKey: .examples) ?? []
        negatives = try c.decodeIfPresent([String].self, forKey: .negatives) ?? []
    }

    public func slot(_ name: String) -> SlotSpec? { slots.first { $0.name == name } }
}

/// One slot of an intent.
public struct SlotSpec: Sendable, Equatable, Decodable {
    public var name: String
    /// How the value is found: an entity type (`phone`, `time`, `party_size`,
    /// `money`, `ticket_id` …), a place part (`community`, `estate`,
    /// `building`, `grid`), `activity`, `name`, `description` (the free text),
    /// or `keyword` (one of `values`).
    public var type: String
    public var required: Bool
    /// The question to ask when a required slot is missing.
    public var ask: String?
    /// For `keyword` slots: value → the words that mean it.
    public var values: [String: [String]]?
    /// For `keyword` slots: the name of a shared vocabulary in
    /// `intents/vocabularies/` that gives the values instead of `values`
    /// (one list of co-building kinds for the five intents that take one).
    public var valuesFrom: String?
    /// The values in the order the intent file lists them: the last tie-break
    /// of a keyword slot (a dictionary's order changes from run to run).
    public var valueOrder: [String] = []
    /// For `keyword` slots: words that report a state rather than ask for
    /// something (修好了 beside 办结). Any other word of the slot said in the
    /// line outranks them, wherever it stands: 修好了，办结 closes the ticket.
    /// Each must be one of the values' words.
    public var reports: [String] = []
    /// For `time` and `time_end` slots of intents that look ahead (a booking,
    /// a search for sessions, a meeting to hold): a weekday of this week that
    /// has already passed (这周四 said on a Sunday) means the coming one, a
    /// week later. Elsewhere (a grievance's time) it stays this week's.
    public var upcoming = false
    /// For `time` slots of intents that tell what happened (a grievance, a visit):
    /// a clock time or weekday said without its day is the last one, not the
    /// next (`PastDay`). Not with `upcoming`.
    public var past = false
    /// For `keyword` slots: words that outrank every other word of the slot
    /// wherever they stand (a fire's 冒烟 beside 楼道充电: the emergency's
    /// category). Given with data (`setValues`), not in intent files.
    public var outranking: [String] = []
    /// For `keyword` slots: each value, in file order, with its words' lengths
    /// (in characters) and UTF-8 bytes, made once rather than per line.
    var keywordTable: [KeywordValue] = []

    struct KeywordValue: Sendable, Equatable {
        var value: String
        var words: [KeywordWord]
    }

    struct KeywordWord: Sendable, Equatable {
        var length: Int
        var utf8: [UInt8]
        /// 2: outranks the others (`outranking`); 1: an ordinary word; 0: only a reported state (`reports`).
        var rank: Int
    }

    private struct ValueKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    enum CodingKeys: String, CodingKey { case name, type, required, ask, values, valuesFrom = "values_from", reports, upcoming, past }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        type = try c.decode(String.self, forKey: .type)
        required = try c.decodeIfPresent(Bool.self, forKey: .required) ?? false
        ask = try c.decodeIfPresent(String.self, forKey: .ask)
        values = try c.decodeIfPresent([String: [String]].self, forKey: .values)
        valuesFrom = try c.decodeIfPresent(String.self, forKey: .valuesFrom)
        reports = try c.decodeIfPresent([String].self, forKey: .reports) ?? []
        upcoming = try c.decodeIfPresent(Bool.self, forKey: .upcoming) ?? false
        past = try c.decodeIfPresent(Bool.self, forKey: .past) ?? false
        if past, upcoming || type != "time" {
            throw IntentFileError(file: "", line: decoder.mark.map { $0.line } ?? 0, message: "past 只用于 time 槽位，且不能与 upcoming 同用（\(name)）")
        }
        if upcoming, type != "time", type != "time_end" {
            throw IntentFileError(file: "", line: decoder.mark.map { $0.line } ?? 0, message: "upcoming 只用于 time 或 time_end 槽位（\(name) 是 \(type)）")
        }
        if let values {
            let listed = ((try? c.nestedContainer(keyedBy: ValueKey.self, forKey: .values))?.allKeys.map(\.stringValue) ?? [])
                .filter { values[$0] != nil }
            var seen = Set<String>()
            let ordered = listed.filter { seen.insert($0).inserted }
            // Whatever the file order did not give (never, with Yams), sorted: still the same every run.
            valueOrder = ordered + values.keys.filter { !seen.contains($0) }.sorted()
            keywordTable = Self.table(valueOrder, values, reports: reports, outranking: [])
            if let stray = reports.first(where: { word in !values.values.contains { $0.contains(word) } }) {
                throw IntentFileError(file: "", line: decoder.mark.map { $0.line } ?? 0, message: "槽位 \(name) 的 reports 词“\(stray)”不在 values 里")
            }
        }
        if !SlotSpec.knownTypes.contains(type) {
            throw IntentFileError(file: "", line: decoder.mark.map { $0.line } ?? 0, message: "未知的槽位类型：\(type)")
        }
        if type == "keyword", values?.isEmpty ?? true, valuesFrom == nil {
            throw IntentFileError(file: "", line: decoder.mark.map { $0.line } ?? 0, message: "keyword 槽位 \(name) 需要 values 或 values_from")
        }
        if required, ask == nil {
            throw IntentFileError(file: "", line: decoder.mark.map { $0.line } ?? 0, message: "必填槽位 \(name) 需要 ask（缺少时的提问）")
        }
    }

    /// A keyword slot's values replaced by a data file's (the grievance
    /// categories' keywords, kept in one place for filing and understanding).
    /// A value may come in several rows (治安消防: fires, and hazards without
    /// one): their words are merged. `outranking` words win wherever they stand.
    public mutating func setValues(_ ordered: [(value: String, words: [String])], outranking: [String] = []) {
        values = Dictionary(ordered.map { ($0.value, $0.words) }, uniquingKeysWith: { a, b in a + b })
        var seen = Set<String>()
        valueOrder = ordered.map(\.value).filter { seen.insert($0).inserted }
        self.outranking = outranking
        keywordTable = Self.table(valueOrder, values!, reports: reports, outranking: outranking)
    }

    /// Each word's rank (`KeywordWord.rank`).
    func rank(of word: String) -> Int { outranking.contains(word) ? 2 : reports.contains(word) ? 0 : 1 }

    private static func table(_ order: [String], _ values: [String: [String]], reports: [String], outranking: [String]) -> [KeywordValue] {
        let reports = Set(reports), outranking = Set(outranking)
        return order.map { value in
            KeywordValue(value: value, words: (values[value] ?? []).map {
                KeywordWord(length: $0.count, utf8: Array($0.utf8), rank: outranking.contains($0) ? 2 : reports.contains($0) ? 0 : 1)
            })
        }
    }

    public static let knownTypes: Set<String> = [
        "community", "estate", "building", "grid", "phone", "name", "ticket_id", "booking_id", "request_id",
        "time", "time_end", "party_size", "activity", "activity_id", "money", "uscc", "keyword", "description", "enterprise",
        "area", "term", "headcount", "company",
        // Co-building work: its ids, every GL/XQ id of a decision, and text said after a marker word.
        "meeting_id", "task_id", "visit_id", "ticket_ids", "need_ids", "marked",
        // Co-building lists (docs/CO-BUILDING.md).
        "need_id", "resource_id", "match_id", "resource_booking_id", "service_id", "unit_id", "window", "quantity", "plate",
    ]
}

import Yams
