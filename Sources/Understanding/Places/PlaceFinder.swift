/// Finds places in normalised text against the gazetteer: a grid code, a
/// community (full or short name), an estate (exactly, or with one wrong
/// character, at lower confidence) and the building after it.
///
/// An estate in two communities with no community named comes back with
/// `community` unset and `candidates` listing both: the caller must ask.
public struct PlaceFinder: Sendable {
    public let gazetteer: Gazetteer

    /// Sound-alike key of a character → (estate index, position) of the estates that have it.
    let fuzzyIndex: [UInt32: [(Int, Int)]]
    /// `fuzzyIndex[Confusables.key(s)]` for every scalar `s`, as a flat table,
    /// each entry with the votes its estate's name needs (`votesNeeded`).
    let fuzzyTable: ScalarMultiTable<FuzzyEntry>

    public init(gazetteer: Gazetteer) {
        self.gazetteer = gazetteer
        var index: [UInt32: [(Int, Int)]] = [:]
        for (e, name) in gazetteer.estatesByLength.enumerated() where name.count >= 3 {
            for (p, s) in name.enumerated() { index[Confusables.key(s), default: []].append((e, p)) }
        }
        self.fuzzyIndex = index
        var byScalar: [Unicode.Scalar: [FuzzyEntry]] = [:]
        func entries(_ hits: [(Int, Int)]) -> [FuzzyEntry] {
            hits.map { FuzzyEntry(estate: Int32($0.0), position: Int32($0.1),
                                  needed: Int32(Self.votesNeeded(gazetteer.estatesByLength[$0.0].count))) }
        }
        for (s, g) in Confusables.groupOf { if let hits = index[0x8000_0000 | UInt32(g)] { byScalar[s] = entries(hits) } }
        for (key, hits) in index where key & 0x8000_0000 == 0 { if let s = Unicode.Scalar(key) { byScalar[s] = entries(hits) } }
        self.fuzzyTable = ScalarMultiTable(byScalar)
        var first: [Unicode.Scalar: [Int]] = [:]
        for (e, name) in gazetteer.estatesByLength.enumerated() where !name.isEmpty { first[name[0], default: []].append(e) }
        self.firstCharacterIndex = first
        self.firstCharacterTable = ScalarMultiTable(first)
        self.estateLengths = gazetteer.estatesByLength.map(\.count)
        self.estateScalars = gazetteer.estatesByLength.flatMap { $0 }
        self.estateKeys = estateScalars.map(Confusables.key)
        var starts: [Int32] = [0]
        for name in gazetteer.estatesByLength { starts.append(starts.last! + Int32(name.count)) }
        self.estateStarts = starts
        self.communityScalars = Self.scalars(of: gazetteer.communities)
        self.shortNamesLongestFirst = Self.shortNames(of: gazetteer)
        var names = ScalarTrie()
        self.communityNumbers = communityScalars.map { names.add($0.1) }
        self.shortNameNumbers = shortNamesLongestFirst.map { names.add($0.scalars) }
        self.communityNames = names
        self.buildingForms = Self.buildingForms(of: gazetteer)
        self.usualForms = Self.usualForms(of: gazetteer)
    }

    let communityScalars: [(String, [Unicode.Scalar])]
    let shortNamesLongestFirst: [ShortName]
    /// Community names and short names in one trie (one pass per line), and
    /// each one's number in it.
    let communityNames: ScalarTrie
    let communityNumbers: [Int32?]
    let shortNameNumbers: [Int32?]

    /// First character → estates (indices into `estatesByLength`) that begin with it.
    let firstCharacterIndex: [Unicode.Scalar: [Int]]
    /// The same as a flat table: looked up at every character of a line.
    let firstCharacterTable: ScalarMultiTable<Int>
    /// Each estate's length in characters (by index into `estatesByLength`).
    let estateLengths: [Int]
    /// Every estate's name, one after another, in `estatesByLength` order;
    /// estate e is `estateScalars[estateStarts[e]..<estateStarts[e + 1]]`.
    let estateScalars: [Unicode.Scalar]
    let estateStarts: [Int32]
    /// `estateScalars`' sound-alike keys (`Confusables.key`), at the same offsets.
    let estateKeys: [UInt32]

    public struct Place: Sendable, Equatable {
        public var community: String?
        public var estate: String?
        public var building: String?
        public var gridCode: String?
        /// Communities the estate could be in, when more than one.
        public var candidates: [String] = []
        public var start: Int
        public var end: Int
        public var confidence: Double = 1
        /// Where the building label is, when it stands apart from the estate (我们5栋).
        public var buildingRange: Range<Int>? = nil
        /// Where the building label is, when it follows the estate (香榭郦景3栋).
        public var attachedBuildingRange: Range<Int>? = nil
        /// Estates a short form may mean (观峰 → 观峰公馆, 观峰豪庭 …), when more than one.
        public var estateCandidates: [String] = []
    }

    public func find(in text: ScalarText) -> Place? { find(in: text, communityHits: nil) }

    /// The same, with the hits of `communityNames` in the line when already found (`SharedWords`).
    func find(in text: ScalarText, communityHits: ArraySlice<ScalarTrie.Hit>?) -> Place? {
        let place = findOnce(in: text, communityHits: communityHits)
        guard let m = SelfCorrection.end(in: text),
              let corrected = findOnce(in: ScalarText(text[m..<text.count]), communityHits: nil)?.shifted(by: m) else { return place }
        return merge(said: place, corrected: corrected)
    }

    /// A place said, then corrected: a corrected estate replaces the place; a
    /// corrected building alone (不对 是五栋) replaces the building of the estate said.
    private func merge(said: Place?, corrected: Place) -> Place? {
        if corrected.estate != nil || !corrected.estateCandidates.isEmpty || said?.estate == nil && corrected.community != nil {
            var place = corrected
            if place.community == nil, let c = said?.community, place.candidates.contains(c) { place.community = c; place.candidates = [] }
            return place
        }
        guard var place = said, let estate = place.estate, let label = corrected.building, let range = corrected.buildingRange,
              let number = Int(String(label.unicodeScalars.prefix { $0.value >= 0x30 && $0.value <= 0x39 })) else { return said }
        place.building = canonicalBuilding(number, estate: estate, community: place.community) ?? label
        place.buildingRange = range
        return place
    }

    private func findOnce(in text: ScalarText, communityHits: ArraySlice<ScalarTrie.Hit>?) -> Place? {
        var place: Place? = nil
        func widen(_ start: Int, _ end: Int) {
            if place == nil { place = Place(start: start, end: end) }
            place!.start = min(place!.start, start)
            place!.end = max(place!.end, end)
        }
        var communityRange: Range<Int>? = nil
        if let (community, range) = findCommunity(in: text, hits: communityHits) {
            widen(range.lowerBound, range.upperBound)
            place!.community = community
            communityRange = range
        }
        var estateFound = findEstate(in: text, excluding: communityRange)
        if estateFound == nil, let (found, range) = EstateShortForms.find(in: text, table: gazetteer.estateShortForms,
                                                                          firsts: gazetteer.estateShortFormFirsts, outside: communityRange) {
            // 樟阁那边12栋: of the estates 樟阁 may mean, those with a 12栋 (in the community named, if any).
            var estates = found
            if estates.count > 1, let (number, _) = BuildingLabel.read(text, at: BuildingLabel.labelStart(in: text, after: range.upperBound)) {
                let withBuilding = estates.filter { canonicalBuilding(number, estate: $0, community: place?.community) != nil }
                if !withBuilding.isEmpty { estates = withBuilding }
            }
            if estates.count == 1 { estateFound = (estates[0], range, 0.9) } else {
                widen(range.lowerBound, range.upperBound)
                place!.estateCandidates = estates
            }
        }
        if let (estate, range, confidence) = estateFound {
            // 君悦豪庭的，6栋，地下车库进水了…小区是大富社区: a community said apart from the estate, in another
            // clause, names it without the account told between the two becoming part of the place.
            if let c = communityRange, Self.apart(c, range, in: text.scalars) {
                place!.start = range.lowerBound
                place!.end = range.upperBound
            } else {
                widen(range.lowerBound, range.upperBound)
            }
            place!.estate = estate
            place!.confidence = confidence
            let communities = gazetteer.estateCommunities[estate] ?? []
            if let c = place!.community, !communities.contains(c) {
                // The community named does not have this estate: keep both and let the caller say so.
                place!.candidates = communities
            } else if place!.community == nil {
                if communities.count == 1 { place!.community = communities[0] } else { place!.candidates = communities }
            }
            // 香榭郦景3栋, 香榭郦景 3栋, 香榭郦景的三号楼, 香榭郦景/第七幢, 荔园华府那边2栋; or at a later
            // mention of the estate (库坑老村旧改的补偿款…我家是库坑老村15号).
            var after = BuildingLabel.labelStart(in: text, after: range.upperBound)
            var atLaterMention = false
            if BuildingLabel.read(text, at: after) == nil, case let name = Array(estate.unicodeScalars),
               let later = text.firstRange(of: name, from: range.upperBound) {
                after = BuildingLabel.labelStart(in: text, after: later.upperBound)
                atLaterMention = true
            }
            if let (number, length) = BuildingLabel.read(text, at: after) {
                place!.building = buildingLabel(number, estate: estate, community: place!.community)
                place!.attachedBuildingRange = after..<(after + length)
                // At a later mention the place does not span the account told between the two
                // (华庭小区大门口…被大货车堵住…住华庭小区20栋): that account is what happened there.
                if !atLaterMention { widen(after, after + length) }
            }
        }
        // A building said apart from the estate (我们5栋, 住在七幢), or with no estate at all.
        if place?.building == nil, let (number, range) = BuildingLabel.findApart(in: text, outside: place.map { $0.start..<$0.end }) {
            let label = place?.estate.map { buildingLabel(number, estate: $0, community: place!.community) }
            if place == nil { place = Place(start: range.lowerBound, end: range.upperBound) }
            place!.building = label ?? "\(number)栋"
            place!.buildingRange = range
            if place!.estate == nil { widen(range.lowerBound, range.upperBound) }
        }
        // An old village's house number said apart (我家是9号): only after a home word, 号 being a date too.
        if let estate = place?.estate, place?.building == nil, let (number, range) = BuildingLabel.findHouseNumber(in: text),
           let label = canonicalBuilding(number, estate: estate, community: place!.community), label.hasSuffix("号") {
            place!.building = label
            place!.buildingRange = range
        }
        if let (code, range) = findGridCode(in: text) ?? AreaNames.find(in: text, table: gazetteer.areaNames, firsts: gazetteer.areaNameFirsts) {
            widen(range.lowerBound, range.upperBound)
            place!.gridCode = code
        }
        return place
    }

    /// Whether two names stand in different clauses: more than six characters between them, or a
    /// clause's punctuation (the line is normalised: ASCII , . ? ! ;).
    static func apart(_ a: Range<Int>, _ b: Range<Int>, in s: [Unicode.Scalar]) -> Bool {
        let gap = a.upperBound <= b.lowerBound ? a.upperBound..<b.lowerBound : b.upperBound <= a.lowerBound ? b.upperBound..<a.lowerBound : 0..<0
        guard !gap.isEmpty else { return false }
        return gap.count > 6 || gap.contains { switch s[$0] { case ",", ".", "?", "!", ";": return true; default: return false } }
    }

    /// The estate's label for building `number`; for a number its data lacks
    /// (广培老村二十三号 where the village lists 1号–15号), the form the estate's
    /// labels use most (23号), so the label reads as the data would write it.
    private func buildingLabel(_ number: Int, estate: String, community: String?) -> String {
        if let label = canonicalBuilding(number, estate: estate, community: community) { return label }
        return BuildingLabel.form(number, usualForms[estate] ?? 0)
    }

    /// Per estate, the index in `BuildingLabel.forms` of the form its labels use most
    /// (the first on ties; 0 with none), for `buildingLabel`: worked out once.
    let usualForms: [String: Int]

    static func usualForms(of gazetteer: Gazetteer) -> [String: Int] {
        var out: [String: Int] = [:]
        for (estate, communities) in gazetteer.estateCommunities {
            var counts = [Int](repeating: 0, count: BuildingLabel.forms(0).count)
            for c in communities {
                // Per number, the first of its forms the labels have.
                var forms: [Int: UInt8] = [:]
                for label in gazetteer.buildings[Gazetteer.key(c, estate)] ?? [] {
                    guard let n = Int(String(label.unicodeScalars.dropLast())), let bit = BuildingLabel.forms(n).firstIndex(of: label) else { continue }
                    forms[n, default: 0] |= 1 << UInt8(bit)
                }
                for mask in forms.values where mask != 0 { counts[mask.trailingZeroBitCount] += 1 }
            }
            let usual = counts.indices.max { counts[$0] < counts[$1] || counts[$0] == counts[$1] && $0 > $1 } ?? 0
            out[estate] = counts[usual] > 0 ? usual : 0
        }
        return out
    }

    /// The first of `BuildingLabel.forms(number)` (3栋, 3号, 3座, 3幢) among
    /// the estate's labels, in the community named or in any. Read from
    /// `buildingForms`: building a key and four labels and hashing them per
    /// question was near a fiftieth of a parse in a profile.
    private func canonicalBuilding(_ number: Int, estate: String, community: String?) -> String? {
        guard let perCommunity = buildingForms[estate] else { return nil }
        var mask: UInt8 = 0
        for (c, forms) in perCommunity where community == nil || c == community {
            if number >= 0, number < forms.count { mask |= forms[number] }
        }
        guard mask != 0 else { return nil }
        return BuildingLabel.form(number, mask.trailingZeroBitCount)
    }

    /// Estate → (community, building number → which of `BuildingLabel.forms`
    /// its labels have, one bit each in that order) for the labels that are
    /// exactly such a form (`3栋`; not `03栋`, `A栋`), built once from the
    /// gazetteer's labels. The communities are those `estateCommunities`
    /// lists, so asking of all of them is asking of any.
    /// The forms are by number in an array (0: no label of that number): a dictionary's
    /// hash per question showed in a profile.
    let buildingForms: [String: [(community: String, forms: [UInt8])]]

    static func buildingForms(of gazetteer: Gazetteer) -> [String: [(community: String, forms: [UInt8])]] {
        var out: [String: [(community: String, forms: [UInt8])]] = [:]
        for (estate, communities) in gazetteer.estateCommunities {
            for c in communities {
                var forms: [UInt8] = []
                for label in gazetteer.buildings[Gazetteer.key(c, estate)] ?? [] {
                    guard let n = Int(String(label.unicodeScalars.dropLast())), n >= 0, let bit = BuildingLabel.forms(n).firstIndex(of: label) else { continue }
                    if n >= forms.count { forms += [UInt8](repeating: 0, count: n + 1 - forms.count) }
                    forms[n] |= 1 << UInt8(bit)
                }
                out[estate, default: []].append((c, forms))
            }
        }
        return out
    }

    private func findCommunity(in text: ScalarText, hits: ArraySlice<ScalarTrie.Hit>?) -> (String, Range<Int>)? {
        // One pass over the text for every name; a name's first occurrence is its
        // first hit (hits come by start). Most lines have none: no table per line.
        let found = hits ?? communityNames.hits(in: text.scalars)[...]
        func range(_ number: Int32?, _ length: Int) -> Range<Int>? {
            guard let number, let hit = found.first(where: { $0.word == number }) else { return nil }
            return Int(hit.start)..<(Int(hit.start) + length)
        }
        for ((c, scalars), number) in zip(communityScalars, communityNumbers) {
            if let r = range(number, scalars.count) { return (c, r) }
        }
        for (short, number) in zip(shortNamesLongestFirst, shortNameNumbers) {
            guard let r = range(number, short.scalars.count) else { continue }
            // 大富 inside an estate name (大富苑) is the estate, not the community.
            let inEstate = short.estatesContaining.contains { text.firstRange(of: gazetteer.estatesByLength[$0]) != nil }
            if !inEstate { return (short.full, r) }
        }
        return soundAlikeCommunity(in: text)
    }

    /// Community names as scalars, in the gazetteer's order.
    private static func scalars(of communities: [String]) -> [(String, [Unicode.Scalar])] {
        communities.map { ($0, Array($0.unicodeScalars)) }
    }

    /// A community's short name (大富) with the estates whose names contain it (大富苑).
    struct ShortName: Sendable {
        var scalars: [Unicode.Scalar]
        var full: String
        var estatesContaining: [Int]
    }

    /// Short names longest first, sorted once rather than per text.
    private static func shortNames(of gazetteer: Gazetteer) -> [ShortName] {
        // Equal lengths (黎光, 大富) in the gazetteer's order of communities: the dictionary's own order
        // changed from run to run, and with it which of two short names in one line was taken.
        let order = Dictionary(gazetteer.communities.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        return gazetteer.communityShortNames.sorted(by: { a, b in
            a.key.count != b.key.count ? a.key.count > b.key.count : (order[a.value] ?? 0, a.key) < (order[b.value] ?? 0, b.key)
        }).map { short, full in
            ShortName(scalars: Array(short.unicodeScalars), full: full,
                      estatesContaining: gazetteer.estatesByLength.indices.filter { gazetteer.estateNames[$0].contains(short) })
        }
    }

    /// 大福社区, 黎广社区: a name before 社区 that sounds like a community's.
    private func soundAlikeCommunity(in text: ScalarText) -> (String, Range<Int>)? {
        let marker: [Unicode.Scalar] = ["社", "区"]
        var i = 1
        while i + 1 < text.count {
            defer { i += 1 }
            guard text[i] == marker[0], text[i + 1] == marker[1] else { continue }
            for c in gazetteer.communities {
                let name = Array(c.unicodeScalars)
                let start = i + 2 - name.count
                guard start >= 0 else { continue }
                if zip(name, text.scalars[start..<(i + 2)]).allSatisfy({ Confusables.soundAlike($0, $1) }) {
                    return (c, start..<(i + 2))
                }
            }
        }
        return nil
    }

    private func findEstate(in text: ScalarText, excluding: Range<Int>?) -> (String, Range<Int>, Double)? {
        let scalars = text.scalars
        func free(_ r: Range<Int>) -> Bool { excluding.map { !$0.overlaps(r) } ?? true }
        // One pass over the text: at each character, the estates that start with it.
        var exact: (index: Int, start: Int)? = nil
        // The names compared in `estateScalars` by offset (`estateStarts`): taking each
        // name's own array retained and released it for every candidate at every character.
        estateScalars.withUnsafeBufferPointer { names in
            estateStarts.withUnsafeBufferPointer { starts in
                scalars.withUnsafeBufferPointer { text in
                    for i in 0..<text.count {
                        firstCharacterTable.forEach(text[i]) { index in
                            let from = Int(starts[index]), count = Int(starts[index + 1]) - from
                            guard i + count <= text.count, exact.map({ count > estateLengths[$0.index] }) ?? true else { return }
                            var k = 1
                            while k < count, text[i + k] == names[from + k] { k += 1 }
                            if k == count, free(i..<(i + count)) { exact = (index, i) }
                        }
                    }
                }
            }
        }
        if let exact {
            let length = gazetteer.estatesByLength[exact.index].count
            return (gazetteer.estateNames[exact.index], exact.start..<(exact.start + length), 1)
        }
        return fuzzyEstate(in: scalars, free: free)
    }

    private func findGridCode(in text: ScalarText) -> (String, Range<Int>)? {
        guard text.present & LineCharacters.hyphen != 0 else { return nil }
        let scalars = text.scalars
        var i = 0
        while i < scalars.count {
            // ASCII tests by value: `properties` lookups showed in a profile.
            guard NumberExtractor.isASCIIDigit(scalars[i]) || (scalars[i].value >= 0x41 && scalars[i].value <= 0x7A) else { i += 1; continue }
            var j = i
            while j < scalars.count, scalars[j] == "-" || NumberExtractor.isASCIILetter(scalars[j]) || NumberExtractor.isASCIIDigit(scalars[j]) { j += 1 }
            // Every grid code has a hyphen: no String is built for a token without one (a phone number).
            if scalars[i..<j].contains("-") {
                let candidate = text[i..<j].uppercased()
                if gazetteer.gridCodes.contains(candidate) { return (candidate, i..<j) }
            }
            i = j + 1
        }
        return nil
    }

}
