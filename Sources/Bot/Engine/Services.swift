import Domain

/// The domain services the engine routes to, over one database and clock.
public struct Services: Sendable {
    public let clock: Clock
    public let grid: GridService
    public let grievances: GrievanceService
    public let activities: ActivityService
    public let enterprises: EnterpriseService
    public let stats: StatsService
    public let meetings: MeetingService
    public let volunteers: VolunteerService
    public let visits: VisitService
    /// The 大党委 lists (resources, services, needs) and matching.
    public let coBuilding: CoBuildingLists
    /// Booking shared resources.
    public let sharing: ResourceSharing
    /// The database's `writesAsynchronously`: handlers that write only through completions
    /// are then started without a thread of their own (`Engine.prepare`'s `.deferred`).
    public let writesAsynchronously: Bool

    public init(db: any SQLDatabase, clock: Clock, grievanceRules: GrievanceRules, serviceTypes: [EnterpriseServiceType]) {
        self.clock = clock
        grid = GridService(db: db, inMemory: true)
        grievances = GrievanceService(db: db, clock: clock, rules: grievanceRules)
        activities = ActivityService(db: db, clock: clock)
        enterprises = EnterpriseService(db: db, clock: clock, serviceTypes: serviceTypes)
        stats = StatsService(db: db, clock: clock)
        meetings = MeetingService(db: db, clock: clock, grievances: grievances)
        volunteers = VolunteerService(db: db, clock: clock)
        visits = VisitService(db: db, clock: clock, grievances: grievances)
        coBuilding = CoBuildingLists(db: db, clock: clock)
        sharing = ResourceSharing(db: db, clock: clock)
        writesAsynchronously = db.writesAsynchronously
    }
}
