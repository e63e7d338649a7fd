import Domain
import Foundation
import Understanding

/// Builds the engine over a database: migrates it, fills a new one with the
/// bundled sample data, loads the rule tables and intents, and builds the
/// gazetteer and activity vocabulary for the understanding layer.
public enum BotEnvironment {
    /// Where `intents/` and `data/` live: `$GUANLAN_HOME`, else the nearest
    /// folder above the executable or the working directory that has both.
    public static func resourceRoot(executable: String = CommandLine.arguments[0]) -> URL {
        if let home = ProcessInfo.processInfo.environment["GUANLAN_HOME"], !home.isEmpty {
            return URL(fileURLWithPath: home)
        }
        let fm = FileManager.default
        let starts = [URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent(),
                      URL(fileURLWithPath: fm.currentDirectoryPath)]
        for start in starts {
            var dir = start
            for _ in 0..<8 {
                if fm.fileExists(atPath: dir.appendingPathComponent("intents").path),
                   fm.fileExists(atPath: dir.appendingPathComponent("data/grid.csv").path) { return dir }
                dir = dir.deletingLastPathComponent()
            }
        }
        for installed in ["/usr/local/share/guanlan", "/usr/share/guanlan"] where fm.fileExists(atPath: installed + "/intents") {
            return URL(fileURLWithPath: installed)
        }
        return URL(fileURLWithPath: fm.currentDirectoryPath)
    }

    /// Loads the intent catalogue (validated; errors name file and line).
    public static func loadCatalog(root: URL) throws -> IntentCatalog {
        try IntentCatalog.load(from: root.appendingPathComponent("intents"))
    }

    /// Migrates `db`, imports the sample data into an empty one, and builds the engine.
    /// - Parameter understandingCacheSize: texts whose understanding the engine keeps (`UnderstandingCache`).
    public static func makeEngine(db: any SQLDatabase, root: URL, clock: Clock,
                                  understandingCacheSize: Int = UnderstandingCache.defaultCapacity) throws -> Engine {
        try prepare(db, root: root)
        return try EngineBlueprint(db: db, root: root).makeEngine(db: db, clock: clock, understandingCacheSize: understandingCacheSize)
    }

    /// Migrates `db` and imports the sample data into it when it is empty (first start).
    public static func prepare(_ db: any SQLDatabase, root: URL) throws {
        try Migrations.migrate(db)
        if try SampleDataImporter.isEmpty(db) {
            try SampleDataImporter(dataDirectory: root.appendingPathComponent("data"), isValidCreditCode: USCC.isValid).importAll(into: db)
        }
    }

    /// The understanding layer over the data now in the database.
    public static func makeUnderstander(services: Services, catalog: IntentCatalog) throws -> Understander {
        let placements = try services.grid.allPlacements()
        let gazetteer = Gazetteer(entries: placements.map {
            Gazetteer.Entry(community: $0.community, estate: $0.estate, building: $0.building, gridCode: $0.buildingGridCode,
                            gridName: $0.grid, blockName: $0.block)
        })
        let activities = try services.activities.allActivities()
        let vocabulary = activities.map(\.name) + activities.map(\.kind)
        let firms = try services.enterprises.registry.all()
        return Understander(catalog: withCategories(catalog, services.grievances.rules), gazetteer: gazetteer, activityVocabulary: vocabulary,
                            enterpriseNames: firms.map(\.name), enterpriseAliases: FirmNames.aliases(of: firms.map(\.name)))
    }

    /// A filing's `category` slot says the category filing will record: its
    /// values are the keywords of `grievance_categories.csv`, the table the
    /// grievance service classifies descriptions by.
    static func withCategories(_ catalog: IntentCatalog, _ rules: GrievanceRules) -> IntentCatalog {
        catalog.replacingValues(intent: "grievance.file", slot: "category", with: rules.categories.map { ($0.name, $0.keywords) },
                                outranking: rules.categories.filter(\.urgent).flatMap(\.keywords))
    }

    /// The understanding layer straight from the CSV files (for `guanlan parse`,
    /// which must not create or touch a database).
    public static func makeUnderstander(root: URL) throws -> Understander {
        let data = root.appendingPathComponent("data")
        let grid = try CSVTable.load(data.appendingPathComponent("grid.csv"))
        let gazetteer = Gazetteer(entries: grid.rows.map {
            Gazetteer.Entry(community: $0["community"], estate: $0["estate"], building: $0["building"], gridCode: $0["building_grid_code"],
                            gridName: $0["grid"], blockName: $0["block"])
        })
        let activities = try CSVTable.load(data.appendingPathComponent("activities.csv"))
        let firms = try CSVTable.load(data.appendingPathComponent("enterprises.csv"))
        return Understander(catalog: withCategories(try loadCatalog(root: root), try GrievanceRules.load(from: data)), gazetteer: gazetteer,
                            activityVocabulary: activities.rows.map { $0["name"] } + activities.rows.map { $0["type"] },
                            enterpriseNames: firms.rows.map { $0["name"] },
                            enterpriseAliases: FirmNames.aliases(of: firms.rows.map { $0["name"] }))
    }
}
