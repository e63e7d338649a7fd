import Foundation

/// Loads the reference data (grid, venues, activities, enterprises, the
/// co-building lists) from the
/// CSV files in a data folder, validating every row first. One transaction:
/// a bad row anywhere leaves the database as it was.
public struct SampleDataImporter: Sendable {
    public let dataDirectory: URL
    /// Checks a unified social credit code (GB 32100-2015 check digit).
    public let isValidCreditCode: @Sendable (String) -> Bool

    public init(dataDirectory: URL, isValidCreditCode: @escaping @Sendable (String) -> Bool) {
        self.dataDirectory = dataDirectory
        self.isValidCreditCode = isValidCreditCode
    }

    public struct Counts: Sendable, Equatable {
        public var buildings = 0, venues = 0, activities = 0, enterprises = 0
        public var volunteerTeams = 0, volunteers = 0, pairings = 0
        /// The co-building lists: member units, resources, services, needs.
        public var units = 0, resources = 0, services = 0, needs = 0
    }

    /// Validates all four files and replaces the reference tables with them.
    @discardableResult
    public func importAll(into db: any SQLDatabase) throws -> Counts {
        let grid = try gridRows()
        let venues = try venueRows()
        let activities = try activityRows(venueCodes: Set(venues.map { $0[0].description }))
        let enterprises = try enterpriseRows()
        let work = try coBuildingWorkRows(buildings: Set(grid.map { "\($0[1])|\($0[15])|\($0[16])" }))
        let estates = Dictionary(grouping: grid, by: { $0[1].description }).mapValues { Set($0.map { $0[15].description }) }
        let coBuilding = try CoBuildingImport(load: load, estates: estates)
        try db.write { conn in
            try replace(conn, table: "grid_buildings", columns: Self.gridColumns, rows: grid)
            try replace(conn, table: "venues", columns: ["venue_code", "name", "community", "estate", "area_m2", "zones", "open_hours"], rows: venues)
            try replace(conn, table: "activities", columns: ["activity_code", "name", "kind", "venue_code", "schedule", "start_time", "minutes",
                                                             "capacity", "audience", "host", "max_party", "from_date", "until_date"], rows: activities)
            try replace(conn, table: "enterprises", columns: ["uscc", "name", "park", "community", "party_committee", "industry", "scale",
                                                              "contact", "contact_phone"], rows: enterprises)
            try replaceCoBuildingWork(work, in: conn)
            try coBuilding.write(conn) { columns, table, rows in try replace(conn, table: table, columns: columns, rows: rows) }
        }
        let c = coBuilding.counts
        return Counts(buildings: grid.count, venues: venues.count, activities: activities.count, enterprises: enterprises.count,
                      volunteerTeams: work.teams.count, volunteers: work.volunteers.count, pairings: work.pairings.count,
                      units: c.units, resources: c.resources, services: c.services, needs: c.needs)
    }

    /// True when the reference tables are empty (a new database).
    public static func isEmpty(_ db: any SQLDatabase) throws -> Bool {
        try db.read { conn in try conn.queryOne("SELECT COUNT(*) AS n FROM grid_buildings")?.int("n") ?? 0 } == 0
    }

    static let gridColumns = ["community_code", "community", "community_secretary", "community_secretary_phone", "block_code", "block",
                              "block_leader", "block_leader_phone", "grid_code", "grid", "grid_worker", "grid_worker_phone",
                              "building_grid_code", "building_leader", "building_leader_phone", "estate", "building"]

    func replace(_ conn: any SQLConnection, table: String, columns: [String], rows: [[SQLValue]]) throws {
        try conn.execute("DELETE FROM \(table)")
        let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        let sql = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(placeholders))"
        for row in rows { try conn.execute(sql, row) }
    }

    func load(_ name: String, columns: [String]) throws -> CSVTable {
        let table = try CSVTable.load(dataDirectory.appendingPathComponent(name))
        try table.require(columns)
        return table
    }

    private func gridRows() throws -> [[SQLValue]] {
        let table = try load("grid.csv", columns: Self.gridColumns)
        var seen = Set<String>()
        return try table.rows.map { row in
            let v = RowValidator(table: table, row: row)
            var values: [SQLValue] = []
            for column in Self.gridColumns {
                values.append(.text(column.hasSuffix("_phone") ? try v.phone(column) : try v.text(column)))
            }
            let key = "\(row["community"])|\(row["estate"])|\(row["building"])"
            guard seen.insert(key).inserted else { throw v.error("building", "楼栋重复：\(row["estate"])\(row["building"])") }
            return values
        }
    }

    private func venueRows() throws -> [[SQLValue]] {
        let table = try load("venues.csv", columns: ["venue_code", "name", "community", "estate", "area_m2", "zones", "open_hours"])
        return try table.rows.map { row in
            let v = RowValidator(table: table, row: row)
            return [.text(try v.text("venue_code")), .text(try v.text("name")), .text(try v.text("community")),
                    .text(try v.text("estate")), .int(try v.int("area_m2", in: 1...100_000)), .text(row["zones"]),
                    .text(try v.text("open_hours"))]
        }
    }

    private func activityRows(venueCodes: Set<String>) throws -> [[SQLValue]] {
        let table = try load("activities.csv", columns: ["activity_code", "name", "type", "venue_code", "schedule", "start", "minutes",
                                                         "capacity", "audience", "host", "max_party", "from", "until"])
        return try table.rows.map { row in
            let v = RowValidator(table: table, row: row)
            let venue = try v.text("venue_code")
            guard venueCodes.contains(venue) else { throw v.error("venue_code", "未知的场馆编号：\(venue)") }
            let schedule = try v.text("schedule")
            guard Schedule(schedule) != nil else { throw v.error("schedule", "无法识别的日程：\(schedule)") }
            let from = try v.date("from"), until = try v.date("until")
            guard CalendarDay(from)! <= CalendarDay(until)! else { throw v.error("until", "结束日期早于开始日期") }
            let capacity = try v.int("capacity", in: 1...10_000)
            return [.text(try v.text("activity_code")), .text(try v.text("name")), .text(try v.text("type")), .text(venue),
                    .text(schedule), .text(try v.clockTime("start")), .int(try v.int("minutes", in: 1...1440)),
                    .int(capacity), .text(try v.text("audience")), .text(row["host"]),
                    .int(try v.int("max_party", in: 1...capacity)), .text(from), .text(until)]
        }
    }

    private func enterpriseRows() throws -> [[SQLValue]] {
        let table = try load("enterprises.csv", columns: ["uscc", "name", "park", "community", "party_committee", "industry", "scale",
                                                          "contact", "contact_phone"])
        return try table.rows.map { row in
            let v = RowValidator(table: table, row: row)
            let code = try v.text("uscc")
            guard isValidCreditCode(code) else { throw v.error("uscc", "统一社会信用代码校验位不正确：\(code)") }
            return [.text(code), .text(try v.text("name")), .text(try v.text("park")), .text(try v.text("community")),
                    .text(try v.text("party_committee")), .text(row["industry"]), .text(row["scale"]), .text(row["contact"]),
                    .text(try v.phone("contact_phone"))]
        }
    }
}
