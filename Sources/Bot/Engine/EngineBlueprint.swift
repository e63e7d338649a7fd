import Domain
import Foundation
import Understanding

/// Everything an engine reads besides its database, read once: the grievance
/// rules, the enterprise service types and the understanding layer built over
/// the sample data.
///
/// Building the understanding layer (gazetteer, vocabularies, intent catalogue)
/// is most of an engine's start-up. Callers that start many engines over
/// databases holding the same data (transcript replay, the tests) build one
/// blueprint and stamp engines from it; `BotEnvironment.makeEngine` builds a
/// blueprint for each engine it makes.
public struct EngineBlueprint: Sendable {
    public let understander: Understander
    let grievanceRules: GrievanceRules
    let serviceTypes: [EnterpriseServiceType]

    /// Reads the rule tables under `root/data` and builds the understanding layer
    /// over the places, activities and firms in `db` (migrated and filled).
    public init(db: any SQLDatabase, root: URL) throws {
        let dataDirectory = root.appendingPathComponent("data")
        grievanceRules = try GrievanceRules.load(from: dataDirectory)
        serviceTypes = try EnterpriseService.loadServiceTypes(from: dataDirectory)
        let services = Services(db: db, clock: Clock(), grievanceRules: grievanceRules, serviceTypes: serviceTypes)
        understander = try BotEnvironment.makeUnderstander(services: services, catalog: BotEnvironment.loadCatalog(root: root))
    }

    /// An engine over `db`, which must hold the same places, activities and firms
    /// as the database the blueprint was built over (a copy of it, say).
    public func makeEngine(db: any SQLDatabase, clock: Clock,
                           understandingCacheSize: Int = UnderstandingCache.defaultCapacity) -> Engine {
        let services = Services(db: db, clock: clock, grievanceRules: grievanceRules, serviceTypes: serviceTypes)
        return Engine(understander: understander, services: services, understandingCacheSize: understandingCacheSize)
    }
}
