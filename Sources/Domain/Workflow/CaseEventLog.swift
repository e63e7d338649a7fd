import Foundation

/// The history of a case — a grievance ticket (`GL…`) or an enterprise
/// request (`QF…`): one row per move, numbered per case, written in the same
/// transaction as the move itself. Both kinds share the `ticket_events` table
/// (its `ticket_id` column holds any case id; the prefixes never collide).
public enum CaseEventLog {
    public static func append(_ conn: any SQLConnection, caseID: String, action: String, from: String?, to: String,
                              note: String?, actor: String?, at: Date) throws {
        let seq = (try conn.queryOne("SELECT COUNT(*) AS n FROM ticket_events WHERE ticket_id = ?", [.text(caseID)])?.int("n") ?? 0) + 1
        try conn.execute(
            "INSERT INTO ticket_events (ticket_id, seq, at, action, from_status, to_status, note, actor) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [.text(caseID), .int(seq), .int(at.epoch), .text(action), .optional(from), .text(to), .optional(note), .optional(actor)])
    }

    public static func history(_ conn: any SQLConnection, caseID: String) throws -> [TicketEvent] {
        try conn.query("SELECT * FROM ticket_events WHERE ticket_id = ? ORDER BY seq", [.text(caseID)]).map { row in
            TicketEvent(seq: row.int("seq"), at: Date(timeIntervalSince1970: TimeInterval(row.int("at"))),
                        action: row.string("action"), fromStatus: row.optionalString("from_status"),
                        toStatus: row.string("to_status"), note: row.optionalString("note"), actor: row.optionalString("actor"))
        }
    }
}
