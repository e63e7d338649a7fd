/// Answers "which grid is this place in, and who is responsible for it".
///
/// With `inMemory` (the engine's `Services`), lookups are answered from a
/// `GridIndex` read once, on first use, instead of a query per request: the
/// grid changes only by import, after which a server reloads (SIGHUP) and
/// builds new services. Without it (services made for one call), every lookup
/// queries the table.
public struct GridService: Sendable {
    let db: any SQLDatabase
    private let cache: GridIndexCache?

    public init(db: any SQLDatabase, inMemory: Bool = false) {
        self.db = db
        self.cache = inMemory ? GridIndexCache() : nil
    }

    /// Every building of the grid, for the gazetteer built at start-up.
    public func allPlacements() throws -> [GridPlacement] {
        if let cache { return try cache.index(readAll).all }
        return try readAll()
    }

    private func readAll() throws -> [GridPlacement] {
        try db.read { conn in
            try conn.query("SELECT * FROM grid_buildings ORDER BY community_code, building_grid_code, estate, building")
                .map(GridPlacement.init(row:))
        }
    }

    /// Buildings matching every criterion given (nil = any), in grid order.
    public func placements(community: String? = nil, estate: String? = nil, building: String? = nil,
                           gridCode: String? = nil) throws -> [GridPlacement] {
        if let cache {
            return try cache.index(readAll).placements(community: community, estate: estate, building: building, gridCode: gridCode)
        }
        var clauses: [String] = []
        var bindings: [SQLValue] = []
        if let community { clauses.append("community = ?"); bindings.append(.text(community)) }
        if let estate { clauses.append("estate = ?"); bindings.append(.text(estate)) }
        if let building { clauses.append("building = ?"); bindings.append(.text(building)) }
        if let gridCode {
            clauses.append("(grid_code = ? OR building_grid_code = ? OR block_code = ?)")
            bindings += [.text(gridCode), .text(gridCode), .text(gridCode)]
        }
        let whereClause = clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")
        return try db.read { conn in
            try conn.query("SELECT * FROM grid_buildings\(whereClause) ORDER BY community_code, building_grid_code, estate, building",
                           bindings).map(GridPlacement.init(row:))
        }
    }

    /// The one building at a place, when the place names exactly one.
    public func placement(community: String?, estate: String, building: String) throws -> GridPlacement? {
        let found = try placements(community: community, estate: estate, building: building)
        return found.count == 1 ? found[0] : nil
    }
}
