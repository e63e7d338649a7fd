import Foundation

/// Catalogue, search and booking of the 亲邻之家 activities.
///
/// Capacity, duplicates, overlaps and the waiting list follow the rules shared
/// with co-building resources (`CapacityLedger`): a seat is taken with one
/// conditional `UPDATE … SET booked = booked + n WHERE booked + n <=
/// capacity`, so concurrent bookings (threads, or server processes sharing the
/// database) can never exceed it.
public struct ActivityService: Sendable {
    let db: any SQLDatabase
    let clock: Clock
    static let ledger = CapacityLedger(slots: "activity_sessions", bookings: "bookings", key: "activity_code")

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
        let ledger = Self.ledger
        return try db.write { conn in
            let key: [SQLValue] = [.text(activity.code), .int(start.epoch)]
            try ledger.ensureSlot(code: activity.code, start: start.epoch, end: session.end.epoch, capacity: activity.capacity, in: conn)
            if try ledger.isCancelled(code: activity.code, start: start.epoch, in: conn) {
                throw DomainError.sessionCancelled(activity: activity.name)
            }
            if let existing = try ledger.existing(phone: phone, code: activity.code, start: start.epoch, in: conn) {
                throw DomainError.duplicateBooking(existing: existing)
            }
            if let clash = try ledger.overlapping(phone: phone, start: start.epoch, end: session.end.epoch, in: conn) {
                let name = try conn.queryOne("SELECT name FROM activities WHERE activity_code = ?", [.text(clash.code)])?.string("name")
                throw DomainError.overlappingBooking(existing: clash.id, activity: name ?? clash.code)
            }
            let seated = try ledger.take(partySize, code: activity.code, start: start.epoch, in: conn)
            let status: Booking.Status = seated ? .confirmed : .waitlisted
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
            let promoted = try Self.ledger.cancel(id: bookingID, code: booking.activityCode, start: booking.start.epoch, places: booking.partySize,
                                                  wasConfirmed: booking.status == .confirmed, at: clock.now.epoch, in: conn)
                .map { try notifyPromoted(id: $0, in: conn) }
            return (try loadBooking(id: bookingID, in: conn)!, promoted)
        }
    }

    /// Moves up, in order, every waiting booking that fits the seats now free.
    /// Each one moved up gets a notice recorded.
    func promoteWaitlist(code: String, start: Int, in conn: any SQLConnection) throws -> [Booking] {
        try Self.ledger.promoteWaiting(code: code, start: start, at: clock.now.epoch, in: conn).map { try notifyPromoted(id: $0, in: conn) }
    }

    /// Records the notice to the resident of a booking just moved up from the waiting list.
    func notifyPromoted(id: String, in conn: any SQLConnection) throws -> Booking {
        let booking = try loadBooking(id: id, in: conn)!
        try recordNotice(bookingID: booking.id, kind: "promoted", phone: booking.phone,
                         message: "您候补的\(booking.activityName)（\(clock.display(booking.start))）已递补为正式预约，预约号 \(booking.id)。",
                         in: conn)
        return booking
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
            position = try Self.ledger.waitlistPosition(id: id, code: row.string("activity_code"), start: row.int("start_at"),
                                                        createdAt: row.int("created_at"), in: conn)
        }
        return Booking(id: id, activityCode: row.string("activity_code"), activityName: row.string("activity_name"),
                       start: Date(timeIntervalSince1970: TimeInterval(row.int("start_at"))),
                       end: Date(timeIntervalSince1970: TimeInterval(row.int("end_at"))),
                       partySize: row.int("party_size"), name: row.optionalString("name"), phone: row.string("phone"),
                       status: status, waitlistPosition: position)
    }
}
