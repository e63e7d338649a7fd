import Foundation

/// The enterprise registry and service requests, routed to the firm's party
/// committee and the office for the service type.
public struct EnterpriseService: Sendable {
    let db: any SQLDatabase
    let clock: Clock
    public let serviceTypes: [EnterpriseServiceType]

    public init(db: any SQLDatabase, clock: Clock, serviceTypes: [EnterpriseServiceType]) {
        self.db = db
        self.clock = clock
        self.serviceTypes = serviceTypes
    }

    public static func loadServiceTypes(from directory: URL) throws -> [EnterpriseServiceType] {
        let table = try CSVTable.load(directory.appendingPathComponent("enterprise_services.csv"))
        try table.require(["service_type", "label", "keywords", "office", "deadline_days"])
        let known = ["financing", "policy", "tax", "hiring", "space", "license", "visit", "other"]
        return try table.rows.map { row in
            let v = RowValidator(table: table, row: row)
            let type = try v.text("service_type")
            guard known.contains(type) else { throw v.error("service_type", "未知的服务类型：\(type)") }
            return EnterpriseServiceType(type: type, label: try v.text("label"),
                                         keywords: row["keywords"].split(separator: "|").map(String.init),
                                         office: try v.text("office"), deadlineDays: try v.int("deadline_days", in: 1...365))
        }
    }

    public func serviceType(_ type: String) -> EnterpriseServiceType? { serviceTypes.first { $0.type == type } }

    public func allEnterprises() throws -> [Enterprise] {
        try db.read { conn in try conn.query("SELECT * FROM enterprises ORDER BY name").map(Enterprise.init(row:)) }
    }

    public func enterprise(uscc: String) throws -> Enterprise? {
        try db.read { conn in try conn.queryOne("SELECT * FROM enterprises WHERE uscc = ?", [.text(uscc)]).map(Enterprise.init(row:)) }
    }

    public func enterprises(phone: String) throws -> [Enterprise] {
        try db.read { conn in try conn.query("SELECT * FROM enterprises WHERE contact_phone = ?", [.text(phone)]).map(Enterprise.init(row:)) }
    }

    /// Firms whose full or short name occurs in `text` (longest first).
    public func enterprises(mentionedIn text: String) throws -> [Enterprise] {
        try allEnterprises().filter { text.contains($0.name) || text.contains($0.shortName) }
            .sorted { $0.name.count > $1.name.count }
    }

    /// Records a request; durable before it returns.
    public func request(type: String, enterprise: Enterprise, amount: Double?, details: String, phone: String?) throws -> EnterpriseRequest {
        let service = serviceType(type) ?? serviceType("other")!
        let now = clock.now
        let due = clock.calendar.date(byAdding: .day, value: service.deadlineDays, to: now)!
        let routedTo = "\(enterprise.partyCommittee) / \(service.office)"
        return try db.write { conn in
            let id = try IdentifierSequence.next(prefix: "QF", on: now, clock: clock, in: conn)
            try conn.execute(
                """
                INSERT INTO enterprise_requests (id, service_type, uscc, enterprise, routed_to, status, amount, details, phone, created_at, due_at)
                VALUES (?, ?, ?, ?, ?, 'accepted', ?, ?, ?, ?, ?)
                """, [.text(id), .text(service.type), .text(enterprise.uscc), .text(enterprise.name), .text(routedTo),
                      .optional(amount), .text(details), .optional(phone), .int(now.epoch), .int(due.epoch)])
            return try conn.queryOne("SELECT * FROM enterprise_requests WHERE id = ?", [.text(id)]).map(EnterpriseRequest.init(row:))!
        }
    }

    public func request(id: String) throws -> EnterpriseRequest? {
        try db.read { conn in
            try conn.queryOne("SELECT * FROM enterprise_requests WHERE id = ?", [.text(id)]).map(EnterpriseRequest.init(row:))
        }
    }

    public func requests(uscc: String) throws -> [EnterpriseRequest] {
        try db.read { conn in
            try conn.query("SELECT * FROM enterprise_requests WHERE uscc = ? ORDER BY created_at DESC, id DESC", [.text(uscc)])
                .map(EnterpriseRequest.init(row:))
        }
    }
}
