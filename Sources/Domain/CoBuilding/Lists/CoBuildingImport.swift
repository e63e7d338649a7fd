import Foundation

/// The four co-building files of the data folder (`cobuild_units.csv`,
/// `cobuild_resources.csv`, `cobuild_services.csv`, `cobuild_needs.csv`),
/// validated row by row against the grid's communities and estates, then
/// written inside the sample-data import's transaction.
///
/// Units are reference data and are replaced; resources, services and needs
/// are records operators go on working with, so a row whose id is already
/// stored is left as it is (importing twice changes nothing).
struct CoBuildingImport {
    static let unitKinds: Set<String> = ["企业", "学校", "医院", "物业", "机关", "社会组织", "商户", "其他"]
    static let unitColumns = ["unit_code", "name", "kind", "community", "estate", "party_organisation", "contact", "contact_phone"]
    static let resourceColumns = ["resource_id", "unit_code", "kind", "name", "quantity", "measure", "community", "place", "window", "mode"]
    static let serviceColumns = ["service_id", "unit_code", "kind", "name", "community", "place", "schedule", "capacity"]
    static let needColumns = ["need_id", "community", "place", "kind", "description", "window", "status", "provider", "recorded_on"]

    var units: [[SQLValue]] = []
    var resources: [[SQLValue]] = []
    var services: [[SQLValue]] = []
    /// Rows for `cobuild_needs` and, for needs already matched, the provider.
    var needs: [(row: [SQLValue], provider: String?, day: String)] = []

    var counts: (units: Int, resources: Int, services: Int, needs: Int) { (units.count, resources.count, services.count, needs.count) }

    /// Reads and checks the files. `estates`: community → its estates, from the grid.
    init(load: (String, [String]) throws -> CSVTable, estates: [String: Set<String>]) throws {
        func place(_ v: RowValidator, community column: String, place placeColumn: String, optional: Bool = false) throws -> (String, String?) {
            let community = try v.text(column)
            guard let known = estates[community] else { throw v.error(column, "未知的社区：\(community)") }
            let p = v.row[placeColumn]
            if p.isEmpty, optional { return (community, nil) }
            guard known.contains(try v.text(placeColumn)) else { throw v.error(placeColumn, "\(community)没有小区“\(p)”") }
            return (community, p)
        }
        func window(_ v: RowValidator, _ column: String) throws -> WeeklyWindow {
            let text = try v.text(column)
            guard let w = WeeklyWindow(text), w.weeklyMinutes > 0 else { throw v.error(column, "无法识别的时段：\(text)（如 工作日 19:00-次日08:00）") }
            return w
        }
        func id(_ v: RowValidator, _ column: String, _ pattern: String, _ example: String, seen: inout Set<String>) throws -> String {
            let value = try v.text(column)
            guard value.range(of: pattern, options: .regularExpression) != nil else { throw v.error(column, "编号应形如 \(example)：\(value)") }
            guard seen.insert(value).inserted else { throw v.error(column, "编号重复：\(value)") }
            return value
        }
        var seen = Set<String>()
        var unitCommunity: [String: String] = [:]
        let unitTable = try load("cobuild_units.csv", Self.unitColumns)
        for row in unitTable.rows {
            let v = RowValidator(table: unitTable, row: row)
            let code = try id(v, "unit_code", #"^DW-\d{3,}$"#, "DW-001", seen: &seen)
            let kind = try v.text("kind")
            guard Self.unitKinds.contains(kind) else { throw v.error("kind", "单位类别应为 \(Self.unitKinds.sorted().joined(separator: "/"))：\(kind)") }
            let (community, estate) = try place(v, community: "community", place: "estate")
            unitCommunity[code] = community
            units.append([.text(code), .text(try v.text("name")), .text(kind), .text(community), .text(estate!),
                          .text(try v.text("party_organisation")), .text(try v.text("contact")), .text(try v.phone("contact_phone"))])
        }
        func unit(_ v: RowValidator) throws -> String {
            let code = try v.text("unit_code")
            guard unitCommunity[code] != nil else { throw v.error("unit_code", "未知的成员单位：\(code)") }
            return code
        }
        let resourceTable = try load("cobuild_resources.csv", Self.resourceColumns)
        for row in resourceTable.rows {
            let v = RowValidator(table: resourceTable, row: row)
            let rid = try id(v, "resource_id", #"^ZY\d{8}-\d{4,}$"#, "ZY20261020-0001", seen: &seen)
            let code = try unit(v)
            let (community, p) = try place(v, community: "community", place: "place")
            let mode = try v.text("mode")
            guard SharedResource.modes.contains(mode) else { throw v.error("mode", "共享方式应为 空间置换 或 错时共享：\(mode)") }
            resources.append([.text(rid), .text(code), .text(try v.text("kind")), .text(try v.text("name")),
                              .int(try v.int("quantity", in: 1...100_000)), .text(try v.text("measure")), .text(community), .text(p!),
                              .text(try window(v, "window").description), .text(mode), .int(Self.noon(rid)), .null])
        }
        let serviceTable = try load("cobuild_services.csv", Self.serviceColumns)
        for row in serviceTable.rows {
            let v = RowValidator(table: serviceTable, row: row)
            let sid = try id(v, "service_id", #"^FW-\d{3,}$"#, "FW-001", seen: &seen)
            let code = try unit(v)
            let (community, p) = try place(v, community: "community", place: "place")
            services.append([.text(sid), .text(code), .text(try v.text("kind")), .text(try v.text("name")), .text(community), .text(p!),
                             .text(try window(v, "schedule").description), .int(try v.int("capacity", in: 1...10_000))])
        }
        let needTable = try load("cobuild_needs.csv", Self.needColumns)
        for row in needTable.rows {
            let v = RowValidator(table: needTable, row: row)
            let nid = try id(v, "need_id", #"^XQ\d{8}-\d{4,}$"#, "XQ20261102-0001", seen: &seen)
            let day = try v.date("recorded_on")
            guard day.replacingOccurrences(of: "-", with: "") == String(nid.dropFirst(2).prefix(8)) else {
                throw v.error("recorded_on", "登记日期与编号中的日期不一致：\(day)")
            }
            let (community, p) = try place(v, community: "community", place: "place", optional: true)
            let wanted = row["window"].isEmpty ? nil : try window(v, "window")
            guard let status = NeedStatus(chinese: try v.text("status")) else { throw v.error("status", "状态应为 待匹配/已匹配/已解决：\(row["status"])") }
            let provider = row["provider"].isEmpty ? nil : row["provider"]
            if status == .open, provider != nil { throw v.error("provider", "待匹配的需求不应有提供方") }
            if status != .open {
                guard let provider else { throw v.error("provider", "已匹配或已解决的需求需要写明提供方（资源或服务编号）") }
                guard resources.contains(where: { $0[0] == .text(provider) }) || services.contains(where: { $0[0] == .text(provider) }) else {
                    throw v.error("provider", "未知的资源或服务：\(provider)")
                }
            }
            let at = Self.noon(nid)
            needs.append(([.text(nid), .text(community), .optional(p), .text(try v.text("kind")), .text(try v.text("description")),
                           .optional(wanted?.description), .text(status.rawValue), .text("热线"), .null, .null, .int(at), .int(at), .null],
                          provider, String(nid.dropFirst(2).prefix(8))))
        }
    }

    /// Noon (UTC+8, the subdistrict's time) of the day in an id like `ZY20261020-0001`.
    static func noon(_ id: String) -> Int {
        let d = Array(id.dropFirst(2).prefix(8))
        return Clock.parseISO("\(String(d[0..<4]))-\(String(d[4..<6]))-\(String(d[6..<8]))T12:00:00+08:00")?.epoch ?? 0
    }

    func write(_ conn: any SQLConnection, replace: ([String], String, [[SQLValue]]) throws -> Void) throws {
        try replace(Self.unitColumns, "cobuild_units", units)
        func insert(_ table: String, _ columns: [String], _ rows: [[SQLValue]]) throws -> [Bool] {
            let sql = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))"
                + " ON CONFLICT (id) DO NOTHING"
            return try rows.map { try conn.execute(sql, $0) == 1 }
        }
        _ = try insert("cobuild_resources", ["id", "unit_code", "kind", "name", "quantity", "measure", "community", "place", "open_window", "mode",
                                             "created_at", "created_by"], resources)
        _ = try insert("cobuild_services", ["id", "unit_code", "kind", "name", "community", "place", "open_window", "capacity"], services)
        let added = try insert("cobuild_needs", ["id", "community", "place", "kind", "description", "wanted_window", "status", "source", "name",
                                                 "phone", "created_at", "updated_at", "created_by"], needs.map(\.row))
        for row in resources + needs.map(\.row) { try IdentifierSequence.noteIssued(row[0].description, in: conn) }
        let history = CoBuildingLists.needHistory
        for (need, isNew) in zip(needs, added) where isNew {
            let id = need.row[0].description, at = Date(timeIntervalSince1970: TimeInterval(Self.noon(id)))
            try history.append(conn, id: id, action: "add", from: nil, to: NeedStatus.open.rawValue, note: "示例数据", actor: nil, at: at)
            guard let provider = need.provider else { continue }
            let r = resources.first { $0[0] == .text(provider) }, s = services.first { $0[0] == .text(provider) }
            let unit = (r ?? s)![1], provides = r.map { "\($0[3]) \($0[4]) \($0[5])" } ?? "\(s![3])（每次 \(s![7]) 人）"
            let window = r?[8] ?? s![6]
            let matchID = try IdentifierSequence.next(prefix: "PP", day: need.day, in: conn)
            try conn.execute(
                "INSERT INTO cobuild_matches (id, need_id, provider_kind, provider_id, unit_code, provides, open_window, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)",
                [.text(matchID), .text(id), .text(r == nil ? "service" : "resource"), .text(provider), unit, .text(provides), window, .int(at.epoch)])
            try history.append(conn, id: id, action: NeedAction.match.rawValue, from: NeedStatus.open.rawValue, to: NeedStatus.matched.rawValue,
                               note: provider, actor: nil, at: at)
            if need.row[6] == .text(NeedStatus.settled.rawValue) {
                try history.append(conn, id: id, action: NeedAction.settle.rawValue, from: NeedStatus.matched.rawValue, to: NeedStatus.settled.rawValue,
                                   note: nil, actor: nil, at: at)
            }
        }
    }
}
