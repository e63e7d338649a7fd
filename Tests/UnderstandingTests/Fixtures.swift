import Foundation
@testable import Understanding

/// The understanding layer over the project's own data files (`data/`,
/// `intents/`), built once for the tests, the way the bot builds it.
enum Fixtures {
    static func rows(_ file: String) -> [[String: String]] {
        let url = PackageRoot.url.appendingPathComponent("data").appendingPathComponent(file)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        let lines = text.split(whereSeparator: \.isNewline).map(String.init)
        guard let header = lines.first?.split(separator: ",", omittingEmptySubsequences: false).map(String.init) else { return [] }
        return lines.dropFirst().map { line in
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return Dictionary(uniqueKeysWithValues: zip(header, cells + Array(repeating: "", count: max(0, header.count - cells.count))))
        }
    }

    static let gazetteer = Gazetteer(entries: rows("grid.csv").map {
        Gazetteer.Entry(community: $0["community"]!, estate: $0["estate"]!, building: $0["building"]!, gridCode: $0["building_grid_code"]!,
                        gridName: $0["grid"], blockName: $0["block"])
    })

    static let places = PlaceFinder(gazetteer: gazetteer)

    static let understander: Understander = {
        // Filing's categories come from data/grievance_categories.csv, as BotEnvironment.withCategories does.
        let catalog = try! IntentCatalog.load(from: PackageRoot.url.appendingPathComponent("intents"))
            .replacingValues(intent: "grievance.file", slot: "category",
                             with: rows("grievance_categories.csv").map { ($0["category"]!, $0["keywords"]!.split(separator: "|").map(String.init)) },
                             outranking: rows("grievance_categories.csv").filter { $0["urgent"] == "1" }
                                .flatMap { $0["keywords"]!.split(separator: "|").map(String.init) })
        let activities = rows("activities.csv")
        return Understander(catalog: catalog, gazetteer: gazetteer,
                            activityVocabulary: activities.map { $0["name"]! } + activities.map { $0["type"]! },
                            enterpriseNames: rows("enterprises.csv").map { $0["name"]! },
                            enterpriseAliases: FirmNames.aliases(of: rows("enterprises.csv").map { $0["name"]! }))
    }()

    /// Sunday 2026-11-29 09:00 in Shenzhen, as in the transcripts.
    static let context = ParseContext(now: ISO8601DateFormatter().date(from: "2026-11-29T01:00:00Z")!,
                                      timeZone: TimeZone(secondsFromGMT: 8 * 3600)!)

    static func place(_ text: String) -> PlaceFinder.Place? {
        places.find(in: ScalarText(Normalizer.normalize(text)))
    }
}
