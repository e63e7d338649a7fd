/// The booking rules shared by activity sessions and shared co-building
/// resources, over a pair of tables shaped alike:
///
/// - a slot table `(<key>, start_at, end_at, capacity, booked, cancelled)`, one row per opening;
/// - a booking table `(id, <key>, start_at, end_at, party_size, phone, status, created_at, updated_at, …)`.
///
/// Capacity is enforced by the database, not by this process: a place is
/// taken with one conditional `UPDATE … SET booked = booked + n WHERE booked +
/// n <= capacity`, so concurrent bookings (threads, or server processes
/// sharing the database) never exceed it. A booking that does not fit waits;
/// freed places go to the waiting bookings in order. Every call runs inside
/// the caller's write transaction.
public struct CapacityLedger: Sendable {
    public let slots: String
    public let bookings: String
    /// The column naming what is booked (`activity_code`, `resource_id`).
    public let key: String

    public init(slots: String, bookings: String, key: String) {
        self.slots = slots
        self.bookings = bookings
        self.key = key
    }

    /// The slot of `code` at `start`, created with `capacity` when it is new.
    public func ensureSlot(code: String, start: Int, end: Int, capacity: Int, in conn: any SQLConnection) throws {
        try conn.execute(
            """
            INSERT INTO \(slots) (\(key), start_at, end_at, capacity, booked, cancelled)
            VALUES (?, ?, ?, ?, 0, 0) ON CONFLICT (\(key), start_at) DO NOTHING
            """, [.text(code), .int(start), .int(end), .int(capacity)])
    }

    public func isCancelled(code: String, start: Int, in conn: any SQLConnection) throws -> Bool {
        try conn.queryOne("SELECT cancelled FROM \(slots) WHERE \(key) = ? AND start_at = ?", [.text(code), .int(start)])?.int("cancelled") == 1
    }

    /// The id of `phone`'s active booking of this slot, if any.
    public func existing(phone: String, code: String, start: Int, in conn: any SQLConnection) throws -> String? {
        try conn.queryOne(
            "SELECT id FROM \(bookings) WHERE phone = ? AND \(key) = ? AND start_at = ? AND status <> 'cancelled'",
            [.text(phone), .text(code), .int(start)])?.string("id")
    }

    /// `phone`'s first active booking in `[start, end)` of any slot of this ledger: `(id, key)`.
    public func overlapping(phone: String, start: Int, end: Int, in conn: any SQLConnection) throws -> (id: String, code: String)? {
        try conn.queryOne(
            """
            SELECT id, \(key) AS code FROM \(bookings) WHERE phone = ? AND status <> 'cancelled' AND start_at < ? AND end_at > ?
            ORDER BY start_at, id
            """, [.text(phone), .int(end), .int(start)]).map { ($0.string("id"), $0.string("code")) }
    }

    /// Takes `count` places if they are free; false when the slot is full.
    public func take(_ count: Int, code: String, start: Int, in conn: any SQLConnection) throws -> Bool {
        try conn.execute(
            "UPDATE \(slots) SET booked = booked + ? WHERE \(key) = ? AND start_at = ? AND booked + ? <= capacity",
            [.int(count), .text(code), .int(start), .int(count)]) == 1
    }

    public func release(_ count: Int, code: String, start: Int, in conn: any SQLConnection) throws {
        try conn.execute("UPDATE \(slots) SET booked = booked - ? WHERE \(key) = ? AND start_at = ?",
                         [.int(count), .text(code), .int(start)])
    }

    /// Cancels booking `id`: marks it, frees its places when it held them, and
    /// moves waiting bookings up; returns the ids moved up.
    public func cancel(id: String, code: String, start: Int, places: Int, wasConfirmed: Bool, at now: Int,
                       in conn: any SQLConnection) throws -> [String] {
        try conn.execute("UPDATE \(bookings) SET status = 'cancelled', updated_at = ? WHERE id = ?", [.int(now), .text(id)])
        guard wasConfirmed else { return [] }
        try release(places, code: code, start: start, in: conn)
        return try promoteWaiting(code: code, start: start, at: now, in: conn)
    }

    /// Moves up, in order, every waiting booking that fits the places now
    /// free, marking each confirmed; returns their ids.
    public func promoteWaiting(code: String, start: Int, at now: Int, in conn: any SQLConnection) throws -> [String] {
        let waiting = try conn.query(
            "SELECT id, party_size FROM \(bookings) WHERE \(key) = ? AND start_at = ? AND status = 'waitlisted' ORDER BY created_at, id",
            [.text(code), .int(start)])
        var promoted: [String] = []
        for row in waiting where try take(row.int("party_size"), code: code, start: start, in: conn) {
            try conn.execute("UPDATE \(bookings) SET status = 'confirmed', updated_at = ? WHERE id = ?", [.int(now), .text(row.string("id"))])
            promoted.append(row.string("id"))
        }
        return promoted
    }

    /// 1-based place of a waiting booking in its slot's queue.
    public func waitlistPosition(id: String, code: String, start: Int, createdAt: Int, in conn: any SQLConnection) throws -> Int {
        try conn.queryOne(
            """
            SELECT COUNT(*) AS n FROM \(bookings) WHERE \(key) = ? AND start_at = ? AND status = 'waitlisted'
            AND (created_at < ? OR (created_at = ? AND id <= ?))
            """, [.text(code), .int(start), .int(createdAt), .int(createdAt), .text(id)])?.int("n") ?? 0
    }
}
