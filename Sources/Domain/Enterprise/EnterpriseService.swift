import Foundation

/// Enterprise service requests: recorded durably, routed to the firm's party
/// committee and the office for the service type, moved along their loop
/// with the same history and transition rules as grievance tickets.
public struct EnterpriseService: Sendable {
    let db: any SQLDatabase
    let clock: Clock
    public let serviceTypes: [EnterpriseServiceType]
    public let registry: EnterpriseRegistry
    let matcher = SpaceMatcher()
    /// Requests share the grievance tickets' history table (ids never collide: QF… vs GL…).
    static let history = StatusHistory(table: "ticket_events", key: "ticket_id")

    public init(db: any SQLDatabase, clock: Clock, serviceTypes: [EnterpriseServiceType]) {
        self.db = db
        self.clock = clock
        self.serviceTypes = serviceTypes
        self.registry = EnterpriseRegistry(db: db)
    }

    public static func loadServiceTypes(from directory: URL) throws -> [EnterpriseServiceType] {
        let table = try CSVTable.load(directory.appendingPathComponent("enterprise_services.csv"))
        try table.require(["service_type", "label", "keywords", "office", "deadline_days", "requires"])
        let known = ["financing", "policy", "tax", "hiring", "space", "license", "visit", "other"]
        let types = try table.rows.map { row in
            let v = RowValidator(table: table, row: row)
            let type = try v.text("service_type")
            guard known.contains(type) else { throw v.error("service_type", "未知的服务类型：\(type)") }
            return EnterpriseServiceType(type: type, label: try v.text("label"),
                                         keywords: row["keywords"].split(separator: "|").map(String.init),
                                         office: try v.text("office"), deadlineDays: try v.int("deadline_days", in: 1...365),
                                         requires: row["requires"].split(separator: "|").map(String.init))
        }
        guard types.contains(where: { $0.type == "other" }) else {
            throw ImportError(file: table.file, line: 1, column: "service_type", message: "需要 other（其他诉求）一行作为兜底")
        }
        return types
    }

    public func serviceType(_ type: String) -> EnterpriseServiceType? { serviceTypes.first { $0.type == type } }

    /// Records a request (and its space listing) durably; returns it with the
    /// space listings it matches.
    public func request(type: String, enterprise: Enterprise, details: EnterpriseRequestDetails, phone: String?,
                        actor: String? = nil) throws -> (request: EnterpriseRequest, matches: [SpaceListing]) {
        let service = serviceType(type) ?? serviceType("other")!
        let now = clock.now
        let due = clock.calendar.date(byAdding: .day, value: service.deadlineDays, to: now)!
        let routedTo = "\(enterprise.partyCommittee) / \(service.office)"
        return try db.write { conn in
            let id = try IdentifierSequence.next(prefix: "QF", on: now, clock: clock, in: conn)
            try conn.execute(
                """
                INSERT INTO enterprise_requests (id, service_type, uscc, enterprise, routed_to, status, amount, details, phone,
                    created_at, due_at, purpose, term_months, programme, headcount, visit_at, updated_at, version)
                VALUES (?, ?, ?, ?, ?, 'accepted', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
                """, [.text(id), .text(service.type), .text(enterprise.uscc), .text(enterprise.name), .text(routedTo),
                      .optional(details.amount), .text(details.text), .optional(phone), .int(now.epoch), .int(due.epoch),
                      .optional(details.purpose), .optional(details.termMonths), .optional(details.programme),
                      .optional(details.headcount), .optional(details.visitAt?.epoch), .int(now.epoch)])
            try Self.history.append(conn, id: id, action: "file", from: nil, to: EnterpriseRequestStatus.accepted.rawValue,
                                    note: service.label, actor: actor, at: now)
            var matches: [SpaceListing] = []
            if let space = details.space {
                let open = try conn.query("SELECT * FROM space_listings WHERE open = 1 AND kind = ? AND direction <> ?",
                                          [.text(space.kind), .text(space.direction.rawValue)]).map(SpaceListing.init(row:))
                matches = matcher.matches(for: space, among: open)
                try conn.execute(
                    """
                    INSERT INTO space_listings (request_id, direction, kind, area, community, place, budget, enterprise, open, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?)
                    """, [.text(id), .text(space.direction.rawValue), .text(space.kind), .real(space.area), .optional(space.community),
                          .optional(space.place), .optional(space.budget), .text(enterprise.name), .int(now.epoch)])
            }
            return (try load(id: id, in: conn)!, matches)
        }
    }

    public func request(id: String) throws -> EnterpriseRequest? {
        try db.read { conn in try load(id: id, in: conn) }
    }

    public func requests(uscc: String) throws -> [EnterpriseRequest] {
        try db.read { conn in
            try conn.query("SELECT * FROM enterprise_requests WHERE uscc = ? ORDER BY created_at DESC, id DESC", [.text(uscc)])
                .map(EnterpriseRequest.init(row:))
        }
    }

    public func history(id: String) throws -> [TicketEvent] {
        try db.read { conn in try Self.history.entries(conn, id: id) }
    }

    /// Moves a request along 受理 → 对接中 → 已办结; a closed space request
    /// takes its listing off the market. Concurrent moves: one wins.
    public func update(id: String, action: EnterpriseRequestAction, note: String?, actor: String?) throws -> EnterpriseRequest {
        try db.write { conn in
            guard let request = try load(id: id, in: conn) else { throw DomainError.requestNotFound(id) }
            guard let next = EnterpriseRequestAction.table.next(from: request.status, action: action) else {
                throw DomainError.illegalTransition(id: id, from: request.status.chinese, action: action.chinese)
            }
            let now = clock.now
            let changed = try conn.execute(
                "UPDATE enterprise_requests SET status = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?",
                [.text(next.rawValue), .int(now.epoch), .text(id), .int(request.version)])
            guard changed == 1 else { throw DomainError.concurrentUpdate(id: id) }
            try conn.execute("UPDATE space_listings SET open = ? WHERE request_id = ?", [.int(next == .closed ? 0 : 1), .text(id)])
            try Self.history.append(conn, id: id, action: action.rawValue, from: request.status.rawValue, to: next.rawValue,
                                    note: note, actor: actor, at: now)
            return try load(id: id, in: conn)!
        }
    }

    private func load(id: String, in conn: any SQLConnection) throws -> EnterpriseRequest? {
        try conn.queryOne("SELECT * FROM enterprise_requests WHERE id = ?", [.text(id)]).map(EnterpriseRequest.init(row:))
    }
}
