import Foundation

/// Text → intent + slots + entities. Pure and fast: everything it needs (the
/// intent catalogue, the gazetteer, the activity vocabulary) is given at
/// construction; `understand` does no I/O.
public struct Understander: Sendable {
    public let catalog: IntentCatalog
    public let places: PlaceFinder
    let recognizer = EntityRecognizer()
    let classifier: IntentClassifier
    let slotFiller: SlotFiller
    /// The classifier's words, community names, activity terms and keyword words, searched in one pass.
    let sharedWords: SharedWords

    /// `enterpriseAliases` maps firms' short forms to their registered names (`FirmNames.aliases`).
    public init(catalog: IntentCatalog, gazetteer: Gazetteer, activityVocabulary: [String] = [], enterpriseNames: [String] = [],
                enterpriseAliases: [String: String] = [:]) {
        self.catalog = catalog
        self.places = PlaceFinder(gazetteer: gazetteer)
        self.classifier = IntentClassifier(catalog: catalog)
        self.slotFiller = SlotFiller(activityTerms: ActivityVocabulary.terms(from: activityVocabulary), activityCatalogue: activityVocabulary,
                                     enterpriseNames: enterpriseNames,
                                     enterpriseAliases: enterpriseAliases, specs: catalog.specs)
        self.sharedWords = SharedWords([classifier.words, places.communityNames, slotFiller.activityTrie, slotFiller.keywordTrie,
                                        slotFiller.enterpriseTrie], fieldWords: catalog.fieldWords)
        self.firms = FirmQuestion(slotFiller)
    }

    /// The slot filler behind one reference for each line's lazy "is a firm
    /// named?": the closure captured a copy of the filler, whose fields'
    /// retains and releases per line showed in a profile.
    let firms: FirmQuestion

    /// The longest text analysed, in characters. A hotline command or a
    /// resident's account is far shorter; the extractors are not all linear in
    /// the text's length, so a longer text is not analysed at all (intent nil)
    /// rather than taking seconds (100 KB of 三点多 took 55 s in a debug build).
    public static let maximumCharacters = 2_000

    /// Whether `text` is too long to analyse (see `maximumCharacters`).
    public static func isTooLong(_ text: String) -> Bool {
        // A scalar takes at least one UTF-8 byte: a short line needs no count.
        if text.utf8.count <= maximumCharacters { return false }
        var count = 0
        for _ in text.unicodeScalars {
            count += 1
            if count > maximumCharacters { return true }
        }
        return false
    }

    /// The full analysis of one line. When the caller drops one subject for
    /// another (先不说这个), the line is what follows, if that names a request.
    public func understand(_ text: String, context: ParseContext) -> Understanding {
        if Self.isTooLong(text) {
            return Understanding(text: text, intent: nil, confidence: 0, slots: [:], entities: [], place: nil)
        }
        // Normalised once, for the topic switch and the analysis.
        let normalized = ScalarText(normalizing: text)
        if let offset = TopicSwitch.start(in: normalized.scalars) {
            let tail = String(String.UnicodeScalarView(text.unicodeScalars.dropFirst(offset)))
            let told = understandOnce(tail, ScalarText(normalizing: tail), context: context)
            if told.intent != nil { return told.told(of: text, after: offset) }
        }
        return understandOnce(text, normalized, context: context)
    }

    /// `text` (not too long) understood, `normalized` being its `ScalarText(normalizing:)`.
    private func understandOnce(_ text: String, _ normalized: ScalarText, context: ParseContext) -> Understanding {
        let analysis = analyse(normalized, context: context)
        guard let result = classifier.classify(analysis) else {
            return Understanding(text: text, intent: nil, confidence: 0, slots: [:], entities: analysis.entities, place: analysis.place)
        }
        let slots = slotFiller.slots(forSpecAt: result.compiled.index, analysis: analysis, trigger: result.trigger)
        return Understanding(text: text, intent: result.compiled.spec.intent, confidence: result.confidence, slots: slots,
                             entities: analysis.entities, place: analysis.place,
                             close: result.close.map { Understanding.Candidate(intent: $0.spec.intent, label: $0.spec.label) })
    }

    /// The slots `text` gives for a known intent (a follow-up answer in a dialogue).
    public func slots(for intent: String, in text: String, context: ParseContext) -> Slots {
        guard let index = catalog.specs.firstIndex(where: { $0.intent == intent }), !Self.isTooLong(text) else { return [:] }
        let analysis = analyse(text, context: context)
        return slotFiller.slots(forSpecAt: index, analysis: analysis, trigger: classifier.trigger(of: catalog.specs[index], in: analysis))
    }

    /// The place a text names, if any.
    public func place(in text: String) -> PlaceFinder.Place? {
        if Self.isTooLong(text) { return nil }
        return places.find(in: ScalarText(normalizing: text))
    }

    func analyse(_ text: String, context: ParseContext) -> Analysis {
        analyse(ScalarText(normalizing: text), context: context)
    }

    private func analyse(_ normalized: ScalarText, context: ParseContext) -> Analysis {
        let words = sharedWords.lineWords(in: normalized.scalars)
        var entities = recognizer.entities(in: normalized, context: context)
        let place = places.find(in: normalized, communityHits: words.community)
        if let place {
            // At its size at once: grown by insertion it was reallocated on the way (keys are sorted when written).
            // Made at that size, not reserved after: `reserveCapacity` runs unspecialised in the
            // standard library and looked its storage's metadata up at run time (1,400 instructions).
            var value = [String: String](minimumCapacity: 4)
            if let c = place.community { value["community"] = c }
            if let e = place.estate { value["estate"] = e }
            if let b = place.building { value["building"] = b }
            if let g = place.gridCode { value["grid"] = g }
            entities.removeAll { e in
                e.type == .number && (e.range.overlaps(place.start..<place.end) || place.buildingRange.map(e.range.overlaps) ?? false)
                    // 大富老村7号, 我家是9号: a house number, not the 7th of the month.
                    || e.type == .time && ((place.attachedBuildingRange ?? place.buildingRange).map(e.range.overlaps) ?? false)
            }
            entities.append(Entity(type: .address, text: normalized[place.start..<place.end], start: place.start, end: place.end,
                                   value: .object(value), confidence: place.confidence < 1 ? place.confidence : nil))
            entities.sort { ($0.start, $0.end) < ($1.start, $1.end) }
        }
        // Asked by several intents' evidence and fallbacks: worked out once, when first asked.
        // One object holds the question and its answer; the closure captures only it.
        // A line with no registered firm's name in it and none of 司, 团, 厂 names none
        // (`FirmQuestion.names`): no object is made for the question (an allocation per line).
        let namesEnterprise: () -> Bool
        if words.enterprise.isEmpty && normalized.present & LineCharacters.firm == 0 {
            namesEnterprise = { false }
        } else {
            let enterprise = FirmQuestion.Asked(firms, scalars: normalized.scalars, present: normalized.present, outside: place.map { $0.start..<$0.end },
                                                hits: words.enterprise)
            namesEnterprise = { enterprise.answer() }
        }
        // Made with its context and returned as made: set afterwards, the analysis was
        // copied (a retain and a release of each of its dozen references) for every line.
        return Analysis(text: normalized, entities: entities, place: place, activity: slotFiller.activity(in: normalized.scalars, hits: words.activity),
                        words: words, context: context,
                        namesEnterprise: namesEnterprise)
    }
}

/// Whether a line names a firm: from the registry (outside the place the
/// line names), or any 有限公司 name.
final class FirmQuestion: Sendable {
    private let slotFiller: SlotFiller

    init(_ slotFiller: SlotFiller) { self.slotFiller = slotFiller }

    /// `present`: the line's `LineCharacters` (no firm's name as said without 司, 团 or 厂).
    func names(in scalars: [Unicode.Scalar], present: UInt64, outside place: Range<Int>?, hits: ArraySlice<ScalarTrie.Hit>) -> Bool {
        slotFiller.enterprise(in: scalars, outside: place, hits: hits) != nil
            || present & LineCharacters.firm != 0 && CompanyName.find(in: scalars) != nil
    }

    /// The question for one line, answered at most once. One object for the
    /// line's question and its answer: a closure's context and a separate memo
    /// were two allocations per line.
    final class Asked {
        private let firms: FirmQuestion
        private let scalars: [Unicode.Scalar]
        private let present: UInt64
        private let place: Range<Int>?
        private let hits: ArraySlice<ScalarTrie.Hit>
        private var known: Bool?

        init(_ firms: FirmQuestion, scalars: [Unicode.Scalar], present: UInt64, outside place: Range<Int>?, hits: ArraySlice<ScalarTrie.Hit>) {
            self.firms = firms
            self.scalars = scalars
            self.present = present
            self.place = place
            self.hits = hits
        }

        func answer() -> Bool {
            if let known { return known }
            let v = firms.names(in: scalars, present: present, outside: place, hits: hits)
            known = v
            return v
        }
    }
}

/// What `understand` found.
public struct Understanding: Sendable {
    public var text: String
    public var intent: String?
    public var confidence: Double
    public var slots: Slots
    public var entities: [Entity]
    public var place: PlaceFinder.Place?
    /// When the two best intents scored too close to choose: both, the better
    /// first (`intent` is the first, at low confidence). The bot asks which.
    public var close: [Candidate] = []

    public struct Candidate: Sendable, Equatable {
        public var intent: String
        /// The intent's Chinese label (报事, 查询网格).
        public var label: String
    }

    /// The question that settles a close call: 请问您是要“报事”，还是“查询网格”？
    public var clarifyQuestion: String? {
        guard close.count == 2 else { return nil }
        return "请问您是要“\(close[0].label)”，还是“\(close[1].label)”？"
    }
}

/// The normalised text with its entities and place, shared by the classifier
/// and the slot filler.
struct Analysis {
    let text: ScalarText
    let entities: [Entity]
    let place: PlaceFinder.Place?
    /// The activity named (书法, 瑜伽), from the activity vocabulary.
    let activity: String?
    /// Whether a firm is named (from the registry, or any 有限公司 name):
    /// asked only when an intent with that evidence has a trigger.
    let namesEnterprise: () -> Bool

    /// What the line has, one bit per `Need` (`Need.bit`), worked out once:
    /// asking `has` per intent's evidence and fallback walked the entities
    /// (copying each) again and again, a tenth of a parse in a profile.
    /// `enterprise` is not in it (it costs a search: asked only when needed).
    let present: UInt64

    /// The line's hits of the shared word lists (`SharedWords`), when found together.
    let words: LineWords?

    /// The clock the line was parsed against (an `upcoming` time slot compares with today).
    let context: ParseContext?

    init(text: ScalarText, entities: [Entity], place: PlaceFinder.Place?, activity: String? = nil, words: LineWords? = nil,
         context: ParseContext? = nil, namesEnterprise: @escaping () -> Bool = { false }) {
        self.text = text
        self.context = context
        self.words = words
        self.entities = entities
        self.place = place
        self.activity = activity
        self.namesEnterprise = namesEnterprise
        var bits: UInt64 = 0
        // Read in place: `if let place` copied the place (a retain of each of its names) per line.
        if case .some = place {
            bits |= Need.address.bit
            if place?.community != nil { bits |= Need.community.bit }
            if place?.estate != nil { bits |= Need.estate.bit }
            if place?.building != nil { bits |= Need.building.bit }
            if place?.gridCode != nil { bits |= Need.grid.bit }
        }
        if activity != nil { bits |= Need.activity.bit }
        var todayStart: String? = nil
        // By index, reading the type: `for e in entities` copied each entity (its strings retained and released).
        for k in entities.indices {
            let type = entities[k].type
            // A time wholly before today (前两天, 上周五) is no evidence for what names a time
            // to come (a session to cancel, a task to post): the only intents that take time as
            // evidence (activity.cancel) or need it (cobuild.volunteer.task's fallback).
            if type == .time, let context {
                if todayStart == nil { todayStart = Self.startOfToday(context) }
                if Self.isBefore(entities[k], todayStart!) { continue }
            }
            bits |= Need.entity(type).bit
        }
        present = bits
    }

    /// Today's 00:00 in the context's zone, as the first 19 characters of an entity's ISO value.
    static func startOfToday(_ context: ParseContext) -> String {
        let today = TimeExtractor.Context(context).today
        return String(LocalTime(day: today).iso(in: context.timeZone).utf8.prefix(19))!
    }

    /// Whether a time entity ends before `todayStart` (its end, or its day for one without an end).
    /// Compared as UTF-8 bytes (ISO 8601 values are ASCII, so in the same order as Strings):
    /// `prefix` on the Strings walked their characters, a per cent of a parse in a count of instructions.
    static func isBefore(_ e: Entity, _ todayStart: String) -> Bool {
        if let end = e.valueEnd { return !todayStart.utf8.lexicographicallyPrecedes(end.utf8.prefix(19)) }
        guard let start = e.value.stringValue else { return false }
        return start.utf8.prefix(10).lexicographicallyPrecedes(todayStart.utf8.prefix(10))
    }

    var string: String { text[0..<text.count] }

    func has(_ type: String) -> Bool { has(Need(type)) }

    func has(_ need: Need) -> Bool { has(need.bit) }

    /// Whether the line has every need in `mask` (an OR of `Need.bit`s).
    func has(_ mask: UInt64) -> Bool {
        let plain = mask & ~Need.enterprise.bit
        guard present & plain == plain else { return false }
        return mask & Need.enterprise.bit == 0 || namesEnterprise()
    }

    /// A type an intent's evidence, against-list or fallback names (`phone`,
    /// `estate`, `enterprise` …), read once per catalogue: reading the
    /// string per line and per intent showed in a profile.
    enum Need: Sendable {
        case address, community, estate, building, grid, activity, enterprise
        case entity(EntityType)
        case unknown

        init(_ type: String) {
            switch type {
            case "address": self = .address
            case "community": self = .community
            case "estate": self = .estate
            case "building": self = .building
            case "grid": self = .grid
            case "activity": self = .activity
            case "enterprise": self = .enterprise
            default: self = EntityType(rawValue: type).map { .entity($0) } ?? .unknown
            }
        }

        /// The need's bit in `Analysis.present`; `unknown`'s is never set.
        var bit: UInt64 {
            switch self {
            case .address: return 1 << 0
            case .community: return 1 << 1
            case .estate: return 1 << 2
            case .building: return 1 << 3
            case .grid: return 1 << 4
            case .activity: return 1 << 5
            case .enterprise: return 1 << 6
            case .entity(let type): return 1 << (7 + UInt64(type.ordinal))
            case .unknown: return 1 << 63
            }
        }
    }
}

extension EntityType {
    /// The case's position in `allCases` (a switch: `allCases` builds an array per call).
    var ordinal: Int {
        switch self {
        case .time: return 0
        case .number: return 1
        case .money: return 2
        case .phone: return 3
        case .ticketId: return 4
        case .address: return 5
        case .uscc: return 6
        case .bookingId: return 7
        case .requestId: return 8
        case .activityId: return 9
        case .partySize: return 10
        case .duration: return 11
        case .meetingId: return 12
        case .taskId: return 13
        case .visitId: return 14
        case .needId: return 15
        case .resourceId: return 16
        case .matchId: return 17
        case .resourceBookingId: return 18
        case .serviceId: return 19
        case .unitId: return 20
        case .foreignMoney: return 21
        }
    }
}
