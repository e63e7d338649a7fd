import Foundation

/// Files grievances, grades and routes them, and moves them along the loop.
public struct GrievanceService: Sendable {
    let db: any SQLDatabase
    let clock: Clock
    public let rules: GrievanceRules

    public init(db: any SQLDatabase, clock: Clock, rules: GrievanceRules) {
        self.db = db
        self.clock = clock
        self.rules = rules
    }

    /// The category, grade and deadline a description would get (no write).
    public func assess(_ description: String) -> (category: GrievanceRules.Category, grade: GrievanceRules.Grade) {
        let category = rules.classify(description)
        return (category, rules.grade(category.grade)!)
    }

    /// Files a ticket: graded, routed to the building's grid worker (or to the
    /// subdistrict centre when the place is unknown), written with its first
    /// history entry in one durable transaction. Returns it only after commit.
    public func file(_ intake: GrievanceIntake) throws -> Ticket {
        let (category, grade) = assess(intake.description)
        let now = clock.now
        let hours = category.urgent ? grade.urgentDeadlineHours : grade.deadlineHours
        let due = now.addingTimeInterval(TimeInterval(hours * 3600))
        let p = intake.placement
        let assignee = p?.gridWorker ?? GridPlacement.Person(name: "街道综治中心", phone: "0755-00000000")
        return try db.write { conn in
            let id = try IdentifierSequence.next(prefix: "GL", on: now, clock: clock, in: conn)
            try conn.execute(
                """
                INSERT INTO tickets (id, status, level, grade, category, urgent, description, community, block_code, grid_code,
                    building_grid_code, estate, building, reporter_name, reporter_phone, assignee, assignee_phone, channel,
                    created_at, due_at, updated_at, created_by, version)
                VALUES (?, 'reported', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
                """,
                [.text(id), .text(grade.level), .text(grade.grade), .text(category.name), .int(category.urgent ? 1 : 0),
                 .text(intake.description), .optional(p?.community ?? intake.community), .optional(p?.blockCode),
                 .optional(p?.gridCode), .optional(p?.buildingGridCode), .optional(p?.estate ?? intake.estate),
                 .optional(p?.building ?? intake.building), .optional(intake.reporterName), .optional(intake.reporterPhone),
                 .text(assignee.name), .text(assignee.phone), .text(intake.channel), .int(now.epoch), .int(due.epoch),
                 .int(now.epoch), .optional(intake.actor)])
            try appendEvent(conn, ticketID: id, action: "file", from: nil, to: .reported, note: intake.channel, actor: intake.actor, at: now)
            return try load(id: id, in: conn)!
        }
    }

    public func ticket(id: String) throws -> Ticket? {
        try db.read { conn in try load(id: id, in: conn) }
    }

    public func history(id: String) throws -> [TicketEvent] {
        try db.read { conn in
            try conn.query("SELECT * FROM ticket_events WHERE ticket_id = ? ORDER BY seq", [.text(id)]).map { row in
                TicketEvent(seq: row.int("seq"), at: Date(timeIntervalSince1970: TimeInterval(row.int("at"))),
                            action: row.string("action"), fromStatus: row.optionalString("from_status"),
                            toStatus: row.string("to_status"), note: row.optionalString("note"), actor: row.optionalString("actor"))
            }
        }
    }

    /// Moves a ticket along the loop. Two operators moving the same ticket at
    /// once: the version check lets one win and tells the other.
    public func update(id: String, action: TicketAction, note: String?, actor: String?) throws -> Ticket {
        try db.write { conn in
            guard let ticket = try load(id: id, in: conn) else { throw DomainError.ticketNotFound(id) }
            guard let next = TicketTransition.next(from: ticket.status, action: action) else {
                throw DomainError.illegalTransition(id: id, from: ticket.status.chinese, action: action.chinese)
            }
            var level = ticket.level
            if action == .escalate {
                guard let above = TicketTransition.level(above: ticket.level) else {
                    throw DomainError.illegalTransition(id: id, from: "区级联动", action: action.chinese)
                }
                level = above
            }
            let now = clock.now
            let changed = try conn.execute(
                "UPDATE tickets SET status = ?, level = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?",
                [.text(next.rawValue), .text(level), .int(now.epoch), .text(id), .int(ticket.version)])
            guard changed == 1 else { throw DomainError.concurrentUpdate(id: id) }
            try appendEvent(conn, ticketID: id, action: action.rawValue, from: ticket.status, to: next, note: note, actor: actor, at: now)
            return try load(id: id, in: conn)!
        }
    }

    public func list(_ filter: TicketFilter) throws -> [Ticket] {
        var clauses: [String] = []
        var bindings: [SQLValue] = []
        if filter.openOnly || filter.overdueOnly { clauses.append("status <> 'closed'") }
        if filter.overdueOnly {
            clauses.append("status NOT IN ('resolved', 'confirmed') AND due_at < ?")
            bindings.append(.int(clock.now.epoch))
        }
        if let c = filter.community { clauses.append("community = ?"); bindings.append(.text(c)) }
        if let g = filter.gridCode { clauses.append("(grid_code = ? OR block_code = ? OR building_grid_code = ?)"); bindings += [.text(g), .text(g), .text(g)] }
        if let g = filter.grade { clauses.append("grade = ?"); bindings.append(.text(g)) }
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

    private func load(id: String, in conn: any SQLConnection) throws -> Ticket? {
        try conn.queryOne("SELECT * FROM tickets WHERE id = ?", [.text(id)]).map(Ticket.init(row:))
    }

    private func appendEvent(_ conn: any SQLConnection, ticketID: String, action: String, from: TicketStatus?, to: TicketStatus,
                             note: String?, actor: String?, at: Date) throws {
        let seq = (try conn.queryOne("SELECT COUNT(*) AS n FROM ticket_events WHERE ticket_id = ?", [.text(ticketID)])?.int("n") ?? 0) + 1
        try conn.execute(
            "INSERT INTO ticket_events (ticket_id, seq, at, action, from_status, to_status, note, actor) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [.text(ticketID), .int(seq), .int(at.epoch), .text(action), .optional(from?.rawValue), .text(to.rawValue),
             .optional(note), .optional(actor)])
    }
}
