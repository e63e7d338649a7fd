import Foundation

/// Files grievances, grades and routes them, and moves them along the loop.
public struct GrievanceService: Sendable {
    let db: any SQLDatabase
    let clock: Clock
    public let rules: GrievanceRules
    /// A ticket's history: its filing entry is kept in its own row (`filed_note`, written with the
    /// ticket; `StatusHistory.implicitFirst`), every later move in `ticket_events`. Tickets filed
    /// before migration 012 keep their stored filing row (their `filed_note` is NULL).
    public static let history = StatusHistory(
        table: "ticket_events", key: "ticket_id",
        implicitFirst: """
            SELECT 1 AS seq, created_at AS at, 'file' AS action, NULL AS from_status, 'reported' AS to_status,
                filed_note AS note, created_by AS actor FROM tickets WHERE id = ? AND filed_note IS NOT NULL
            """)

    public init(db: any SQLDatabase, clock: Clock, rules: GrievanceRules) {
        self.db = db
        self.clock = clock
        self.rules = rules
    }

    /// The category and grade a description would get (no write).
    public func assess(_ description: String) -> (category: GrievanceRules.Category, grade: GrievanceRules.Grade) {
        let category = rules.classify(description)
        return (category, rules.grade(category.grade)!)
    }

    /// The triage queue (分拨席) that takes tickets without a known place.
    public var triageDesk: GridPlacement.Person {
        .init(name: rules.setting("triage_name", default: "街道综治中心分拨席"), phone: rules.setting("triage_phone", default: "0755-00000000"))
    }

    /// Who answers for `level` at this place: 网格员 → 街区长 → 社区书记 → 街道 → 区级.
    public func lead(for level: String, at p: GridPlacement?) -> GridPlacement.Person {
        switch level {
        case "block": return p?.gridWorker ?? triageDesk
        case "community": return p?.communitySecretary ?? triageDesk
        case "subdistrict":
            return .init(name: rules.setting("subdistrict_lead", default: "街道综治中心"), phone: rules.setting("subdistrict_phone", default: "0755-00000000"))
        default:
            return .init(name: rules.setting("district_lead", default: "区级联动专班"), phone: rules.setting("district_phone", default: "0755-12345"))
        }
    }

    /// Open tickets at the same building (or estate, when no building is known)
    /// in the same category, filed within the duplicate window.
    public func possibleDuplicates(_ intake: GrievanceIntake) throws -> [Ticket] {
        let estate = intake.placement?.estate ?? intake.estate
        // A window of 0 hours turns the check off (load tests file the same text many times).
        guard let estate, rules.duplicateWindowHours > 0 else { return [] }
        let category = rules.classify(intake.description).name
        let since = clock.now.addingTimeInterval(-TimeInterval(rules.duplicateWindowHours * 3600))
        var sql = "SELECT * FROM tickets WHERE estate = ? AND category = ? AND status <> 'closed' AND created_at >= ?"
        var bindings: [SQLValue] = [.text(estate), .text(category), .int(since.epoch)]
        if let building = intake.placement?.building ?? intake.building {
            sql += " AND building = ?"
            bindings.append(.text(building))
        }
        if let community = intake.placement?.community ?? intake.community {
            sql += " AND community = ?"
            bindings.append(.text(community))
        }
        return try db.read { conn in try conn.query(sql + " ORDER BY created_at DESC, id DESC", bindings).map(Ticket.init(row:)) }
    }

    /// A repeat call about an open ticket: recorded in its history (durably), no new ticket.
    public func attach(_ intake: GrievanceIntake, to id: String) throws -> Ticket {
        try db.write { conn in try attach(intake, to: id, in: conn) }
    }

    /// `attach` that returns at once where the database allows (`SQLDatabase.write(_:completion:)`):
    /// `completion` gets the ticket once the history entry is durable.
    public func attach(_ intake: GrievanceIntake, to id: String,
                       completion: @escaping @Sendable (Result<Ticket, any Error>) -> Void) {
        db.write({ conn in try self.attach(intake, to: id, in: conn) }, completion: completion)
    }

    /// `attach` inside the caller's write transaction (a visit and its tickets commit together).
    public func attach(_ intake: GrievanceIntake, to id: String, in conn: any SQLConnection) throws -> Ticket {
        guard let t = try load(id: id, in: conn) else { throw DomainError.ticketNotFound(id) }
        let who = intake.reporterPhone.map(Ticket.mask) ?? "匿名"
        try Self.history.append(conn, id: id, action: "attach", from: t.status.rawValue, to: t.status.rawValue,
                                note: "\(intake.channel)，\(who)：\(intake.description)", actor: intake.actor, at: clock.now)
        return t
    }

    /// Files a ticket: graded, routed to the building's grid worker (or to the
    /// triage queue when the place is unknown), written with its first history
    /// entry in one durable transaction. Returns it only after commit.
    public func file(_ intake: GrievanceIntake) throws -> Ticket {
        try db.write { conn in try file(intake, in: conn) }
    }

    /// `file` that returns at once where the database allows (`SQLDatabase.write(_:completion:)`):
    /// `completion` gets the ticket only after the transaction holding it is durable.
    public func file(_ intake: GrievanceIntake, completion: @escaping @Sendable (Result<Ticket, any Error>) -> Void) {
        db.write({ conn in try self.file(intake, in: conn) }, completion: completion)
    }

    /// Whether `file(_:completion:)` and `attach(_:to:completion:)` return before their write is durable.
    public var writesAsynchronously: Bool { db.writesAsynchronously }

    /// `file` inside the caller's write transaction (a visit and its tickets commit together).
    public func file(_ intake: GrievanceIntake, in conn: any SQLConnection) throws -> Ticket {
        let (category, grade) = assess(intake.description)
        guard GrievanceIntake.channels.contains(intake.channel) else { throw DomainError.unknownChannel(intake.channel) }
        let now = clock.now
        let due = rules.deadline(grade: grade, urgent: category.urgent, from: now, calendar: clock.calendar)
        let p = intake.placement
        let area = p == nil ? intake.area : nil
        var level = grade.level
        var assignee = p?.gridWorker ?? area?.lead ?? triageDesk
        if let route = intake.routeLevel, let r = TicketTransition.levels.firstIndex(of: route) {
            // Never below the grade's own level.
            level = TicketTransition.levels[max(r, TicketTransition.levels.firstIndex(of: grade.level) ?? 0)]
            assignee = lead(for: level, at: p)
        }
        let id = try IdentifierSequence.next(prefix: "GL", on: now, clock: clock, in: conn)
        // The ticket as `SELECT * … WHERE id = ?` would read it back (dates at whole seconds, as stored):
        // built from the values inserted, not read back (a query per filing; `GrievanceTests` compares the two).
        func stored(_ date: Date) -> Date { Date(timeIntervalSince1970: TimeInterval(date.epoch)) }
        let ticket = Ticket(
            id: id, status: .reported, level: level, grade: grade.grade, category: category.name, urgent: category.urgent,
            description: intake.description, community: p?.community ?? area?.community ?? intake.community,
            blockCode: p?.blockCode ?? area?.blockCode, gridCode: p?.gridCode ?? area?.gridCode,
            buildingGridCode: p?.buildingGridCode, estate: p?.estate ?? area?.estate ?? intake.estate,
            building: p?.building ?? intake.building, reporterName: intake.anonymous ? nil : intake.reporterName,
            reporterPhone: intake.reporterPhone, assignee: assignee.name, assigneePhone: assignee.phone, channel: intake.channel,
            createdAt: stored(now), dueAt: stored(due), updatedAt: stored(now), version: 1,
            mediation: category.mediation.isEmpty ? nil : category.mediation, anonymous: intake.anonymous, supervised: false,
            triage: p == nil && area == nil, rating: nil, round: 1, acceptedAt: nil, resolvedAt: nil, occurredAt: intake.occurredAt.map(stored))
        // The filing's history entry (`Self.history`): its note in the ticket's row, read back as entry 1.
        var note = p != nil ? intake.channel
            : area.map { "\(intake.channel)；楼栋未说明，按小区派至\($0.leadRole)：\($0.lead.name)" } ?? "\(intake.channel)；地点不明，进入分拨队列"
        if intake.routeLevel != nil { note += "；派至\(Self.levelName(level))：\(assignee.name)" }
        try conn.execute(
            """
            INSERT INTO tickets (id, status, level, grade, category, urgent, description, community, block_code, grid_code,
                building_grid_code, estate, building, reporter_name, reporter_phone, assignee, assignee_phone, channel,
                created_at, due_at, updated_at, created_by, version, mediation, anonymous, supervised, triage, round_no, occurred_at,
                filed_note)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [.text(id), .text(ticket.status.rawValue), .text(level), .text(ticket.grade), .text(ticket.category),
             .int(ticket.urgent ? 1 : 0), .text(ticket.description), .optional(ticket.community), .optional(ticket.blockCode),
             .optional(ticket.gridCode), .optional(ticket.buildingGridCode), .optional(ticket.estate),
             .optional(ticket.building), .optional(ticket.reporterName), .optional(ticket.reporterPhone),
             .optional(ticket.assignee), .optional(ticket.assigneePhone), .text(ticket.channel),
             .int(now.epoch), .int(due.epoch), .int(now.epoch), .optional(intake.actor), .int(ticket.version),
             .optional(ticket.mediation), .int(ticket.anonymous ? 1 : 0), .int(ticket.supervised ? 1 : 0),
             .int(ticket.triage ? 1 : 0), .int(ticket.round), .optional(intake.occurredAt?.epoch), .text(note)])
        return ticket
    }

    public func figures() throws -> GrievanceFigures { try GrievanceFigures.load(db) }

    public func ticket(id: String) throws -> Ticket? {
        try db.read { conn in try load(id: id, in: conn) }
    }

    public func history(id: String) throws -> [TicketEvent] {
        try db.read { conn in try Self.history.entries(conn, id: id) }
    }

    /// Moves a ticket along the loop (kept for callers that have no rating or person).
    public func update(id: String, action: TicketAction, note: String?, actor: String?) throws -> Ticket {
        try update(id: id, TicketMove(action, note: note, actor: actor))
    }

    /// Moves a ticket along the loop. An illegal move is refused and changes
    /// nothing. Two operators moving the same ticket at once: the version
    /// check lets one win and tells the other.
    public func update(id: String, _ move: TicketMove) throws -> Ticket {
        let action = move.action
        if action == .return && (move.note ?? "").isEmpty { throw DomainError.reasonRequired(action: action.chinese) }
        if action == .feedback && move.rating == nil { throw DomainError.ratingRequired(id: id) }
        // The place never changes; look it up outside the write transaction.
        let placement = try ticket(id: id).flatMap { try self.placement(of: $0) }
        return try db.write { conn in try apply(move, to: id, placement: placement, in: conn) }
    }

    /// Moves a ticket inside the caller's write transaction (a 议事 decision
    /// that settles it commits with the decision). Same rules as `update`.
    public func update(id: String, _ move: TicketMove, in conn: any SQLConnection) throws -> Ticket {
        if move.action == .return && (move.note ?? "").isEmpty { throw DomainError.reasonRequired(action: move.action.chinese) }
        if move.action == .feedback && move.rating == nil { throw DomainError.ratingRequired(id: id) }
        let placement = try load(id: id, in: conn).flatMap { t -> GridPlacement? in
            guard let estate = t.estate, let building = t.building else { return nil }
            var sql = "SELECT * FROM grid_buildings WHERE estate = ? AND building = ?"
            var bindings: [SQLValue] = [.text(estate), .text(building)]
            if let c = t.community { sql += " AND community = ?"; bindings.append(.text(c)) }
            let rows = try conn.query(sql, bindings)
            return rows.count == 1 ? GridPlacement(row: rows[0]) : nil
        }
        return try apply(move, to: id, placement: placement, in: conn)
    }

    private func apply(_ move: TicketMove, to id: String, placement: GridPlacement?, in conn: any SQLConnection) throws -> Ticket {
        let action = move.action
        guard var t = try load(id: id, in: conn) else { throw DomainError.ticketNotFound(id) }
        let transition: TicketTransition
        do { transition = try TicketTransition.make(from: t.status, action: action, rating: move.rating) } catch {
            throw DomainError.illegalTransition(id: id, from: t.status.chinese, action: action.chinese)
        }
        let now = clock.now
        let version = t.version
        var note = move.note
        switch action {
        case .escalate:
            guard let above = TicketTransition.level(above: t.level) else {
                throw DomainError.illegalTransition(id: id, from: "区级联动", action: action.chinese)
            }
            t.level = above
            let lead = lead(for: above, at: placement)
            (t.assignee, t.assigneePhone) = (lead.name, lead.phone)
            if let g = rules.grade(forLevel: above) {
                t.dueAt = max(t.dueAt, rules.deadline(grade: g, urgent: t.urgent, from: now, calendar: clock.calendar))
            }
            note = ["升至\(Self.levelName(above))：\(lead.name)", note].compactMap { $0 }.joined(separator: "；")
        case .dispatch:
            let to = move.assignee ?? (t.triage ? placement?.gridWorker : nil) ?? GridPlacement.Person(name: t.assignee ?? "", phone: t.assigneePhone ?? "")
            (t.assignee, t.assigneePhone) = (to.name, to.phone)
            if !to.name.isEmpty && to.name != triageDesk.name { t.triage = false }
            note = ["派给 \(to.name)", note].compactMap { $0 }.joined(separator: "；")
        case .return:
            (t.assignee, t.assigneePhone) = (triageDesk.name, triageDesk.phone)
            t.triage = true
        case .supervise:
            t.supervised = true
        case .accept:
            if t.acceptedAt == nil { t.acceptedAt = now }
        case .resolve:
            if t.resolvedAt == nil { t.resolvedAt = now }
        case .feedback:
            t.rating = move.rating
            note = ["评价：\(move.rating!.chinese)", note].compactMap { $0 }.joined(separator: "；")
        case .reopen, .confirm, .close:
            break
        }
        if transition.reopens {
            t.round += 1
            t.resolvedAt = nil
            t.supervised = false
            if let g = rules.grade(t.grade) {
                t.dueAt = rules.deadline(grade: g, urgent: t.urgent, from: now, calendar: clock.calendar)
            }
            note = [note, "第 \(t.round) 轮办理"].compactMap { $0 }.joined(separator: "；")
        }
        t.status = transition.to
        let changed = try conn.execute(
            """
            UPDATE tickets SET status = ?, level = ?, assignee = ?, assignee_phone = ?, due_at = ?, supervised = ?, triage = ?,
                rating = ?, round_no = ?, accepted_at = ?, resolved_at = ?, updated_at = ?, version = version + 1
            WHERE id = ? AND version = ?
            """,
            [.text(t.status.rawValue), .text(t.level), .optional(t.assignee), .optional(t.assigneePhone), .int(t.dueAt.epoch),
             .int(t.supervised ? 1 : 0), .int(t.triage ? 1 : 0), .optional(t.rating?.rawValue), .int(t.round),
             .optional(t.acceptedAt?.epoch), .optional(t.resolvedAt?.epoch), .int(now.epoch), .text(id), .int(version)])
        guard changed == 1 else { throw DomainError.concurrentUpdate(id: id) }
        try Self.history.append(conn, id: id, action: action.rawValue, from: transition.from.rawValue, to: transition.to.rawValue,
                                note: note, actor: move.actor, at: now)
        return try load(id: id, in: conn)!
    }

    public static func levelName(_ level: String) -> String {
        ["block": "街区", "community": "社区", "subdistrict": "街道", "district": "区级"][level] ?? level
    }

    public func list(_ filter: TicketFilter) throws -> [Ticket] {
        var clauses: [String] = []
        var bindings: [SQLValue] = []
        if filter.openOnly { clauses.append("status <> 'closed'") }
        if filter.overdueOnly {
            clauses.append("status IN ('reported', 'accepted', 'dispatched') AND due_at < ?")
            bindings.append(.int(clock.now.epoch))
        }
        if filter.triageOnly { clauses.append("triage = 1 AND status = 'reported'") }
        if filter.supervisedOnly { clauses.append("supervised = 1 AND status IN ('reported', 'accepted', 'dispatched')") }
        if let c = filter.community { clauses.append("community = ?"); bindings.append(.text(c)) }
        if let g = filter.gridCode { clauses.append("(grid_code = ? OR block_code = ? OR building_grid_code = ?)"); bindings += [.text(g), .text(g), .text(g)] }
        if let g = filter.grade { clauses.append("grade = ?"); bindings.append(.text(g)) }
        if let c = filter.category { clauses.append("category = ?"); bindings.append(.text(c)) }
        if let s = filter.status { clauses.append("status = ?"); bindings.append(.text(s.rawValue)) }
        if let f = filter.createdFrom { clauses.append("created_at >= ?"); bindings.append(.int(f.epoch)) }
        if let t = filter.createdTo { clauses.append("created_at < ?"); bindings.append(.int(t.epoch)) }
        if let p = filter.phone { clauses.append("reporter_phone = ?"); bindings.append(.text(p)) }
        let whereClause = clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")
        return try db.read { conn in
            try conn.query("SELECT * FROM tickets\(whereClause) ORDER BY created_at DESC, id DESC LIMIT ?",
                           bindings + [.int(filter.limit)]).map(Ticket.init(row:))
        }
    }

    private func placement(of t: Ticket) throws -> GridPlacement? {
        guard let estate = t.estate, let building = t.building else { return nil }
        return try GridService(db: db).placement(community: t.community, estate: estate, building: building)
    }

    private func load(id: String, in conn: any SQLConnection) throws -> Ticket? {
        try conn.queryOne("SELECT * FROM tickets WHERE id = ?", [.text(id)]).map(Ticket.init(row:))
    }
}
