import Domain
import Testing

/// `EstateArea`: the narrowest unit that holds every building of an estate.
@Suite struct EstateAreaTests {
    static func building(_ n: Int, grid: String, block: String, community: String = "大富社区") -> GridPlacement {
        GridPlacement(communityCode: "DF", community: community, communitySecretary: .init(name: "书记", phone: "1"),
                      blockCode: block, block: block + "街区", blockLeader: .init(name: "街区长" + block, phone: "2"),
                      gridCode: grid, grid: grid + "网格", gridWorker: .init(name: "网格员" + grid, phone: "3"),
                      buildingGridCode: grid + "-\(n)", buildingLeader: .init(name: "楼栋长", phone: "4"),
                      estate: "香榭郦景", building: "\(n)栋")
    }

    @Test func oneGridGoesToItsWorker() throws {
        let area = try #require(EstateArea([Self.building(1, grid: "DF-01-01", block: "DF-01"), Self.building(2, grid: "DF-01-01", block: "DF-01")]))
        #expect(area.leadRole == "网格员" && area.lead.name == "网格员DF-01-01")
        #expect(area.gridCode == "DF-01-01" && area.blockCode == "DF-01")
    }

    @Test func severalGridsOfOneBlockGoToItsLeader() throws {
        let area = try #require(EstateArea([Self.building(1, grid: "DF-01-01", block: "DF-01"), Self.building(2, grid: "DF-01-02", block: "DF-01")]))
        #expect(area.leadRole == "街区长" && area.lead.name == "街区长DF-01")
        #expect(area.gridCode == nil && area.blockCode == "DF-01")
    }

    @Test func severalBlocksGoToTheCommunity() throws {
        let area = try #require(EstateArea([Self.building(1, grid: "DF-01-01", block: "DF-01"), Self.building(2, grid: "DF-02-01", block: "DF-02")]))
        #expect(area.leadRole == "社区书记" && area.blockCode == nil && area.gridCode == nil)
    }

    @Test func noneOrTwoCommunitiesIsNoArea() {
        #expect(EstateArea([]) == nil)
        #expect(EstateArea([Self.building(1, grid: "DF-01-01", block: "DF-01"),
                            Self.building(2, grid: "GP-01-01", block: "GP-01", community: "广培社区")]) == nil)
    }
}
