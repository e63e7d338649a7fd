import Foundation

/// The three lists of the 大党委 (三张清单): resources the member units
/// offer, services they run, and residents' needs — recorded and searched by
/// community, kind and time.
public struct CoBuildingLists: Sendable {
    let db: any SQLDatabase
    let clock: Clock
    static let needHistory = StatusHistory(table: "cobuild_need_events", key: "need_id")

    public init(db: any SQLDatabase, clock: Clock) {
        self.db = db
        self.clock = clock
    }

    public func unit(code: String) throws -> CoBuildingUnit? {
        try db.read { conn in try conn.queryOne("SELECT * FROM cobuild_units WHERE unit_code = ?", [.text(code)]).map(CoBuildingUnit.init(row:)) }
    }

    /// Member units, in code order; in a community when given.
    public func units(community: String? = nil) throws -> [CoBuildingUnit] {
        try db.read { conn in
            try conn.query("SELECT * FROM cobuild_units WHERE (? = '' OR community = ?) ORDER BY unit_code",
                           [.text(community ?? ""), .text(community ?? "")]).map(CoBuildingUnit.init(row:))
        }
    }

    public func resource(id: String) throws -> SharedResource? {
        try db.read { conn in try conn.queryOne(SharedResource.select + " WHERE r.id = ?", [.text(id)]).map(SharedResource.init(row:)) }
    }

    /// Resources that pass `filter`, in id order. An unknown unit in the filter is an error, not an empty list.
    public func resources(_ filter: CoBuildingFilter) throws -> [SharedResource] {
        try checkUnit(filter)
        return try db.read { conn in try conn.query(SharedResource.select + " ORDER BY r.id").map(SharedResource.init(row:)) }
            .filter { filter.accepts($0.offer) }
    }

    public func service(id: String) throws -> CommunityService? {
        try db.read { conn in try conn.queryOne(CommunityService.select + " WHERE s.id = ?", [.text(id)]).map(CommunityService.init(row:)) }
    }

    /// Services that pass `filter`, in id order. An unknown unit in the filter is an error.
    public func services(_ filter: CoBuildingFilter) throws -> [CommunityService] {
        try checkUnit(filter)
        return try db.read { conn in try conn.query(CommunityService.select + " ORDER BY s.id").map(CommunityService.init(row:)) }
            .filter { filter.accepts($0.offer) }
    }

    private func checkUnit(_ filter: CoBuildingFilter) throws {
        if let code = filter.unitCode, try unit(code: code) == nil { throw CoBuildingError.unknownUnit(code) }
    }

    public func need(id: String) throws -> Need? {
        try db.read { conn in try conn.queryOne("SELECT * FROM cobuild_needs WHERE id = ?", [.text(id)]).map(Need.init(row:)) }
    }

    /// Needs that pass `filter` (status too), oldest first.
    public func needs(_ filter: CoBuildingFilter) throws -> [Need] {
        try db.read { conn in try conn.query("SELECT * FROM cobuild_needs ORDER BY created_at, id").map(Need.init(row:)) }
            .filter { $0.status == (filter.status ?? $0.status)
                && filter.accepts(community: $0.community, kind: $0.kind, name: $0.description, place: $0.place, unit: nil, window: $0.window) }
    }

    /// A need's moves, oldest first.
    public func history(needID: String) throws -> [StatusHistory.Entry] {
        try db.read { conn in try Self.needHistory.entries(conn, id: needID) }
    }

    /// Records a resource a unit offers; returns it with its new `ZY…` id.
    public func addResource(unitCode: String, kind: String, name: String?, quantity: Int, measure: String, place: String?,
                            window: WeeklyWindow, mode: String, by actor: String? = nil) throws -> SharedResource {
        guard let unit = try unit(code: unitCode) else { throw CoBuildingError.unknownUnit(unitCode) }
        guard quantity >= 1, quantity <= 100_000 else { throw CoBuildingError.invalidQuantity }
        guard SharedResource.modes.contains(mode) else { throw CoBuildingError.invalidMode(mode) }
        guard window.weeklyMinutes > 0 else { throw CoBuildingError.invalidWindow(window.description) }
        let now = clock.now
        return try db.write { conn in
            let id = try IdentifierSequence.next(prefix: "ZY", on: now, clock: clock, in: conn)
            try conn.execute(
                """
                INSERT INTO cobuild_resources (id, unit_code, kind, name, quantity, measure, community, place, open_window, mode, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [.text(id), .text(unit.code), .text(kind), .text(name ?? kind), .int(quantity), .text(measure), .text(unit.community),
                      .text(place ?? unit.estate), .text(window.description), .text(mode), .int(now.epoch), .optional(actor)])
            return try conn.queryOne(SharedResource.select + " WHERE r.id = ?", [.text(id)]).map(SharedResource.init(row:))!
        }
    }

    /// Records a residents' need as 待匹配; returns it with its new `XQ…` id.
    /// `source` is the channel it came from (热线, 入户走访 …).
    public func addNeed(community: String, place: String?, kind: String, description: String, window: WeeklyWindow?,
                        name: String? = nil, phone: String? = nil, source: String = "热线", by actor: String? = nil) throws -> Need {
        guard !description.trimmingCharacters(in: .whitespaces).isEmpty else { throw CoBuildingError.missing("需求内容") }
        return try db.write { conn in
            try insertNeed(community: community, place: place, kind: kind, description: description, window: window, name: name,
                           phone: phone, source: source, actor: actor, in: conn)
        }
    }

    /// An unsettled need of `kind` that a visit to `household` registered earlier
    /// (visit needs are described as "household：what was found").
    func openNeed(community: String, kind: String, household: String, in conn: any SQLConnection) throws -> Need? {
        let prefix = household + "："
        return try conn.query(
            """
            SELECT * FROM cobuild_needs WHERE community = ? AND kind = ? AND status IN ('open', 'matched') AND source = ?
            ORDER BY created_at, id
            """, [.text(community), .text(kind), .text(VisitService.channel)]
        ).map(Need.init(row:)).first { $0.description.hasPrefix(prefix) }
    }

    /// The insert of `addNeed`, inside a caller's transaction (a visit files its needs with the visit).
    func insertNeed(community: String, place: String?, kind: String, description: String, window: WeeklyWindow?, name: String?,
                    phone: String?, source: String, actor: String?, in conn: any SQLConnection) throws -> Need {
        let now = clock.now
        let id = try IdentifierSequence.next(prefix: "XQ", on: now, clock: clock, in: conn)
        try conn.execute(
            """
            INSERT INTO cobuild_needs (id, community, place, kind, description, wanted_window, status, source, name, phone,
                                       created_at, updated_at, created_by)
            VALUES (?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?)
            """, [.text(id), .text(community), .optional(place), .text(kind), .text(description), .optional(window?.description),
                  .text(source), .optional(name), .optional(phone), .int(now.epoch), .int(now.epoch), .optional(actor)])
        try Self.needHistory.append(conn, id: id, action: "add", from: nil, to: NeedStatus.open.rawValue, note: source, actor: actor, at: now)
        return try conn.queryOne("SELECT * FROM cobuild_needs WHERE id = ?", [.text(id)]).map(Need.init(row:))!
    }
}
