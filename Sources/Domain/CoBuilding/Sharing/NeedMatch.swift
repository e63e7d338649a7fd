import Foundation

/// A recorded match (`PP…`): who provides what to which need, and when.
public struct NeedMatch: Sendable, Equatable {
    public var id: String
    public var needID: String
    public var provider: MatchCandidate.Provider
    public var providerID: String
    public var unitCode: String
    public var unitName: String
    /// What is provided, as told to the operator: 地下停车场车位 36 个.
    public var provides: String
    /// When it is provided (the provider's window).
    public var window: String
    public var createdAt: Date
    /// Set when the match was undone (撤销匹配); the record stays.
    public var withdrawnAt: Date?

    init(row: SQLRow) {
        id = row.string("id")
        needID = row.string("need_id")
        provider = MatchCandidate.Provider(rawValue: row.string("provider_kind")) ?? .resource
        providerID = row.string("provider_id")
        unitCode = row.string("unit_code")
        unitName = row.string("unit_name")
        provides = row.string("provides")
        window = row.string("open_window")
        createdAt = Date(timeIntervalSince1970: TimeInterval(row.int("created_at")))
        withdrawnAt = row.optionalInt("withdrawn_at").map { Date(timeIntervalSince1970: TimeInterval($0)) }
    }

    static let select = "SELECT m.*, u.name AS unit_name FROM cobuild_matches m JOIN cobuild_units u ON u.unit_code = m.unit_code"
}

extension CoBuildingLists {
    /// The resources and services that fit a need, best first.
    public func candidates(needID: String) throws -> (need: Need, candidates: [MatchCandidate]) {
        guard let need = try need(id: needID) else { throw CoBuildingError.needNotFound(needID) }
        return (need, NeedMatcher.rank(need, resources: try resources(CoBuildingFilter()), services: try services(CoBuildingFilter())))
    }

    /// Records that `providerID` (a `ZY…` resource or an `FW-…` service)
    /// meets the need, and moves the need 待匹配 → 已匹配, in one transaction.
    public func recordMatch(needID: String, providerID: String, by actor: String? = nil) throws -> (need: Need, match: NeedMatch) {
        let provider: (kind: MatchCandidate.Provider, unit: String, provides: String, window: String)
        if let r = try resource(id: providerID) {
            provider = (.resource, r.unitCode, "\(r.name) \(r.quantity) \(r.measure)", r.window.description)
        } else if let s = try service(id: providerID) {
            provider = (.service, s.unitCode, "\(s.name)（每次 \(s.capacity) 人）", s.window.description)
        } else {
            throw CoBuildingError.providerNotFound(providerID)
        }
        let now = clock.now
        return try db.write { conn in
            try move(needID: needID, action: .match, note: providerID, actor: actor, at: now, in: conn)
            let id = try IdentifierSequence.next(prefix: "PP", on: now, clock: clock, in: conn)
            try conn.execute(
                """
                INSERT INTO cobuild_matches (id, need_id, provider_kind, provider_id, unit_code, provides, open_window, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [.text(id), .text(needID), .text(provider.kind.rawValue), .text(providerID), .text(provider.unit),
                      .text(provider.provides), .text(provider.window), .int(now.epoch), .optional(actor)])
            let need = try conn.queryOne("SELECT * FROM cobuild_needs WHERE id = ?", [.text(needID)]).map(Need.init(row:))!
            return (need, try conn.queryOne(NeedMatch.select + " WHERE m.id = ?", [.text(id)]).map(NeedMatch.init(row:))!)
        }
    }

    /// 办结 (已匹配 → 已解决) or 撤销匹配 (已匹配 → 待匹配, the match kept as withdrawn).
    public func update(needID: String, action: NeedAction, note: String? = nil, by actor: String? = nil) throws -> Need {
        let now = clock.now
        return try db.write { conn in
            try move(needID: needID, action: action, note: note, actor: actor, at: now, in: conn)
            if action == .reopen {
                try conn.execute("UPDATE cobuild_matches SET withdrawn_at = ? WHERE need_id = ? AND withdrawn_at IS NULL", [.int(now.epoch), .text(needID)])
            }
            return try conn.queryOne("SELECT * FROM cobuild_needs WHERE id = ?", [.text(needID)]).map(Need.init(row:))!
        }
    }

    /// The matches recorded for a need, oldest first.
    public func matches(needID: String) throws -> [NeedMatch] {
        try db.read { conn in try conn.query(NeedMatch.select + " WHERE m.need_id = ? ORDER BY m.created_at, m.id", [.text(needID)]).map(NeedMatch.init(row:)) }
    }

    /// One move of the loop: checked against the table, then a conditional
    /// update on the status read, so of two concurrent moves only one applies.
    func move(needID: String, action: NeedAction, note: String?, actor: String?, at now: Date, in conn: any SQLConnection) throws {
        guard let row = try conn.queryOne("SELECT status FROM cobuild_needs WHERE id = ?", [.text(needID)]) else {
            throw CoBuildingError.needNotFound(needID)
        }
        let from = NeedStatus(rawValue: row.string("status")) ?? .open
        guard let to = NeedAction.transitions.next(from: from, action: action) else {
            throw CoBuildingError.illegalNeedMove(id: needID, status: from.chinese, action: action.chinese)
        }
        let changed = try conn.execute("UPDATE cobuild_needs SET status = ?, updated_at = ? WHERE id = ? AND status = ?",
                                       [.text(to.rawValue), .int(now.epoch), .text(needID), .text(from.rawValue)])
        guard changed == 1 else { throw StorageError.conflict(needID) }
        try Self.needHistory.append(conn, id: needID, action: action.rawValue, from: from.rawValue, to: to.rawValue, note: note, actor: actor, at: now)
    }
}
