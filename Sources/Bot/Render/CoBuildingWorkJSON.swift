import Domain

/// The `data` shapes of the co-building intents (meetings, volunteers, visits), documented in docs/CO-BUILDING.md.
enum CoBuildingWorkJSON {
    static func meeting(_ m: Meeting, _ procedure: MeetingProcedure, clock: Clock) -> JSONValue {
        ["id": .string(m.id), "kind": .string(m.kind), "topic": .string(m.topic), "community": .string(m.community),
         "place": .string(m.place), "participants": .string(m.participants), "start": .string(clock.iso(m.startsAt)),
         "status": .string(m.status), "status_name": .string(procedure.statusName(m.status)),
         "step": m.status == MeetingProcedure.cancelled ? .null : .int(procedure.step(m.status)?.order ?? 0),
         "next_steps": .array(procedure.nextSteps(after: m.status).map { .string($0.code) }),
         "created_at": .string(clock.iso(m.createdAt))]
    }

    static func decision(_ d: MeetingDecision, clock: Clock) -> JSONValue {
        ["seq": .int(d.seq), "text": .string(d.text), "decided_at": .string(clock.iso(d.decidedAt)),
         "links": .array(d.links.map { l in
             ["kind": .string(l.kind.rawValue), "id": .string(l.id), "outcome": .string(l.outcome.rawValue), "status": .optional(l.status)]
         })]
    }

    static func visit(_ v: Visit, clock: Clock) -> JSONValue {
        ["id": .string(v.id), "pairing": .string(v.pairingCode), "member": .string(v.member), "community": .string(v.community),
         "household": .string(v.household), "visited_at": .string(clock.iso(v.visitedAt)), "notes": .optional(v.notes),
         "needs": .array(v.needs.map { n in
             ["description": .string(n.description), "kind": .string(n.kind),
              "ticket_id": .optional(n.isNeed ? nil : n.targetId), "need_id": .optional(n.isNeed ? n.targetId : nil)]
         })]
    }

    static func task(_ t: VolunteerTask, clock: Clock) -> JSONValue {
        ["id": .string(t.id), "title": .string(t.title), "community": .string(t.community), "place": .string(t.place),
         "skill": .optional(t.skill), "start": .string(clock.iso(t.startsAt)), "end": .string(clock.iso(t.endsAt)),
         "headcount": .int(t.headcount), "signed": .int(t.signed)]
    }

    static func volunteer(_ v: Volunteer) -> JSONValue {
        ["code": .string(v.code), "name": .string(v.name), "phone": .string(v.phone), "team": .string(v.teamCode),
         "community": .string(v.community), "skills": .array(v.skills.map { .string($0) }), "availability": .string(v.availability)]
    }
}

/// Shared wording for the co-building replies.
enum CoBuildingWorkText {
    /// `12月5日（周六）09:00–12:00`
    static func window(_ from: Date, _ to: Date, clock: Clock) -> String {
        let c = clock.calendar.dateComponents([.hour, .minute], from: to)
        return clock.display(from) + String(format: "–%02d:%02d", c.hour!, c.minute!)
    }

    static func hours(_ h: Double) -> String {
        h == h.rounded() ? "\(Int(h)) 小时" : String(format: "%.1f 小时", h)
    }

    /// The names of `candidates` said in `text`, longest first (a team name before a member's).
    static func said(_ candidates: [String], in text: String) -> [String] {
        candidates.filter { !$0.isEmpty && text.contains($0) }.sorted { $0.count > $1.count }
    }

    /// `[from, to)` from a time slot and its end: a day said alone is the whole day.
    static func period(_ r: IntentRequest, defaultHours: Double) -> (Date, Date)? {
        guard let from = r.string("time").flatMap(Clock.parseISO) else { return nil }
        if let to = r.string("time_end").flatMap(Clock.parseISO), to > from { return (from, to) }
        let c = r.clock.calendar.dateComponents([.hour, .minute], from: from)
        if c.hour == 0 && c.minute == 0 { return (from, from.addingTimeInterval(86_400)) }
        return (from, from.addingTimeInterval(defaultHours * 3600))
    }
}

import Foundation
