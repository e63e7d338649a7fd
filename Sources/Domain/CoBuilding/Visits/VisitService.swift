import Foundation

/// 四个万家 visits: a party member visits a paired household; each need found
/// becomes, by `VisitFindingRule`, either a grievance with channel 入户走访,
/// filed through the grievance service (graded, routed, durable) and routed
/// to the community level ("社区接单"), or a co-building need (XQ) with
/// source 入户走访 in the needs list, where it is matched to the units'
/// resources and services. The visit, its tickets and needs are written in
/// one transaction.
public struct VisitService: Sendable {
    let db: any SQLDatabase
    let clock: Clock
    let grievances: GrievanceService
    let needs: CoBuildingLists
    /// Where a member's 派单 goes.
    public static let routeLevel = "community"
    public static let channel = "入户走访"

    public init(db: any SQLDatabase, clock: Clock, grievances: GrievanceService) {
        self.db = db
        self.clock = clock
        self.grievances = grievances
        needs = CoBuildingLists(db: db, clock: clock)
    }

    /// Pairings matching every criterion given; `member` matches the name exactly.
    public func pairings(member: String? = nil, community: String? = nil, estate: String? = nil, building: String? = nil,
                         room: String? = nil) throws -> [Pairing] {
        var clauses: [String] = []
        var bindings: [SQLValue] = []
        for (column, value) in [("member", member), ("community", community), ("estate", estate), ("building", building), ("room", room)] {
            if let value { clauses.append("\(column) = ?"); bindings.append(.text(value)) }
        }
        let whereClause = clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")
        return try db.read { conn in
            try conn.query("SELECT * FROM cobuild_pairings\(whereClause) ORDER BY pairing_code", bindings).map(Pairing.init(row:))
        }
    }

    /// Every paired member's name, for finding one in an operator's line.
    public func memberNames() throws -> [String] {
        try db.read { conn in try conn.query("SELECT DISTINCT member FROM cobuild_pairings").map { $0.string("member") } }
    }

    /// Records a visit. Each finding that `rule` calls a need is added to the
    /// needs list (待匹配, source 入户走访, the member as contact) unless the household
    /// already has an open need of that kind (待匹配 or 已匹配), which is then referred to; every other
    /// one is filed as a grievance (channel 入户走访, the member as reporter,
    /// routed to the community), or added to an open ticket for the same
    /// problem at the same building. All or nothing.
    public func record(pairing: Pairing, visitedAt: Date, notes: String?, needs: [String], rule: VisitFindingRule,
                       actor: String?) throws -> Visit {
        guard visitedAt <= clock.now else { throw CoBuildingWorkError.visitInFuture }
        let placement = try GridService(db: db).placement(community: pairing.community, estate: pairing.estate, building: pairing.building)
        let intakes = needs.map { need in
            GrievanceIntake(description: "\(pairing.household)：\(need)", placement: placement, community: pairing.community,
                            estate: pairing.estate, building: pairing.building, reporterName: "党员\(pairing.member)",
                            reporterPhone: pairing.memberPhone, channel: Self.channel, actor: actor, routeLevel: Self.routeLevel)
        }
        // Read outside the write: an open ticket at this building in the same
        // category that already tells this need (a repeat from an earlier visit).
        let kinds = needs.map { rule.needKind(of: $0, grievances: grievances.rules) }
        let duplicates = try zip(intakes, zip(needs, kinds)).map { intake, found in
            found.1 != nil ? nil : try grievances.possibleDuplicates(intake).first { $0.description.contains(found.0) }?.id
        }
        let now = clock.now
        return try db.write { conn in
            let id = try IdentifierSequence.next(prefix: "ZF", on: now, clock: clock, in: conn)
            try conn.execute(
                """
                INSERT INTO cobuild_visits (id, pairing_code, member, community, household, visited_at, notes, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [.text(id), .text(pairing.code), .text(pairing.member), .text(pairing.community), .text(pairing.household),
                 .int(visitedAt.epoch), .optional(notes), .int(now.epoch), .optional(actor)])
            var found: [VisitNeed] = []
            for (i, (intake, duplicate)) in zip(intakes, duplicates).enumerated() {
                let need: VisitNeed
                if let kind = kinds[i], let open = try self.needs.openNeed(community: pairing.community, kind: kind,
                                                                          household: pairing.household, in: conn) {
                    // The household asked for this at an earlier visit and it is still being
                    // worked on: point at that need rather than list the same want twice.
                    need = VisitNeed(seq: i + 1, description: needs[i], kind: "need_repeat", targetId: open.id)
                } else if let kind = kinds[i] {
                    let n = try self.needs.insertNeed(community: pairing.community, place: pairing.estate, kind: kind,
                                                      description: "\(pairing.household)：\(needs[i])", window: nil,
                                                      name: "党员\(pairing.member)", phone: pairing.memberPhone, source: Self.channel,
                                                      actor: actor, in: conn)
                    need = VisitNeed(seq: i + 1, description: needs[i], kind: "need", targetId: n.id)
                } else if let duplicate {
                    let t = try grievances.attach(intake, to: duplicate, in: conn)
                    need = VisitNeed(seq: i + 1, description: needs[i], kind: "attached", targetId: t.id)
                } else {
                    let t = try grievances.file(intake, in: conn)
                    need = VisitNeed(seq: i + 1, description: needs[i], kind: "grievance", targetId: t.id)
                }
                try conn.execute(
                    "INSERT INTO cobuild_visit_needs (visit_id, seq, description, target_kind, target_id) VALUES (?, ?, ?, ?, ?)",
                    [.text(id), .int(need.seq), .text(need.description), .text(need.kind), .optional(need.targetId)])
                found.append(need)
            }
            return Visit(id: id, pairingCode: pairing.code, member: pairing.member, community: pairing.community,
                         household: pairing.household, visitedAt: visitedAt, notes: notes, needs: found)
        }
    }

    public func visit(id: String) throws -> Visit? {
        try list(VisitFilter(), id: id).first
    }

    /// Visits by member, community, estate and time, latest first.
    public func list(_ filter: VisitFilter, id: String? = nil) throws -> [Visit] {
        var clauses: [String] = []
        var bindings: [SQLValue] = []
        if let id { clauses.append("v.id = ?"); bindings.append(.text(id)) }
        if let m = filter.member { clauses.append("v.member = ?"); bindings.append(.text(m)) }
        if let c = filter.community { clauses.append("v.community = ?"); bindings.append(.text(c)) }
        if let e = filter.estate { clauses.append("p.estate = ?"); bindings.append(.text(e)) }
        if let f = filter.from { clauses.append("v.visited_at >= ?"); bindings.append(.int(f.epoch)) }
        if let t = filter.to { clauses.append("v.visited_at < ?"); bindings.append(.int(t.epoch)) }
        let whereClause = clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")
        return try db.read { conn in
            let rows = try conn.query(
                "SELECT v.* FROM cobuild_visits v JOIN cobuild_pairings p ON p.pairing_code = v.pairing_code\(whereClause) "
                    + "ORDER BY v.visited_at DESC, v.id DESC LIMIT ?", bindings + [.int(filter.limit)])
            return try rows.map { row in
                let id = row.string("id")
                let needs = try conn.query("SELECT * FROM cobuild_visit_needs WHERE visit_id = ? ORDER BY seq", [.text(id)]).map {
                    VisitNeed(seq: $0.int("seq"), description: $0.string("description"), kind: $0.string("target_kind"),
                              targetId: $0.optionalString("target_id"))
                }
                return Visit(id: id, pairingCode: row.string("pairing_code"), member: row.string("member"),
                             community: row.string("community"), household: row.string("household"),
                             visitedAt: Date(timeIntervalSince1970: TimeInterval(row.int("visited_at"))),
                             notes: row.optionalString("notes"), needs: needs)
            }
        }
    }
}
