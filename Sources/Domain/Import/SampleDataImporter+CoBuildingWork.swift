/// The reference data of the co-building work (issue 9): the
/// seven steps of 议事, volunteer teams and members, and 四个万家 pairings.
/// Validated row by row like the other files; every error names file, line and column.
extension SampleDataImporter {
    struct CoBuildingWorkRows {
        var steps: [[SQLValue]] = []
        var teams: [[SQLValue]] = []
        var volunteers: [[SQLValue]] = []
        var pairings: [[SQLValue]] = []
    }

    static let stepColumns = ["step_order", "step_code", "name", "summary", "repeatable"]
    static let teamColumns = ["team_code", "name", "kind", "community", "leader", "leader_phone"]
    static let volunteerColumns = ["volunteer_code", "name", "phone", "team_code", "community", "skills", "availability"]
    static let pairingColumns = ["pairing_code", "member", "member_phone", "community", "estate", "building", "room", "household_type"]

    /// `buildings`: `community|estate|building` of every grid row.
    func coBuildingWorkRows(buildings: Set<String>) throws -> CoBuildingWorkRows {
        let communities = Set(buildings.map { String($0.split(separator: "|")[0]) })
        var rows = CoBuildingWorkRows()
        rows.steps = try stepRows()
        var teamCommunity: [String: String] = [:]
        let teams = try load("cobuild_volunteer_teams.csv", columns: Self.teamColumns)
        rows.teams = try teams.rows.map { row in
            let v = RowValidator(table: teams, row: row)
            let code = try v.text("team_code"), community = try v.text("community")
            guard communities.contains(community) else { throw v.error("community", "网格数据中没有该社区：\(community)") }
            guard teamCommunity.updateValue(community, forKey: code) == nil else { throw v.error("team_code", "队伍编号重复：\(code)") }
            return [.text(code), .text(try v.text("name")), .text(try v.text("kind")), .text(community), .text(try v.text("leader")),
                    .text(try v.phone("leader_phone"))]
        }
        let volunteers = try load("cobuild_volunteers.csv", columns: Self.volunteerColumns)
        var seen = Set<String>()
        rows.volunteers = try volunteers.rows.map { row in
            let v = RowValidator(table: volunteers, row: row)
            let code = try v.text("volunteer_code"), team = try v.text("team_code"), community = try v.text("community")
            guard seen.insert(code).inserted else { throw v.error("volunteer_code", "志愿者编号重复：\(code)") }
            guard let teamHome = teamCommunity[team] else { throw v.error("team_code", "未知的队伍编号：\(team)") }
            guard teamHome == community else { throw v.error("community", "与所在队伍的社区（\(teamHome)）不一致：\(community)") }
            let availability = try v.text("availability")
            guard Availability(availability) != nil else {
                throw v.error("availability", "无法识别的服务时间（应如“周六 09:00-12:00|工作日 19:00-21:30”）：\(availability)")
            }
            return [.text(code), .text(try v.text("name")), .text(try v.phone("phone")), .text(team), .text(community),
                    .text(try v.text("skills")), .text(availability)]
        }
        let pairings = try load("cobuild_pairings.csv", columns: Self.pairingColumns)
        seen = []
        rows.pairings = try pairings.rows.map { row in
            let v = RowValidator(table: pairings, row: row)
            let code = try v.text("pairing_code")
            guard seen.insert(code).inserted else { throw v.error("pairing_code", "结对编号重复：\(code)") }
            let community = try v.text("community"), estate = try v.text("estate"), building = try v.text("building")
            guard buildings.contains("\(community)|\(estate)|\(building)") else {
                throw v.error("building", "网格数据中没有该楼栋：\(community)\(estate)\(building)")
            }
            let room = row["room"]
            guard room.allSatisfy(\.isASCIIDigit) else { throw v.error("room", "房号应为数字：\(room)") }
            return [.text(code), .text(try v.text("member")), .text(try v.phone("member_phone")), .text(community), .text(estate),
                    .text(building), .text(room), .text(try v.text("household_type"))]
        }
        return rows
    }

    func replaceCoBuildingWork(_ rows: CoBuildingWorkRows, in conn: any SQLConnection) throws {
        try replace(conn, table: "cobuild_meeting_steps", columns: Self.stepColumns, rows: rows.steps)
        try replace(conn, table: "cobuild_volunteer_teams", columns: Self.teamColumns, rows: rows.teams)
        try replace(conn, table: "cobuild_volunteers", columns: Self.volunteerColumns, rows: rows.volunteers)
        try replace(conn, table: "cobuild_pairings", columns: Self.pairingColumns, rows: rows.pairings)
    }

    private func stepRows() throws -> [[SQLValue]] {
        let table = try load("cobuild_meeting_steps.csv", columns: Self.stepColumns)
        var orders = Set<Int>(), codes = Set<String>()
        let rows: [[SQLValue]] = try table.rows.map { row in
            let v = RowValidator(table: table, row: row)
            let order = try v.int("step_order", in: 1...20), code = try v.text("step_code")
            guard orders.insert(order).inserted else { throw v.error("step_order", "步骤序号重复：\(order)") }
            guard codes.insert(code).inserted, code != MeetingProcedure.cancelled else { throw v.error("step_code", "步骤代码重复或保留：\(code)") }
            return [.int(order), .text(code), .text(try v.text("name")), .text(try v.text("summary")), .int(try v.int("repeatable", in: 0...1))]
        }
        // The service relies on these two steps: holding the meeting and recording a decision.
        for needed in [MeetingProcedure.conveneStep, MeetingProcedure.decisionStep] where !codes.contains(needed) {
            throw ImportError(file: table.file, line: 1, column: "step_code", message: "缺少步骤 \(needed)")
        }
        return rows
    }
}
