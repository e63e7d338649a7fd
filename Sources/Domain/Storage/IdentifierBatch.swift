/// Ids issued inside one write transaction that holds the database's write lock from
/// its start (a SQLite group commit: `BEGIN IMMEDIATE`): the counter row of a prefix
/// and day is bumped once, by the first id, and later ids of the batch count on in
/// memory; `flush` writes the last value issued back before the COMMIT. One statement
/// per batch instead of an upsert per ticket (≈3 % of a filing's CPU, docs/PERFORMANCE.md).
///
/// Safe because no other writer — thread or process — can touch the row between the
/// first bump and the flush: they wait for the write lock, and see the flushed value.
/// A write rolled back alone (its savepoint) takes its ids back (`rollBack(to:)`), as when
/// each id bumped the row; the flush never lowers the row, so no committed id is reissued.
/// Engines whose connections give no batch (PostgreSQL) bump the row for every id.
///
/// Not thread-safe: one transaction, one thread.
public final class IdentifierBatch {
    fileprivate struct Held {
        var prefix: String
        var day: String
        /// The value the row was bumped to by the first id.
        var bumped: Int
        var last: Int
    }

    private var held: [String: Held] = [:]

    public init() {}

    /// The next value of `prefix` on `day` within this transaction.
    func next(prefix: String, day: String, in conn: any SQLConnection) throws -> Int {
        let key = prefix + "\u{1F}" + day
        if var h = held[key] {
            h.last += 1
            held[key] = h
            return h.last
        }
        let value = try IdentifierSequence.bump(prefix: prefix, day: day, in: conn)
        held[key] = Held(prefix: prefix, day: day, bumped: value, last: value)
        return value
    }

    /// What has been issued so far, to go back to when a write is rolled back alone.
    public struct Mark {
        fileprivate let held: [String: Held]
    }

    public func mark() -> Mark { Mark(held: held) }

    /// Forgets the ids issued since `mark` (their write's savepoint was rolled back, and with it
    /// any bump of a row it made).
    public func rollBack(to mark: Mark) { held = mark.held }

    /// Writes the last value issued for each prefix and day where ids were counted in
    /// memory (never lowering the row), and forgets them: call it inside the transaction,
    /// before COMMIT, and before anything else writes the counter rows.
    public func flush(_ conn: any SQLConnection) throws {
        defer { held.removeAll() }
        for h in held.values where h.last > h.bumped {
            try conn.execute(
                "UPDATE id_counters SET last_value = ? WHERE prefix = ? AND day = ? AND last_value < ?",
                [.int(h.last), .text(h.prefix), .text(h.day), .int(h.last)])
        }
    }
}
