import Foundation

/// Schedules 议事 meetings, records their seven steps and their decisions,
/// and settles what a decision is linked to through that item's own loop
/// (never around it): grievances through the grievance loop, co-building
/// needs (XQ) through the need loop of the lists.
public struct MeetingService: Sendable {
    let db: any SQLDatabase
    let clock: Clock
    let grievances: GrievanceService
    let needs: CoBuildingLists
    public static let history = StatusHistory(table: "cobuild_meeting_events", key: "meeting_id")

    public init(db: any SQLDatabase, clock: Clock, grievances: GrievanceService) {
        self.db = db
        self.clock = clock
        self.grievances = grievances
        needs = CoBuildingLists(db: db, clock: clock)
    }

    /// What an operator gives to schedule a meeting.
    public struct Plan: Sendable {
        public var kind: String
        public var topic: String
        public var community: String
        public var place: String
        public var participants: String
        public var startsAt: Date
        public var actor: String?

        public init(kind: String, topic: String, community: String, place: String, participants: String, startsAt: Date,
                    actor: String? = nil) {
            self.kind = kind
            self.topic = topic
            self.community = community
            self.place = place
            self.participants = participants
            self.startsAt = startsAt
            self.actor = actor
        }
    }

    /// The result of recording a step: the meeting as it now stands, and the decision taken, if any.
    public struct Record: Sendable, Equatable {
        public var meeting: Meeting
        public var step: MeetingProcedure.Step?
        public var decision: MeetingDecision?
    }

    public func procedure() throws -> MeetingProcedure {
        try db.read { conn in try MeetingProcedure.load(conn) }
    }

    /// Schedules a meeting: it starts at the first step (收集议题). Refused
    /// when the time has passed or the community is not in the grid.
    public func schedule(_ plan: Plan) throws -> Meeting {
        let now = clock.now
        guard plan.startsAt > now else { throw CoBuildingWorkError.meetingInPast }
        return try db.write { conn in
            guard try conn.queryOne("SELECT 1 AS one FROM grid_buildings WHERE community = ?", [.text(plan.community)]) != nil else {
                throw CoBuildingWorkError.unknownCommunity(plan.community)
            }
            guard let first = try MeetingProcedure.load(conn).first else { throw CoBuildingWorkError.meetingStepsMissing }
            let id = try IdentifierSequence.next(prefix: "YS", on: now, clock: clock, in: conn)
            try conn.execute(
                """
                INSERT INTO cobuild_meetings (id, kind, topic, community, place, participants, starts_at, status,
                    created_at, updated_at, created_by, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
                """,
                [.text(id), .text(plan.kind), .text(plan.topic), .text(plan.community), .text(plan.place), .text(plan.participants),
                 .int(plan.startsAt.epoch), .text(first.code), .int(now.epoch), .int(now.epoch), .optional(plan.actor)])
            try Self.history.append(conn, id: id, action: "schedule", from: nil, to: first.code,
                                    note: "\(plan.kind)：\(plan.topic)", actor: plan.actor, at: now)
            return try load(id, in: conn)!
        }
    }

    /// Records step `stepCode` (or `cancel`) of meeting `id`. The decision
    /// step needs the decision's text in `note`; `links` (grievances and
    /// needs it settles) are allowed only there. Every linked id must exist
    /// (one unknown id refuses the whole record). Each grievance whose loop
    /// allows 化解 now moves to 已化解, each need whose loop allows 办结 now
    /// (已匹配) moves to 已解决, in the same transaction; the others are
    /// linked and left as they are, with their status for the reply.
    public func record(id: String, step stepCode: String, note: String?, links: [(DecisionLink.Kind, String)] = [],
                       actor: String? = nil) throws -> Record {
        let note = note.flatMap { $0.isEmpty ? nil : $0 }
        let isDecision = stepCode == MeetingProcedure.decisionStep
        if isDecision && note == nil { throw CoBuildingWorkError.decisionTextRequired(id: id) }
        if !isDecision && !links.isEmpty { throw CoBuildingWorkError.linksNeedDecision(id: id) }
        return try db.write { conn in
            guard var meeting = try load(id, in: conn) else { throw CoBuildingWorkError.meetingNotFound(id) }
            let procedure = try MeetingProcedure.load(conn)
            guard let to = procedure.table.next(from: meeting.status, action: stepCode) else {
                throw CoBuildingWorkError.illegalMeetingStep(id: id, status: procedure.statusName(meeting.status),
                                                     step: procedure.step(stepCode)?.name ?? "取消",
                                                     allowed: procedure.nextSteps(after: meeting.status).map(\.name))
            }
            let now = clock.now
            let changed = try conn.execute(
                "UPDATE cobuild_meetings SET status = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?",
                [.text(to), .int(now.epoch), .text(id), .int(meeting.version)])
            guard changed == 1 else { throw CoBuildingWorkError.meetingConflict(id: id) }
            try Self.history.append(conn, id: id, action: stepCode, from: meeting.status, to: to, note: note, actor: actor, at: now)
            meeting.status = to
            meeting.version += 1
            var decision: MeetingDecision? = nil
            if isDecision, let text = note {
                decision = try decide(meeting, text: text, links: links, actor: actor, at: now, in: conn)
            }
            return Record(meeting: meeting, step: procedure.step(stepCode), decision: decision)
        }
    }

    /// A community's meeting settles only its own community's tickets and needs
    /// (a ticket without a place belongs to none and may be settled anywhere).
    private func requireSameCommunity(_ target: String, _ community: String?, as meeting: Meeting) throws {
        if let community, community != meeting.community {
            throw CoBuildingWorkError.otherCommunity(id: target, community: community, meetingCommunity: meeting.community)
        }
    }

    private func decide(_ meeting: Meeting, text: String, links: [(DecisionLink.Kind, String)], actor: String?, at now: Date,
                        in conn: any SQLConnection) throws -> MeetingDecision {
        let seq = (try conn.queryOne("SELECT MAX(seq) AS n FROM cobuild_decisions WHERE meeting_id = ?", [.text(meeting.id)])?.int("n") ?? 0) + 1
        try conn.execute("INSERT INTO cobuild_decisions (meeting_id, seq, text, decided_at, actor) VALUES (?, ?, ?, ?, ?)",
                         [.text(meeting.id), .int(seq), .text(text), .int(now.epoch), .optional(actor)])
        var done: [DecisionLink] = []
        var seen = Set<String>()
        for (kind, target) in links where seen.insert(target).inserted {
            let link: DecisionLink
            switch kind {
            case .grievance:
                guard let row = try conn.queryOne("SELECT status, community FROM tickets WHERE id = ?", [.text(target)]),
                      let status = TicketStatus(rawValue: row.string("status")) else { throw DomainError.ticketNotFound(target) }
                try requireSameCommunity(target, row.optionalString("community"), as: meeting)
                if TicketTransition.next(from: status, action: .resolve) != nil {
                    let move = TicketMove(.resolve, note: "\(meeting.kind) \(meeting.id)（\(meeting.topic)）决议：\(text)", actor: actor)
                    let t = try grievances.update(id: target, move, in: conn)
                    link = DecisionLink(kind: kind, id: target, outcome: .resolved, status: t.status.rawValue)
                } else {
                    link = DecisionLink(kind: kind, id: target, outcome: .unchanged, status: status.rawValue)
                }
            case .need:
                guard let row = try conn.queryOne("SELECT status, community FROM cobuild_needs WHERE id = ?", [.text(target)]),
                      let status = NeedStatus(rawValue: row.string("status")) else { throw CoBuildingError.needNotFound(target) }
                try requireSameCommunity(target, row.optionalString("community"), as: meeting)
                if let to = NeedAction.transitions.next(from: status, action: .settle) {
                    try needs.move(needID: target, action: .settle, note: "\(meeting.kind) \(meeting.id)（\(meeting.topic)）决议：\(text)",
                                   actor: actor, at: now, in: conn)
                    link = DecisionLink(kind: kind, id: target, outcome: .resolved, status: to.rawValue)
                } else {
                    link = DecisionLink(kind: kind, id: target, outcome: .unchanged, status: status.rawValue)
                }
            }
            try conn.execute(
                "INSERT INTO cobuild_decision_links (meeting_id, decision_seq, target_kind, target_id, outcome) VALUES (?, ?, ?, ?, ?)",
                [.text(meeting.id), .int(seq), .text(link.kind.rawValue), .text(link.id), .text(link.outcome.rawValue)])
            done.append(link)
        }
        return MeetingDecision(seq: seq, text: text, decidedAt: now, links: done)
    }

    public func meeting(id: String) throws -> Meeting? {
        try db.read { conn in try load(id, in: conn) }
    }

    public func history(id: String) throws -> [StatusHistory.Entry] {
        try db.read { conn in try Self.history.entries(conn, id: id) }
    }

    public func decisions(id: String) throws -> [MeetingDecision] {
        try db.read { conn in
            let links = try conn.query("SELECT * FROM cobuild_decision_links WHERE meeting_id = ? ORDER BY decision_seq, target_id",
                                       [.text(id)])
            return try conn.query("SELECT * FROM cobuild_decisions WHERE meeting_id = ? ORDER BY seq", [.text(id)]).map { row in
                let seq = row.int("seq")
                return MeetingDecision(
                    seq: seq, text: row.string("text"), decidedAt: Date(timeIntervalSince1970: TimeInterval(row.int("decided_at"))),
                    links: links.filter { $0.int("decision_seq") == seq }.map {
                        DecisionLink(kind: DecisionLink.Kind(rawValue: $0.string("target_kind")) ?? .grievance, id: $0.string("target_id"),
                                     outcome: DecisionLink.Outcome(rawValue: $0.string("outcome")) ?? .unchanged)
                    })
            }
        }
    }

    /// Meetings by community, status, words of the topic/kind/place and time, soonest first.
    public func list(_ filter: MeetingFilter) throws -> [Meeting] {
        var clauses: [String] = []
        var bindings: [SQLValue] = []
        if let c = filter.community { clauses.append("community = ?"); bindings.append(.text(c)) }
        if let s = filter.status { clauses.append("status = ?"); bindings.append(.text(s)) }
        if let t = filter.text {
            clauses.append("(topic LIKE ? OR kind LIKE ? OR place LIKE ?)")
            bindings += Array(repeating: .text("%\(t)%"), count: 3)
        }
        if let f = filter.from { clauses.append("starts_at >= ?"); bindings.append(.int(f.epoch)) }
        if let t = filter.to { clauses.append("starts_at < ?"); bindings.append(.int(t.epoch)) }
        let whereClause = clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")
        return try db.read { conn in
            try conn.query("SELECT * FROM cobuild_meetings\(whereClause) ORDER BY starts_at, id LIMIT ?", bindings + [.int(filter.limit)])
                .map(Meeting.init(row:))
        }
    }

    private func load(_ id: String, in conn: any SQLConnection) throws -> Meeting? {
        try conn.queryOne("SELECT * FROM cobuild_meetings WHERE id = ?", [.text(id)]).map(Meeting.init(row:))
    }
}
