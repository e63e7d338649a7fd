/// The places of the grid, for finding them in text: communities (full and
/// short names), estates (with the communities they are in), each estate's
/// building labels, and grid codes. Built once at start-up from the grid data.
public struct Gazetteer: Sendable {
    public struct Entry: Sendable {
        public var community: String
        public var estate: String
        public var building: String
        public var gridCode: String
        /// The names of the grid and block the building is in (大富第一街区01网格,
        /// 大富第一街区), so that a grid said by name is found like its code.
        public var gridName: String?
        public var blockName: String?
        public init(community: String, estate: String, building: String, gridCode: String,
                    gridName: String? = nil, blockName: String? = nil) {
            self.community = community
            self.estate = estate
            self.building = building
            self.gridCode = gridCode
            self.gridName = gridName
            self.blockName = blockName
        }
    }

    /// Full community names (大富社区).
    public let communities: [String]
    /// Short form → full name (大富 → 大富社区).
    public let communityShortNames: [String: String]
    /// Estate → the communities it is in (翠湖花园 is in two).
    public let estateCommunities: [String: [String]]
    /// (community, estate) → building labels as written in the data (3栋, 8号).
    public let buildings: [String: Set<String>]
    /// Grid codes at every level (DF, DF-01, DF-01-02, DF-01-02-1), upper case.
    public let gridCodes: Set<String>
    /// Estates longest first, so 翠湖花园二期 is tried before 翠湖花园.
    let estatesByLength: [[Unicode.Scalar]]
    let estateNames: [String]
    /// Grid and block names as said (大富第一街区01网格, 大富一街区1网格) → code (DF-01-01).
    let areaNames: [String: String]
    /// The first characters of `areaNames`' keys (`AreaNames.find` tries a key only where one starts).
    let areaNameFirsts: ScalarBits
    /// Short forms of estates (香榭 → [香榭郦景]; 观峰 → five estates).
    let estateShortForms: [String: [String]]
    /// Where a short form can start (`EstateShortForms.firsts`).
    let estateShortFormFirsts: ScalarBits

    public init(entries: [Entry], gridCodes extraCodes: [String] = []) {
        var communities: [String] = []
        var estateCommunities: [String: [String]] = [:]
        var buildings: [String: Set<String>] = [:]
        var codes = Set<String>()
        for e in entries {
            if !communities.contains(e.community) { communities.append(e.community) }
            if !(estateCommunities[e.estate]?.contains(e.community) ?? false) { estateCommunities[e.estate, default: []].append(e.community) }
            buildings[Self.key(e.community, e.estate), default: []].insert(e.building)
            let parts = e.gridCode.split(separator: "-")
            for n in 1...max(1, parts.count) { codes.insert(parts.prefix(n).joined(separator: "-").uppercased()) }
        }
        for code in extraCodes { codes.insert(code.uppercased()) }
        self.communities = communities
        var short: [String: String] = [:]
        for c in communities where c.hasSuffix("社区") && c.count > 3 { short[String(c.dropLast(2))] = c }
        self.communityShortNames = short
        self.estateCommunities = estateCommunities
        self.buildings = buildings
        self.gridCodes = codes
        let names = estateCommunities.keys.sorted { ($0.unicodeScalars.count, $0) > ($1.unicodeScalars.count, $1) }
        self.estateNames = names
        self.estatesByLength = names.map { Array($0.unicodeScalars) }
        self.areaNames = AreaNames.variants(of: entries)
        self.areaNameFirsts = ScalarBits(areaNames.keys.compactMap { $0.unicodeScalars.first })
        self.estateShortForms = EstateShortForms.table(estates: names, communityShortNames: Set(short.keys))
        self.estateShortFormFirsts = EstateShortForms.firsts(of: estateShortForms)
    }

    static func key(_ community: String, _ estate: String) -> String { community + "|" + estate }

    /// Building labels of an estate in a community (or in any community when nil).
    public func buildingLabels(estate: String, community: String?) -> Set<String> {
        let communities = community.map { [$0] } ?? estateCommunities[estate] ?? []
        return communities.reduce(into: Set<String>()) { $0.formUnion(buildings[Self.key($1, estate)] ?? []) }
    }

    public var estates: [String] { estateNames }
}
