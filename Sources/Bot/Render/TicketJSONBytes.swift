import Domain
import Foundation

/// `DomainJSON.ticket` written straight to JSON bytes: the same members in the same
/// (sorted) order as rendering the `JSONValue`, without building and sorting a
/// dictionary of 26 members. A filing's reply is made once per ticket on the group
/// committer's thread, where that dictionary and its rendering were ≈10 % of a
/// ticket's CPU (docs/PERFORMANCE.md). `TicketJSONBytesTests` compares the two.
enum TicketJSONBytes {
    /// `{"ticket":{…}}`: a filing's `data`, with `overdue` as of `now`.
    static func filed(_ t: Ticket, clock: Clock, now: Date) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(768 + t.description.utf8.count)
        writeFiled(t, clock: clock, now: now, to: &out)
        return out
    }

    /// `filed`'s bytes appended to `out` (the reply's JSON head, written in place: no copy).
    static func writeFiled(_ t: Ticket, clock: Clock, now: Date, to out: inout [UInt8]) {
        out += #"{"ticket":"#.utf8
        write(t, clock: clock, now: now, to: &out)
        out.append(UInt8(ascii: "}"))
    }

    /// One ticket's object, members in key order (as `JSONValue.write` sorts them).
    static func write(_ t: Ticket, clock: Clock, now: Date, masked: Bool = false, to out: inout [UInt8]) {
        out += #"{"anonymous":"#.utf8
        bool(t.anonymous, &out)
        out += #","assignee":"#.utf8
        optional(t.assignee, &out)
        out += #","assignee_phone":"#.utf8
        optional(t.assigneePhone, &out)
        out += #","block_code":"#.utf8
        optional(t.blockCode, &out)
        out += #","building":"#.utf8
        optional(t.building, &out)
        out += #","building_grid_code":"#.utf8
        optional(t.buildingGridCode, &out)
        out += #","category":"#.utf8
        JSONValue.writeString(t.category, to: &out)
        out += #","channel":"#.utf8
        JSONValue.writeString(t.channel, to: &out)
        out += #","community":"#.utf8
        optional(t.community, &out)
        out += #","created_at":"#.utf8
        date(t.createdAt, clock, &out)
        out += #","description":"#.utf8
        JSONValue.writeString(t.description, to: &out)
        out += #","due_at":"#.utf8
        date(t.dueAt, clock, &out)
        out += #","estate":"#.utf8
        optional(t.estate, &out)
        out += #","grade":"#.utf8
        JSONValue.writeString(t.grade, to: &out)
        out += #","grid_code":"#.utf8
        optional(t.gridCode, &out)
        out += #","id":"#.utf8
        JSONValue.writeString(t.id, to: &out)
        out += #","level":"#.utf8
        JSONValue.writeString(t.level, to: &out)
        out += #","mediation":"#.utf8
        optional(t.mediation, &out)
        out += #","overdue":"#.utf8
        bool(t.isOverdue(at: now), &out)
        out += #","rating":"#.utf8
        optional(t.rating?.rawValue, &out)
        out += #","reporter_phone":"#.utf8
        optional(masked ? t.maskedPhone : t.reporterPhone, &out)
        out += #","round":"#.utf8
        out += String(t.round).utf8
        out += #","status":"#.utf8
        JSONValue.writeString(t.status.rawValue, to: &out)
        out += #","supervised":"#.utf8
        bool(t.supervised, &out)
        out += #","triage":"#.utf8
        bool(t.triage, &out)
        out += #","urgent":"#.utf8
        bool(t.urgent, &out)
        out.append(UInt8(ascii: "}"))
    }

    /// `JSONValue.string(clock.iso(date))` written without the string (ISO dates need no escape).
    private static func date(_ date: Date, _ clock: Clock, _ out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        clock.writeISO(date, to: &out)
        out.append(UInt8(ascii: "\""))
    }

    private static func bool(_ value: Bool, _ out: inout [UInt8]) {
        out += (value ? "true" : "false").utf8
    }

    private static func optional(_ value: String?, _ out: inout [UInt8]) {
        if let value { JSONValue.writeString(value, to: &out) } else { out += "null".utf8 }
    }
}
