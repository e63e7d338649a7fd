import Domain
import Testing

/// Grid lookups from memory give exactly what the SQL query gives.
@Suite struct GridIndexTests {
    @Test func everyLookupMatchesTheQuery() throws {
        let db = try TestDatabase.memory()
        let sql = GridService(db: db)
        let memory = GridService(db: db, inMemory: true)
        let all = try sql.allPlacements()
        #expect(all.count > 1000)
        #expect(try memory.allPlacements() == all)
        let communities = Set(all.map(\.community)).sorted() + ["不存在社区", ""]
        let estates = Set(all.map(\.estate)).sorted() + ["不存在小区"]
        let codes = Set(all.flatMap { [$0.gridCode, $0.buildingGridCode, $0.blockCode] }).sorted() + ["XX-00"]
        for community in communities {
            #expect(try memory.placements(community: community) == sql.placements(community: community))
        }
        for code in codes {
            #expect(try memory.placements(gridCode: code) == sql.placements(gridCode: code))
        }
        for estate in estates {
            #expect(try memory.placements(estate: estate) == sql.placements(estate: estate))
            for community in communities.prefix(3).map(Optional.some) + [nil] {
                for building in ["1栋", "3栋", "12栋", "A座", nil] {
                    #expect(try memory.placements(community: community, estate: estate, building: building)
                        == sql.placements(community: community, estate: estate, building: building))
                    #expect(try memory.placement(community: community, estate: estate, building: building ?? "3栋")
                        == sql.placement(community: community, estate: estate, building: building ?? "3栋"))
                }
            }
        }
        #expect(try memory.placements() == all)
    }

    /// Matching is by bytes, as SQL's `=`: a canonically equivalent but
    /// differently encoded name (é composed vs e + U+0301) finds nothing.
    @Test func matchesExactBytesOnly() throws {
        let db = try TestDatabase.memory()
        _ = try db.write { conn in
            try conn.execute("""
                INSERT INTO grid_buildings SELECT community_code, community, community_secretary, community_secretary_phone,
                    block_code, block, block_leader, block_leader_phone, grid_code, grid, grid_worker, grid_worker_phone,
                    building_grid_code, building_leader, building_leader_phone, ?, building
                FROM grid_buildings WHERE estate = ?
                """, ["Caf\u{e9}", "香榭郦景"])
        }
        let sql = GridService(db: db)
        let memory = GridService(db: db, inMemory: true)
        #expect(try !memory.placements(estate: "Caf\u{e9}").isEmpty)
        #expect(try memory.placements(estate: "Caf\u{e9}") == sql.placements(estate: "Caf\u{e9}"))
        #expect(try sql.placements(estate: "Cafe\u{301}").isEmpty)
        #expect(try memory.placements(estate: "Cafe\u{301}").isEmpty)
        // The same through the estate-and-building index.
        #expect(try !memory.placements(estate: "Caf\u{e9}", building: "3栋").isEmpty)
        #expect(try memory.placements(estate: "Caf\u{e9}", building: "3栋") == sql.placements(estate: "Caf\u{e9}", building: "3栋"))
        #expect(try memory.placements(estate: "Cafe\u{301}", building: "3栋").isEmpty)
    }
}
