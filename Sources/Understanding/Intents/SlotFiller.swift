/// Fills an intent's slots from the analysed text, each by its slot type.
struct SlotFiller: Sendable {
    /// Activity names, kinds and their short forms, longest first.
    let activityTerms: [String]
    /// Per word of `enterpriseTrie` (in its numbering): the registered full name it stands for.
    let enterpriseNames: [String]
    /// The activity terms in one trie (numbered in list order), searched once
    /// per line instead of term by term.
    let activityTrie: ScalarTrie
    /// Per term, what the `activity` slot says for it (`ActivityVocabulary.reported`).
    let activityValues: [String]
    /// Per activity term: whether it is an everyday word for an activity (用手机, 篮球赛) rather than
    /// a catalogue name or part of one — the catalogue's word wins when a line has both.
    let activityIsEverydayWord: [Bool]
    /// The registered full names and their scalars, for a name typed with a sound-alike slip.
    let firmNames: [String]
    let firmScalars: [[Unicode.Scalar]]
    /// The terms as scalars, for a term typed with a sound-alike slip.
    let activityScalars: [[Unicode.Scalar]]

    /// Every keyword slot's words in one trie, and per slot (intent and
    /// name) its values in file order with their words' lengths and numbers:
    /// searched once per line rather than word by word.
    let keywordTrie: ScalarTrie
    private let keywordTables: [String: KeywordTable]
    /// The catalogue's specs' slots, compiled, by the spec's index in the
    /// catalogue (`slots(forSpecAt:)`).
    private let compiledSpecs: [CompiledSlots]

    typealias KeywordTable = [(value: String, words: [(length: Int, number: Int32?, rank: Int)])]

    /// The registered firm names and their short forms in one trie.
    let enterpriseTrie: ScalarTrie

    /// `enterpriseAliases` maps a short form (鸿澜科技, 鸿澜) to the full name it stands for.
    init(activityTerms: [String], activityCatalogue: [String] = [], enterpriseNames: [String], enterpriseAliases: [String: String] = [:],
         specs: [IntentSpec] = []) {
        self.activityTerms = activityTerms
        let catalogue = Set(activityCatalogue)
        self.activityValues = activityTerms.map { ActivityVocabulary.reported($0, catalogue: catalogue) }
        self.activityScalars = activityTerms.map { Array($0.unicodeScalars) }
        let everyday = Set(ActivityVocabulary.synonyms.map(\.said))
        self.activityIsEverydayWord = activityTerms.map { everyday.contains($0) }
        var firms = ScalarTrie()
        var canonical: [String] = []
        // Full names first, then aliases longest first: a word already added keeps its first meaning.
        let words = enterpriseNames.map { ($0, $0) } + enterpriseAliases.sorted { ($0.key.count, $0.key) > ($1.key.count, $1.key) }.map { ($0.key, $0.value) }
        for (word, name) in words {
            guard let number = firms.add(word) else { continue }
            if Int(number) == canonical.count { canonical.append(name) }
        }
        self.enterpriseNames = canonical
        self.firmNames = enterpriseNames
        self.firmScalars = enterpriseNames.map { Array($0.unicodeScalars) }
        self.enterpriseTrie = firms
        var trie = ScalarTrie()
        for term in activityTerms { trie.add(term) }
        self.activityTrie = trie
        var keywordTrie = ScalarTrie()
        var tables: [String: KeywordTable] = [:]
        for spec in specs {
            for slot in spec.slots where slot.type == "keyword" {
                tables[Self.key(spec, slot)] = slot.valueOrder.map { value in
                    (value, (slot.values?[value] ?? []).map { ($0.count, keywordTrie.add($0), slot.rank(of: $0)) })
                }
            }
        }
        self.keywordTrie = keywordTrie
        self.keywordTables = tables
        // Compiled from the finished tables: a later spec with the same intent and
        // slot name replaced an earlier one's table, as the lookup by key did.
        self.compiledSpecs = specs.map { spec in
            CompiledSlots(spec.slots.map { CompiledSlot($0, keywords: $0.type == "keyword" ? tables[Self.key(spec, $0)] : nil,
                                                        wordCount: keywordTrie.wordCount, markers: Self.markers(of: spec)) },
                          markers: Self.markers(of: spec), command: spec.label)
        }
    }

    /// Every marker word of the intent's `marked` slots: each one ends the text of another.
    private static func markers(of spec: IntentSpec) -> [String] {
        spec.slots.filter { $0.type == "marked" }.flatMap { $0.values?["after"] ?? [] }
    }

    private static func key(_ spec: IntentSpec, _ slot: SlotSpec) -> String { spec.intent + "\u{0}" + slot.name }

    /// Per keyword word: where it first occurs not right after a negation, or -1.
    private func keywordOccurrences(_ scalars: [Unicode.Scalar], hits: ArraySlice<ScalarTrie.Hit>?) -> [Int32] {
        var first = [Int32](repeating: -1, count: keywordTrie.wordCount)
        for hit in hits ?? keywordTrie.hits(in: scalars)[...] where first[Int(hit.word)] < 0 {
            let at = Int(hit.start)
            let negated = Self.negationScalars.contains { neg in
                // 有没有义诊: a question, not a negation.
                at >= neg.count && scalars[(at - neg.count)..<at].elementsEqual(neg) && !(neg[0] == "没" && at > neg.count && scalars[at - neg.count - 1] == "有")
            }
            if !negated { first[Int(hit.word)] = hit.start }
        }
        return first
    }

    /// The keyword words the line has, each with its first occurrence not right
    /// after a negation (as `keywordOccurrences`, for the words found only: a
    /// table over every keyword word per line, its filling and a pass over every
    /// word of a slot's table were a few per cent of a parse in a profile).
    private func affirmedKeywords(_ scalars: [Unicode.Scalar], hits: ArraySlice<ScalarTrie.Hit>?) -> [(word: Int32, at: Int32)] {
        var out: [(word: Int32, at: Int32)] = []
        for hit in hits ?? keywordTrie.hits(in: scalars)[...] where !out.contains(where: { $0.word == hit.word }) {
            if !Self.negated(at: Int(hit.start), scalars) {
                if out.isEmpty { out.reserveCapacity(8) }
                out.append((hit.word, hit.start))
            }
        }
        return out
    }

    /// Whether a negation ends right before `at` (有没有义诊 is a question, not a negation).
    private static func negated(at: Int, _ scalars: [Unicode.Scalar]) -> Bool {
        // Most keywords follow no negation's last character: then no negation is compared
        // (fifteen slices compared per keyword found were 1 % of a parse in a count).
        guard at > 0, negationLasts.contains(scalars[at - 1].value) else { return false }
        return negationScalars.contains { neg in
            at >= neg.count && scalars[(at - neg.count)..<at].elementsEqual(neg) && !(neg[0] == "没" && at > neg.count && scalars[at - neg.count - 1] == "有")
        }
    }

    private static let negationScalars = negations.map { Array($0.unicodeScalars) }
    /// The negations' last characters (a short list: fifteen words end in fifteen or fewer).
    private static let negationLasts = Array(Set(negationScalars.map { $0[$0.count - 1].value }))

    func slots(for spec: IntentSpec, analysis: Analysis, trigger: IntentClassifier.Trigger?) -> Slots {
        var slots: Slots = [:]
        let markers = Self.markers(of: spec)
        let name = NameOnce()
        var occurrences: [Int32]? = nil
        for slot in spec.slots {
            if slot.type == "keyword", let table = keywordTables[Self.key(spec, slot)] {
                if occurrences == nil { occurrences = keywordOccurrences(analysis.text.scalars, hits: analysis.words?.keyword) }
                if let value = keyword(table, occurrences!) { slots[slot.name] = .string(value) }
                continue
            }
            if let value = value(of: CompiledSlot(slot, keywords: nil), analysis: analysis, trigger: trigger, markers: markers, name: name) {
                slots[slot.name] = value
            }
        }
        return slots
    }

    /// The same for the catalogue's spec at `index` (the specs given at
    /// construction), with its slots compiled once.
    func slots(forSpecAt index: Int, analysis: Analysis, trigger: IntentClassifier.Trigger?) -> Slots {
        let compiled = compiledSpecs[index]
        var slots: Slots = [:]
        // Reserved at the first value found: most lines fill no slot of theirs, and the
        // storage made for none was an allocation per line.
        func put(_ name: String, _ value: SlotValue) {
            // Made at its size (`Understander.analyse` says why not `reserveCapacity`).
            if slots.isEmpty { slots = Slots(minimumCapacity: compiled.slots.count) }
            slots[name] = value
        }
        let name = NameOnce()
        var occurrences: [(word: Int32, at: Int32)]? = nil
        for slot in compiled.slots {
            // The table and its index read where they are: bound with `if let`, both were
            // copied (a retain and a release of each of their arrays) for every slot of every line.
            if slot.keywords != nil, slot.keywordIndex != nil {
                if occurrences == nil { occurrences = affirmedKeywords(analysis.text.scalars, hits: analysis.words?.keyword) }
                if let value = slot.keywordIndex?.best(occurrences!) { put(slot.spec.name, .string(slot.keywords![value].value)) }
                continue
            }
            if let value = value(of: slot, analysis: analysis, trigger: trigger, markers: compiled.markers, name: name,
                                 command: compiled.command) {
                put(slot.spec.name, value)
            }
        }
        return slots
    }

    /// The slot's value. The compiled slot rather than its `SlotSpec`: passing
    /// the spec copied it (a retain and release of each of its fields) for
    /// every slot of every line; only marked and keyword slots read it.
    private func value(of slot: CompiledSlot, analysis: Analysis, trigger: IntentClassifier.Trigger?, markers: [String],
                       name: NameOnce, command: [Unicode.Scalar] = []) -> SlotValue? {
        let place = analysis.place
        switch slot.kind {
        case .community: return (place?.community).map { .string($0) }
        case .estate: return (place?.estate).map { .string($0) }
        case .building: return (place?.building).map { .string($0) }
        case .grid: return (place?.gridCode).map { .string($0) }
        case .entity(let type):
            if slot.spec.upcoming, let time = upcomingTime(analysis), let value = time.value.stringValue {
                return .string(UpcomingDay.value(value, said: time.text, context: analysis.context))
            }
            if type == .phone, let corrected = correctedPhone(analysis) { return .string(corrected) }
            if type != .time { return firstValue(type, analysis).map { .string($0) } }
            guard let time = time(analysis), let value = time.value.stringValue else { return nil }
            return .string(slot.spec.past ? PastDay.value(value, said: time.text, context: analysis.context) : value)
        case .all(let type): return all(type, analysis)
        case .marked:
            let scalars = analysis.text.scalars
            return (slot.marked.map { MarkedText.find($0, in: scalars) } ?? MarkedText.find(slot.spec, in: analysis.string, markers: markers))
                .map { .string($0) }
        case .timeEnd:
            // The end of the same time the start slot took (周末在家…下周末有什么活动: 下周末's end, not 周末's).
            guard let time = slot.spec.upcoming ? upcomingTime(analysis) : time(analysis), let end = time.valueEnd else { return nil }
            guard slot.spec.upcoming, let value = time.value.stringValue else { return .string(end) }
            // Moved with the start it belongs to, not on its own.
            return .string(UpcomingDay.moved(value, said: time.text, context: analysis.context) ? UpcomingDay.weekLater(end) ?? end : end)
        case .partySize: return partySize(analysis).flatMap { $0.value.numberValue }.map { .int(Int($0)) }
        case .money:
            // A range said with its two ends (1万-5万元, 50到100万) is no single amount: the slot stays
            // empty and the dialogue asks for one (the description keeps what was said). A vague amount
            // (两百多万, 几十万) gives its low end, what was surely meant.
            if let money = entity(.money, analysis) {
                return MoneyExtractor.isRangeBetweenEnds(money) ? nil : money.value.numberValue.map { .number($0) }
            }
            return bareNumber(analysis).flatMap { $0.value.numberValue }.map { .number($0) }
        case .name: return name.find(in: analysis.text).map { .string($0.0) }
        case .activity:
            // 新增活动 HD-055 名称=插花 类型=文艺: a system names the activity in a field (one the catalogue may not have yet).
            if analysis.text.present & LineCharacters.equals != 0, let named = Self.activityNamedInField(analysis.text.scalars) {
                return .string(named)
            }
            // 给孩子报亲子阅读……不对，是周六的书法班: the class named after the correction.
            if let after = SelfCorrection.end(in: analysis.text),
               let corrected = activity(in: Array(analysis.text.scalars[after...])) {
                return .string(corrected)
            }
            return (analysis.activity ?? activity(in: analysis.text.scalars)
                ?? SoundAlikeTerms.first(in: analysis.text.scalars, terms: activityScalars).map { activityValues[$0] }).map { .string($0) }
        case .enterprise:
            return (enterprise(in: analysis.text.scalars, outside: analysis.place.map { $0.start..<$0.end }, hits: analysis.words?.enterprise)
                ?? SoundAlikeTerms.first(in: analysis.text.scalars, terms: firmScalars).map { firmNames[$0] }).map { .string($0) }
        case .keyword: return keyword(slot.spec, in: analysis.string).map { .string($0) }
        case .company: return CompanyName.find(in: analysis.text.scalars).map { .string($0) }
        case .area: return QuantityReader.area(in: analysis.text.scalars).map { .number($0) }
        case .term: return QuantityReader.termMonths(in: analysis.string, scalars: analysis.text.scalars).map { .int($0) }
        case .headcount:
            return (QuantityReader.headcount(in: analysis.text.scalars)
                ?? entity(.partySize, analysis).flatMap { $0.value.numberValue }.map { Int($0) }).map { .int($0) }
        case .description: return description(analysis, trigger: trigger, name: name, command: command).map { .string($0) }
        case .window: return CoBuildingPhrases.window(in: analysis.string, scalars: analysis.text.scalars).map { .string($0) }
        case .quantity: return CoBuildingPhrases.quantity(in: analysis.string).map { .string($0) }
        case .plate: return CoBuildingPhrases.plate(in: analysis.string).map { .string($0) }
        case .none: return nil
        }
    }

    /// Every id of `type` in the text, in order, joined by commas (a decision settling several tickets).
    private func all(_ type: EntityType, _ analysis: Analysis) -> SlotValue? {
        let ids = analysis.entities.filter { $0.type == type }.compactMap { $0.value.stringValue }
        return ids.isEmpty ? nil : .string(ids.joined(separator: ","))
    }

    /// The party size: a total said with 共 (我带两个孩子，一共三个人) over the
    /// first count, which may count only some of the party.
    private func partySize(_ analysis: Analysis) -> Entity? {
        let s = analysis.text.scalars
        func isTotal(_ e: Entity) -> Bool {
            let before = e.start > 0 && s[e.start - 1] == "是" ? e.start - 1 : e.start
            return before > 0 && s[before - 1] == "共"
        }
        var first: Entity? = nil, second: Entity? = nil
        for e in analysis.entities where e.type == .partySize {
            if isTotal(e) { return e }
            if first == nil { first = e } else if second == nil { second = e }
        }
        // 我们三口人…算了，两个人吧: a count said after a correction replaces the one before it.
        guard let first, let second else { return first }
        if let later = corrected(first, analysis) { return later }
        // 我跟我两个同事一起去，三个人: the head count said as such outweighs the people counted before it.
        // 我和我老伴都不会用手机，先给我报一个吧: the count said with the booking verb is the party.
        if second.start > 0, PartySizeExtractor.bookingVerbs(s[second.start - 1]),
           first.start == 0 || !PartySizeExtractor.bookingVerbs(s[first.start - 1]) { return second }
        return !Self.saysPeople(first) && Self.saysPeople(second) ? second : first
    }

    /// The entity of `first`'s type said after the last correction word, when
    /// that word comes after `first` (a second value said to replace it).
    func corrected(_ first: Entity, _ analysis: Analysis) -> Entity? {
        guard let correction = Self.corrections.endOfLast(in: analysis.text.scalars), first.end <= correction else { return nil }
        return analysis.entities.first { $0.type == first.type && $0.start >= correction }
    }

    /// Words that take back what was said before: the place's own, and 算了 / 不是 / 改到 for a count or a time.
    static let corrections = MarkerWords(SelfCorrection.words + ["算了", "不是", "改成", "改为", "改到", "还是改", "哦不", "噢不"])

    /// A count said with 人, 位, 口 or 名 (三个人, 两位): a head count, not people counted by who they are (两个同事).
    static func saysPeople(_ e: Entity) -> Bool {
        guard let last = e.text.unicodeScalars.last else { return false }
        return last == "人" || last == "位" || last == "口" || last == "名"
    }

    private func entity(_ type: EntityType, _ analysis: Analysis) -> Entity? {
        analysis.entities.first { $0.type == type }
    }

    /// 电话13500001234，哦不是，是13500001243: the number said after a correction word, when
    /// another was said before it (one number alone is never second-guessed).
    private func correctedPhone(_ analysis: Analysis) -> String? {
        let entities = analysis.entities
        // The last correction word with a phone after it: a later one may take back something else
        // (…是13566667771，我说错了一位).
        for after in SelfCorrection.ends(in: analysis.text).reversed() {
            guard let later = entities.first(where: { $0.type == .phone && $0.start >= after }) else { continue }
            return entities.contains(where: { $0.type == .phone && $0.end <= after }) ? later.value.stringValue : nil
        }
        return nil
    }

    /// `entity(type, analysis)`'s value as a string, read in the array: the entity
    /// itself is not copied (a retain and a release of each of its strings).
    private func firstValue(_ type: EntityType, _ analysis: Analysis) -> String? {
        let entities = analysis.entities
        for k in entities.indices where entities[k].type == type { return entities[k].value.stringValue }
        return nil
    }

    /// The registered firm the text names, by its full name.
    func enterprise(in text: String) -> String? { enterprise(in: Array(text.unicodeScalars)) }

    /// The same over scalars: the full name of the longest name or short form
    /// found (the earliest among equals). Hits inside `outside`, the place the
    /// text names, do not count: 银星科技园 is a park, not 银星电子.
    /// `hits`: the trie's hits in the line when already found (`SharedWords`).
    func enterprise(in scalars: [Unicode.Scalar], outside place: Range<Int>? = nil, hits: ArraySlice<ScalarTrie.Hit>? = nil) -> String? {
        var best: ScalarTrie.Hit? = nil
        for hit in hits ?? enterpriseTrie.hits(in: scalars)[...] {
            if let place, place.overlaps(Int(hit.start)..<Int(hit.start + hit.length)) { continue }
            if hit.length > (best?.length ?? 0) { best = hit }
        }
        return best.map { enterpriseNames[Int($0.word)] }
    }

    /// The first term of the list (longest first) that occurs in the text.
    /// A number said without a money unit (贷款 500), for an amount: not one a
    /// unit of something else follows (普工50个, 2000平, 一层, 3年).
    private func bareNumber(_ analysis: Analysis) -> Entity? {
        let text = analysis.text
        return analysis.entities.first { e in
            guard e.type == .number, e.end < text.count else { return e.type == .number }
            // 一百来平, 两百多平: an about-word between the number and its unit.
            let unit = Self.aboutWords(text[e.end]) && e.end + 1 < text.count ? text[e.end + 1] : text[e.end]
            return !Self.notMoneyUnits(unit)
        }
    }

    static func aboutWords(_ c: Unicode.Scalar) -> Bool {
        // A switch, not a Set: hashing a character per lookup showed in a profile.
        switch c { case "来", "多", "余": return true; default: return false }
    }

    static func notMoneyUnits(_ c: Unicode.Scalar) -> Bool {
        // A switch, not a Set: hashing a character per lookup showed in a profile.
        switch c { case "个", "平", "㎡", "年", "月", "人", "名", "位", "层", "间", "套", "台", "栋", "号", "楼", "天", "次", "岁", "点", "分", "周", "家", "户": return true; default: return false }
    }

    /// The keys under which a key=value line names an activity.
    static let activityNameKeys: Set<String> = ["名称", "活动名称", "活动名", "name", "activity_name"]

    /// The value of a `名称=…` field (see `activityNameKeys`): from after `=` to the next blank, comma or
    /// semicolon; nil when there is none. Asked only of lines with `=` (`LineCharacters.equals`).
    static func activityNamedInField(_ s: [Unicode.Scalar]) -> String? {
        func ends(_ c: Unicode.Scalar) -> Bool { c == " " || c == "," || c == ";" || c == "，" || c == "；" }
        for eq in s.indices where s[eq] == "=" {
            var keyStart = eq
            while keyStart > 0, !ends(s[keyStart - 1]) { keyStart -= 1 }
            guard activityNameKeys.contains(ScalarString.make(s[keyStart..<eq])) else { continue }
            var valueEnd = eq + 1
            while valueEnd < s.count, !ends(s[valueEnd]) { valueEnd += 1 }
            if valueEnd > eq + 1 { return ScalarString.make(s[(eq + 1)..<valueEnd]) }
        }
        return nil
    }

    func activity(in scalars: [Unicode.Scalar], hits: ArraySlice<ScalarTrie.Hit>? = nil) -> String? {
        // 她不会用手机报名…明天早上七点的太极拳: 太极拳, not the aside's 用手机.
        var first = Int32.max, firstEveryday = Int32.max
        for hit in hits ?? activityTrie.hits(in: scalars)[...] where !Self.namesFacility(hit, scalars) {
            if activityIsEverydayWord[Int(hit.word)] { firstEveryday = min(firstEveryday, hit.word) } else { first = min(first, hit.word) }
        }
        if first == .max { first = firstEveryday }
        return first == .max ? nil : activityValues[Int(first)]
    }

    /// 篮球场, 篮球馆: the place an activity is played names a landmark
    /// (凤凰小区篮球场旁边那个5栋), not the activity; 培训机构 names a business
    /// (楼下这家培训机构…没有资质 is a complaint about it, not a class to book).
    static func namesFacility(_ hit: ScalarTrie.Hit, _ scalars: [Unicode.Scalar]) -> Bool {
        let end = Int(hit.start) + Int(hit.length)
        return end < scalars.count && facilityWords(scalars[end])
    }

    static func facilityWords(_ c: Unicode.Scalar) -> Bool {
        // A switch, not a Set: hashing a character per lookup showed in a profile.
        switch c { case "场", "馆", "机": return true; default: return false }
    }
}
