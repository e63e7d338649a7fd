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
    /// Keyed by bytes (`TextKey`): a `String` key is hashed by canonical equivalence, which
    /// normalised the estate's and building's names on every ticket's routing (≈2 % of its CPU).
    private let byCommunity: [TextKey: [Int]]
    private let byEstate: [TextKey: [Int]]
    /// By estate and building together: a ticket's routing and a building's lookup name both,
    /// and filtering the estate's buildings copied each of them (≈3 % of a filed ticket's CPU).
    private let byBuilding: [BuildingKey: [Int]]
    /// Grid, building grid and block codes: a code may be any of the three.
    private let byCode: [TextKey: [Int]]

    /// Estate and building, each by its bytes (no joined string made per lookup).
    private struct BuildingKey: Hashable {
        var estate: TextKey
        var building: TextKey

        init(_ estate: String, _ building: String) {
            self.estate = TextKey(estate)
            self.building = TextKey(building)
        }
    }

    /// - Parameter placements: every row, already in table order.
    public init(_ placements: [GridPlacement]) {
        self.all = placements
        var community: [TextKey: [Int]] = [:], estate: [TextKey: [Int]] = [:], code: [TextKey: [Int]] = [:]
        var building: [BuildingKey: [Int]] = [:]
        for (i, p) in placements.enumerated() {
            community[TextKey(p.community), default: []].append(i)
            estate[TextKey(p.estate), default: []].append(i)
            building[BuildingKey(p.estate, p.building), default: []].append(i)
            for c in Set([TextKey(p.gridCode), TextKey(p.buildingGridCode), TextKey(p.blockCode)]) { code[c, default: []].append(i) }
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
            candidates = byBuilding[BuildingKey(estate, building)] ?? []
        } else if let estate {
            candidates = byEstate[TextKey(estate)] ?? []
        } else if let gridCode {
            candidates = byCode[TextKey(gridCode)] ?? []
        } else if let community {
            candidates = byCommunity[TextKey(community)] ?? []
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
