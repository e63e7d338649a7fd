import Foundation

/// Issues ids like `GL20261129-0001`: prefix, local date, a per-day sequence
/// of at least four digits. The counter row is bumped inside the caller's
/// write transaction, so ids are unique across restarts and across server
/// processes sharing one database, and an aborted write takes its id back.
public enum IdentifierSequence {
    public static func next(prefix: String, on date: Date, clock: Clock, in conn: any SQLConnection) throws -> String {
        try next(prefix: prefix, day: clock.dayStamp(date), in: conn)
    }

    /// The next id of `prefix` on `day` (`20261129`).
    public static func next(prefix: String, day: String, in conn: any SQLConnection) throws -> String {
        let value = try conn.identifiers.map { try $0.next(prefix: prefix, day: day, in: conn) }
            ?? bump(prefix: prefix, day: day, in: conn)
        let digits = String(value)
        let padded = String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        return "\(prefix)\(day)-\(padded)"
    }

    /// Bumps the counter row of `prefix` on `day` (creating it at 1); the new value.
    static func bump(prefix: String, day: String, in conn: any SQLConnection) throws -> Int {
        let rows = try conn.query(
            """
            INSERT INTO id_counters (prefix, day, last_value) VALUES (?, ?, 1)
            ON CONFLICT (prefix, day) DO UPDATE SET last_value = id_counters.last_value + 1
            RETURNING last_value
            """, [.text(prefix), .text(day)])
        return rows.first?.int("last_value") ?? 1
    }

    /// Records that `id` (`ZY20261020-0003`, loaded from a file) is taken, so
    /// the sequence never issues it again.
    public static func noteIssued(_ id: String, in conn: any SQLConnection) throws {
        let parts = id.split(separator: "-")
        guard parts.count == 2, parts[0].count == 10, let value = Int(parts[1]) else { return }
        // Ids counted in memory go to the rows first, so that this only ever raises them.
        try conn.identifiers?.flush(conn)
        try conn.execute(
            """
            INSERT INTO id_counters (prefix, day, last_value) VALUES (?, ?, ?)
            ON CONFLICT (prefix, day) DO UPDATE SET last_value = CASE WHEN id_counters.last_value < excluded.last_value
                THEN excluded.last_value ELSE id_counters.last_value END
            """, [.text(String(parts[0].prefix(2))), .text(String(parts[0].dropFirst(2))), .int(value)])
    }
}
