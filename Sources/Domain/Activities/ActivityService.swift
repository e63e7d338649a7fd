import Foundation

/// Catalogue, search and booking of the 亲邻之家 activities.
///
/// Capacity is enforced by the database, not by this process: a seat is taken
/// with one conditional `UPDATE … SET booked = booked + n WHERE booked + n <=
/// capacity`, so concurrent bookings (threads, or server processes sharing the
/// database) can never exceed it.
public struct ActivityService: Sendable {
    let db: any SQLDatabase
    let clock: Clock

    public init(db: any SQLDatabase, clock: Clock) {
        self.db = db
        self.clock = clock
    }

    static let activitySelect = """
        SELECT a.*, v.name AS venue_name, v.community AS community, v.estate AS venue_estate, v.open_hours AS open_hours
        FROM activities a JOIN venues v ON v.venue_code = a.venue_code
        """

    /// All activities, in code order.
    public func allActivities() throws -> [Activity] {
        try db.read { conn in
            try conn.query(Self.activitySelect + " ORDER BY a.activity_code").map(Activity.init(row:))
        }
    }

    public func activity(code: String) throws -> Activity? {
        try db.read { conn in
            try conn.queryOne(Self.activitySelect + " WHERE a.activity_code = ?", [.text(code)]).map(Activity.init(row:))
        }
    }

    /// Activities whose name or kind contains `term` (书法 finds 书法培训班), in a
    /// community when given.
    public func activities(matching term: String?, community: String? = nil) throws -> [Activity] {
        try activities(ActivityFilter(term: term, community: community))
    }

    /// Activities that pass every part of `filter`, in code order.
    public func activities(_ filter: ActivityFilter) throws -> [Activity] {
        try allActivities().filter(filter.accepts)
    }

    /// The sessions of `activities` starting in `[from, to)`, with seats taken
    /// and waiting-list lengths filled in, in time order.
    public func sessions(of activities: [Activity], from: Date, to: Date) throws -> [ActivitySession] {
        var sessions = activities.flatMap { $0.sessions(from: from, to: to, calendar: clock.calendar) }
        sessions.sort { ($0.start, $0.activity.code) < ($1.start, $1.activity.code) }
        let counts = try db.read { conn -> [String: SQLRow] in
            let rows = try conn.query(
                """
                SELECT s.activity_code, s.start_at, s.booked, s.cancelled,
                       (SELECT COUNT(*) FROM bookings b WHERE b.activity_code = s.activity_code
                          AND b.start_at = s.start_at AND b.status = 'waitlisted') AS waitlisted
                FROM activity_sessions s WHERE s.start_at >= ? AND s.start_at < ?
                """, [.int(from.epoch), .int(to.epoch)])
            return Dictionary(rows.map { ("\($0.string("activity_code"))@\($0.int("start_at"))", $0) }, uniquingKeysWith: { a, _ in a })
        }
        for i in sessions.indices {
            if let row = counts["\(sessions[i].activity.code)@\(sessions[i].start.epoch)"] {
                sessions[i].booked = row.int("booked")
                sessions[i].waitlisted = row.int("waitlisted")
                sessions[i].cancelled = row.int("cancelled") != 0
            }
        }
        return sessions
    }

    /// Books `partySize` seats of the session of `activityCode` at `start`.
    /// Full sessions put the booking on the waiting list.
    public func book(activityCode: String, start: Date, partySize: Int, name: String?, phone: String) throws -> Booking {
        guard let activity = try activity(code: activityCode) else { throw DomainError.unknownActivity(activityCode) }
        let day = CalendarDay(start, calendar: clock.calendar)
        guard activity.sessionStart(on: day, calendar: clock.calendar) == start else {
            throw DomainError.noSessionOn(activity: activity.name, day: clock.display(start, withTime: false))
        }
        guard start > clock.now else { throw DomainError.sessionStarted(activity: activity.name) }
        guard partySize >= 1 else { throw DomainError.invalidPartySize }
        guard partySize <= activity.maxParty else { throw DomainError.partyTooLarge(activity: activity.name, maxParty: activity.maxParty) }
        let session = ActivitySession(activity: activity, start: start)
        let now = clock.now
        return try db.write { conn in
            let key: [SQLValue] = [.text(activity.code), .int(start.epoch)]
            try conn.execute(
                """
                INSERT INTO activity_sessions (activity_code, start_at, end_at, capacity, booked, cancelled)
                VALUES (?, ?, ?, ?, 0, 0) ON CONFLICT (activity_code, start_at) DO NOTHING
                """, key + [.int(session.end.epoch), .int(activity.capacity)])
            if try conn.queryOne("SELECT cancelled FROM activity_sessions WHERE activity_code = ? AND start_at = ?", key)?.int("cancelled") == 1 {
                throw DomainError.sessionCancelled(activity: activity.name)
            }
            if let existing = try conn.queryOne(
                "SELECT id FROM bookings WHERE phone = ? AND activity_code = ? AND start_at = ? AND status <> 'cancelled'",
                [.text(phone)] + key) {
                throw DomainError.duplicateBooking(existing: existing.string("id"))
            }
            if let clash = try conn.queryOne(
                """
                SELECT b.id, a.name FROM bookings b JOIN activities a ON a.activity_code = b.activity_code
                WHERE b.phone = ? AND b.status <> 'cancelled' AND b.start_at < ? AND b.end_at > ?
                """, [.text(phone), .int(session.end.epoch), .int(start.epoch)]) {
                throw DomainError.overlappingBooking(existing: clash.string("id"), activity: clash.string("name"))
            }
            let seated = try conn.execute(
                """
                UPDATE activity_sessions SET booked = booked + ?
                WHERE activity_code = ? AND start_at = ? AND booked + ? <= capacity
                """, [.int(partySize)] + key + [.int(partySize)])
            let status: Booking.Status = seated == 1 ? .confirmed : .waitlisted
            let id = try IdentifierSequence.next(prefix: "YY", on: now, clock: clock, in: conn)
            try conn.execute(
                """
                INSERT INTO bookings (id, activity_code, start_at, end_at, party_size, name, phone, status, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [.text(id)] + key + [.int(session.end.epoch), .int(partySize), .optional(name), .text(phone),
                                          .text(status.rawValue), .int(now.epoch), .int(now.epoch)])
            return try loadBooking(id: id, in: conn)!
        }
    }

    /// Cancels a booking; returns it and the waiting-list bookings moved up.
    public func cancel(bookingID: String) throws -> (booking: Booking, promoted: [Booking]) {
        try db.write { conn in
            guard let booking = try loadBooking(id: bookingID, in: conn) else { throw DomainError.bookingNotFound(bookingID) }
            guard booking.status != .cancelled else { throw DomainError.bookingAlreadyCancelled(bookingID) }
            guard booking.start > clock.now else { throw DomainError.sessionStarted(activity: booking.activityName) }
            try conn.execute("UPDATE bookings SET status = 'cancelled', updated_at = ? WHERE id = ?",
                             [.int(clock.now.epoch), .text(bookingID)])
            let key: [SQLValue] = [.text(booking.activityCode), .int(booking.start.epoch)]
            var promoted: [Booking] = []
            if booking.status == .confirmed {
                try conn.execute("UPDATE activity_sessions SET booked = booked - ? WHERE activity_code = ? AND start_at = ?",
                                 [.int(booking.partySize)] + key)
                promoted = try promoteWaitlist(key: key, in: conn)
            }
            return (try loadBooking(id: bookingID, in: conn)!, promoted)
        }
    }

    /// Moves up, in order, every waiting booking that fits the seats now free.
    func promoteWaitlist(key: [SQLValue], in conn: any SQLConnection) throws -> [Booking] {
        let waiting = try conn.query(
            "SELECT id, party_size FROM bookings WHERE activity_code = ? AND start_at = ? AND status = 'waitlisted' ORDER BY created_at, id", key)
        var promoted: [Booking] = []
        for row in waiting {
            let size = row.int("party_size")
            let seated = try conn.execute(
                "UPDATE activity_sessions SET booked = booked + ? WHERE activity_code = ? AND start_at = ? AND booked + ? <= capacity",
                [.int(size)] + key + [.int(size)])
            guard seated == 1 else { continue }
            try conn.execute("UPDATE bookings SET status = 'confirmed', updated_at = ? WHERE id = ?",
                             [.int(clock.now.epoch), .text(row.string("id"))])
            let booking = try loadBooking(id: row.string("id"), in: conn)!
            try recordNotice(bookingID: booking.id, kind: "promoted", phone: booking.phone,
                             message: "您候补的\(booking.activityName)（\(clock.display(booking.start))）已递补为正式预约，预约号 \(booking.id)。",
                             in: conn)
            promoted.append(booking)
        }
        return promoted
    }

    /// A phone's bookings that are not cancelled, soonest first; past ones too when `includePast`.
    public func bookings(phone: String, includePast: Bool = false) throws -> [Booking] {
        try db.read { conn in
            let ids = try conn.query(
                "SELECT id FROM bookings WHERE phone = ? AND status <> 'cancelled' AND (? = 1 OR start_at > ?) ORDER BY start_at, id",
                [.text(phone), .int(includePast ? 1 : 0), .int(clock.now.epoch)])
            return try ids.compactMap { try loadBooking(id: $0.string("id"), in: conn) }
        }
    }

    /// A phone's active booking of the session at `start` of `activityCode`.
    public func booking(phone: String, activityCode: String, start: Date) throws -> Booking? {
        try bookings(phone: phone).first { $0.activityCode == activityCode && $0.start == start }
    }

    public func booking(id: String) throws -> Booking? {
        try db.read { conn in try loadBooking(id: id, in: conn) }
    }

    func loadBooking(id: String, in conn: any SQLConnection) throws -> Booking? {
        guard let row = try conn.queryOne(
            "SELECT b.*, a.name AS activity_name FROM bookings b JOIN activities a ON a.activity_code = b.activity_code WHERE b.id = ?",
            [.text(id)]) else { return nil }
        let status = Booking.Status(rawValue: row.string("status")) ?? .cancelled
        var position: Int? = nil
        if status == .waitlisted {
            position = try conn.queryOne(
                """
                SELECT COUNT(*) AS n FROM bookings WHERE activity_code = ? AND start_at = ? AND status = 'waitlisted'
                AND (created_at < ? OR (created_at = ? AND id <= ?))
                """, [.text(row.string("activity_code")), .int(row.int("start_at")), .int(row.int("created_at")),
                      .int(row.int("created_at")), .text(id)])?.int("n")
        }
        return Booking(id: id, activityCode: row.string("activity_code"), activityName: row.string("activity_name"),
                       start: Date(timeIntervalSince1970: TimeInterval(row.int("start_at"))),
                       end: Date(timeIntervalSince1970: TimeInterval(row.int("end_at"))),
                       partySize: row.int("party_size"), name: row.optionalString("name"), phone: row.string("phone"),
                       status: status, waitlistPosition: position)
    }
}
