/// One building's place in the governance grid (街道 › 社区 › 街区 › 网格 ›
/// 楼栋格 › 楼栋) and the people responsible for it: one row of `grid.csv`.
public struct GridPlacement: Sendable, Equatable, Hashable {
    public struct Person: Sendable, Equatable, Hashable {
        public var name: String
        public var phone: String
        public init(name: String, phone: String) {
            self.name = name
            self.phone = phone
        }
    }

    public var communityCode: String
    public var community: String
    public var communitySecretary: Person
    public var blockCode: String
    public var block: String
    public var blockLeader: Person
    public var gridCode: String
    public var grid: String
    public var gridWorker: Person
    public var buildingGridCode: String
    public var buildingLeader: Person
    public var estate: String
    public var building: String

    public init(communityCode: String, community: String, communitySecretary: Person, blockCode: String, block: String,
                blockLeader: Person, gridCode: String, grid: String, gridWorker: Person, buildingGridCode: String,
                buildingLeader: Person, estate: String, building: String) {
        self.communityCode = communityCode
        self.community = community
        self.communitySecretary = communitySecretary
        self.blockCode = blockCode
        self.block = block
        self.blockLeader = blockLeader
        self.gridCode = gridCode
        self.grid = grid
        self.gridWorker = gridWorker
        self.buildingGridCode = buildingGridCode
        self.buildingLeader = buildingLeader
        self.estate = estate
        self.building = building
    }

    init(row: SQLRow) {
        self.init(
            communityCode: row.string("community_code"), community: row.string("community"),
            communitySecretary: Person(name: row.string("community_secretary"), phone: row.string("community_secretary_phone")),
            blockCode: row.string("block_code"), block: row.string("block"),
            blockLeader: Person(name: row.string("block_leader"), phone: row.string("block_leader_phone")),
            gridCode: row.string("grid_code"), grid: row.string("grid"),
            gridWorker: Person(name: row.string("grid_worker"), phone: row.string("grid_worker_phone")),
            buildingGridCode: row.string("building_grid_code"),
            buildingLeader: Person(name: row.string("building_leader"), phone: row.string("building_leader_phone")),
            estate: row.string("estate"), building: row.string("building"))
    }
}
