import Domain

/// The `data` shapes of CONTRACT §3, one function per domain value.
enum DomainJSON {
    static func person(_ p: GridPlacement.Person) -> JSONValue { ["name": .string(p.name), "phone": .string(p.phone)] }

    static func placement(_ p: GridPlacement) -> JSONValue {
        ["community": .string(p.community), "block_code": .string(p.blockCode), "block": .string(p.block),
         "grid_code": .string(p.gridCode), "grid": .string(p.grid), "building_grid_code": .string(p.buildingGridCode),
         "estate": .string(p.estate), "building": .string(p.building), "grid_worker": person(p.gridWorker),
         "block_leader": person(p.blockLeader), "building_leader": person(p.buildingLeader),
         "community_secretary": person(p.communitySecretary)]
    }

    /// `masked`: in lists the reporter's phone is shown as 138****8000.
    static func ticket(_ t: Ticket, clock: Clock, masked: Bool = false) -> JSONValue {
        ticket(t, clock: clock, now: clock.now, masked: masked)
    }

    /// `ticket` with `overdue` as of `now` (a filing's reply whose bytes were written at `now`).
    static func ticket(_ t: Ticket, clock: Clock, now: Date, masked: Bool = false) -> JSONValue {
        ["id": .string(t.id), "status": .string(t.status.rawValue), "level": .string(t.level), "grade": .string(t.grade),
         "category": .string(t.category), "urgent": .bool(t.urgent), "description": .string(t.description),
         "community": .optional(t.community), "block_code": .optional(t.blockCode), "grid_code": .optional(t.gridCode),
         "building_grid_code": .optional(t.buildingGridCode), "estate": .optional(t.estate), "building": .optional(t.building),
         "assignee": .optional(t.assignee), "assignee_phone": .optional(t.assigneePhone),
         "reporter_phone": .optional(masked ? t.maskedPhone : t.reporterPhone), "anonymous": .bool(t.anonymous),
         "channel": .string(t.channel), "created_at": .string(clock.iso(t.createdAt)), "due_at": .string(clock.iso(t.dueAt)),
         "mediation": .optional(t.mediation), "supervised": .bool(t.supervised), "triage": .bool(t.triage),
         "overdue": .bool(t.isOverdue(at: now)), "round": .int(t.round), "rating": .optional(t.rating?.rawValue)]
    }

    static func booking(_ b: Booking, clock: Clock) -> JSONValue {
        var o: [String: JSONValue] = ["id": .string(b.id), "activity_id": .string(b.activityCode), "name": .string(b.activityName),
                                      "start": .string(clock.iso(b.start)), "party_size": .int(b.partySize), "status": .string(b.status.rawValue),
                                      "phone": .string(b.phone)]
        if let p = b.waitlistPosition { o["waitlist_position"] = .int(p) }
        return .object(o)
    }

    static func session(_ s: ActivitySession, clock: Clock) -> JSONValue {
        ["activity_id": .string(s.activity.code), "name": .string(s.activity.name), "venue_code": .string(s.activity.venueCode),
         "venue": .string(s.activity.venueName), "community": .string(s.activity.community),
         "start": .string(clock.iso(s.start)), "end": .string(clock.iso(s.end)), "capacity": .int(s.activity.capacity),
         "booked": .int(s.booked), "waitlisted": .int(s.waitlisted), "cancelled": .bool(s.cancelled)]
    }

    static func request(_ r: EnterpriseRequest, clock: Clock) -> JSONValue {
        ["id": .string(r.id), "service_type": .string(r.serviceType), "enterprise": .string(r.enterprise), "uscc": .optional(r.uscc),
         "routed_to": .string(r.routedTo), "status": .string(r.status.rawValue), "amount": r.amount.map { .double($0) } ?? .null,
         "term_months": r.termMonths.map { .int($0) } ?? .null, "purpose": .optional(r.purpose), "programme": .optional(r.programme),
         "headcount": r.headcount.map { .int($0) } ?? .null, "visit_at": r.visitAt.map { .string(clock.iso($0)) } ?? .null,
         "created_at": .string(clock.iso(r.createdAt)), "due_at": .string(clock.iso(r.dueAt))]
    }
}

/// Chinese labels for levels and service types in replies.
enum Labels {
    static func level(_ level: String) -> String {
        ["block": "街区", "community": "社区", "subdistrict": "街道", "district": "区级"][level] ?? level
    }

    static func yuan(_ amount: Double) -> String {
        if amount >= 100_000_000, amount.truncatingRemainder(dividingBy: 1_000_000) == 0 { return trim(amount / 100_000_000) + "亿元" }
        if amount >= 10_000, amount.truncatingRemainder(dividingBy: 100) == 0 { return trim(amount / 10_000) + "万元" }
        return trim(amount) + "元"
    }

    private static func trim(_ d: Double) -> String {
        d == d.rounded() ? String(Int64(d)) : String(format: "%.2f", d).replacingOccurrences(of: #"\.?0+$"#, with: "", options: .regularExpression)
    }
}

import Foundation
