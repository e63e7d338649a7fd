/// Every building of the grid held in memory, in the order `grid_buildings`
/// is read (`ORDER BY community_code, building_grid_code, estate, building`),
/// with lookups by community, estate and grid code.
///
/// A 查询网格 or a ticket's routing used to run one SQLite query per request
/// (≈10 % of a lookup's CPU, docs/PERFORMANCE.md); the grid is a few thousand
/// rows that change only by import, after which the server reloads (SIGHUP)
/// and builds a new `Services`, hence a new index — as it does the gazetteer.
///
/// Matching is by exact bytes, as SQL's `=` with the default (binary)
/// collation; candidates keep the table order, so results equal the query's.
public struct GridIndex: Sendable {
    let all: [GridPlacement]
    private let byCommunity: [String: [Int]]
    private let byEstate: [String: [Int]]
    /// By estate and building together (`key(estate, building)`): a ticket's routing and a
    /// building's lookup name both, and filtering the estate's buildings copied each of them
    /// (≈3 % of a filed ticket's CPU).
    private let byBuilding: [String: [Int]]
    /// Grid, building grid and block codes: a code may be any of the three.
    private let byCode: [String: [Int]]

    /// - Parameter placements: every row, already in table order.
    public init(_ placements: [GridPlacement]) {
        self.all = placements
        var community: [String: [Int]] = [:], estate: [String: [Int]] = [:], code: [String: [Int]] = [:]
        var building: [String: [Int]] = [:]
        for (i, p) in placements.enumerated() {
            community[p.community, default: []].append(i)
            estate[p.estate, default: []].append(i)
            building[Self.key(p.estate, p.building), default: []].append(i)
            for c in Set([p.gridCode, p.buildingGridCode, p.blockCode]) { code[c, default: []].append(i) }
        }
        byCommunity = community
        byEstate = estate
        byBuilding = building
        byCode = code
    }

    /// Buildings matching every criterion given (nil = any), in table order.
    public func placements(community: String?, estate: String?, building: String?, gridCode: String?) -> [GridPlacement] {
        let candidates: [Int]
        if let estate, let building {
            // Still filtered below: the key is a convenience, `same` decides.
            candidates = byBuilding[Self.key(estate, building)] ?? []
        } else if let estate {
            candidates = byEstate[estate] ?? []
        } else if let gridCode {
            candidates = byCode[gridCode] ?? []
        } else if let community {
            candidates = byCommunity[community] ?? []
        } else {
            return all
        }
        return candidates.compactMap { i in
            let p = all[i]
            let matches = Self.same(community, p.community) && Self.same(estate, p.estate) && Self.same(building, p.building)
                && (gridCode.map { Self.same($0, p.gridCode) || Self.same($0, p.buildingGridCode) || Self.same($0, p.blockCode) } ?? true)
            return matches ? p : nil
        }
    }

    /// Estate and building in one key (U+001F never occurs in either). Dictionary keys compare
    /// by canonical equivalence, wider than byte equality: byte-different spellings share one
    /// entry, and `same` keeps only the byte-equal ones, so the result is still the query's.
    private static func key(_ estate: String, _ building: String) -> String { estate + "\u{1F}" + building }

    /// SQL `=` on text: byte equality (Swift's `==` is canonical equivalence).
    /// Lengths first, then the contiguous bytes (the generic `elementsEqual` on two
    /// UTF-8 views was ≈3 % of a lookup's CPU).
    private static func same(_ wanted: String?, _ value: String) -> Bool {
        guard let wanted else { return true }
        let a = wanted.utf8, b = value.utf8
        guard a.count == b.count else { return false }
        let fast = a.withContiguousStorageIfAvailable { x in
            b.withContiguousStorageIfAvailable { y in x.elementsEqual(y) }
        }
        return fast.flatMap { $0 } ?? a.elementsEqual(b)
    }
}
