import Foundation

/// Issues ids like `GL20261129-0001`: prefix, local date, a per-day sequence
/// of at least four digits. The counter row is bumped inside the caller's
/// write transaction, so ids are unique across restarts and across server
/// processes sharing one database, and an aborted write takes its id back.
public enum IdentifierSequence {
    public static func next(prefix: String, on date: Date, clock: Clock, in conn: any SQLConnection) throws -> String {
        let day = clock.dayStamp(date)
        let rows = try conn.query(
            """
            INSERT INTO id_counters (prefix, day, last_value) VALUES (?, ?, 1)
            ON CONFLICT (prefix, day) DO UPDATE SET last_value = id_counters.last_value + 1
            RETURNING last_value
            """, [.text(prefix), .text(day)])
        let value = rows.first?.int("last_value") ?? 1
        let digits = String(value)
        let padded = String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        return "\(prefix)\(day)-\(padded)"
    }
}
