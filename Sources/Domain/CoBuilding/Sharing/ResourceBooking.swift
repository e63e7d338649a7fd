import Foundation

/// A resident's booking (`YD…`) of places of a shared resource for one of its
/// openings: a car-park space tonight, the meeting room on Saturday.
public struct ResourceBooking: Sendable, Equatable {
    public enum Status: String, Sendable { case confirmed, waitlisted, cancelled }

    public var id: String
    public var resourceID: String
    public var resourceName: String
    public var start: Date
    public var end: Date
    public var places: Int
    public var name: String?
    public var phone: String
    /// A car's plate, when the resource is a car park.
    public var plate: String?
    public var status: Status
    public var waitlistPosition: Int?
}

/// Booking shared resources by opening, with the same rules as activity
/// sessions (`CapacityLedger`): never over the resource's quantity, one
/// booking per phone and opening, no two overlapping bookings per phone, a
/// waiting list that moves up in order when places are freed.
public struct ResourceSharing: Sendable {
    let db: any SQLDatabase
    let clock: Clock
    let lists: CoBuildingLists
    static let ledger = CapacityLedger(slots: "resource_slots", bookings: "resource_bookings", key: "resource_id")

    public init(db: any SQLDatabase, clock: Clock) {
        self.db = db
        self.clock = clock
        lists = CoBuildingLists(db: db, clock: clock)
    }

    /// The opening of `resourceID` that starts on `day`.
    public func opening(resourceID: String, on day: CalendarDay) throws -> (resource: SharedResource, start: Date, end: Date) {
        guard let resource = try lists.resource(id: resourceID) else { throw CoBuildingError.resourceNotFound(resourceID) }
        guard let (start, end) = resource.window.opening(on: day, calendar: clock.calendar) else {
            throw CoBuildingError.closedOn(resource: resource.name, day: clock.display(day.start(in: clock.calendar), withTime: false),
                                           window: resource.window.description)
        }
        return (resource, start, end)
    }

    /// Books `places` of the opening of `resourceID` on `day`; a full opening puts the booking on the waiting list.
    public func book(resourceID: String, on day: CalendarDay, places: Int = 1, name: String?, phone: String, plate: String?) throws -> ResourceBooking {
        let (resource, start, end) = try opening(resourceID: resourceID, on: day)
        guard start > clock.now else { throw CoBuildingError.openingStarted(resource: resource.name) }
        guard places >= 1 else { throw CoBuildingError.invalidQuantity }
        guard places <= resource.quantity else { throw CoBuildingError.tooMany(resource: resource.name, capacity: resource.quantity) }
        let now = clock.now, ledger = Self.ledger
        return try db.write { conn in
            try ledger.ensureSlot(code: resource.id, start: start.epoch, end: end.epoch, capacity: resource.quantity, in: conn)
            if let existing = try ledger.existing(phone: phone, code: resource.id, start: start.epoch, in: conn) {
                throw CoBuildingError.duplicateBooking(existing: existing)
            }
            if let clash = try ledger.overlapping(phone: phone, start: start.epoch, end: end.epoch, in: conn) {
                let other = try conn.queryOne("SELECT name FROM cobuild_resources WHERE id = ?", [.text(clash.code)])?.string("name") ?? clash.code
                throw CoBuildingError.overlappingBooking(existing: clash.id, resource: other)
            }
            let seated = try ledger.take(places, code: resource.id, start: start.epoch, in: conn)
            let id = try IdentifierSequence.next(prefix: "YD", on: now, clock: clock, in: conn)
            try conn.execute(
                """
                INSERT INTO resource_bookings (id, resource_id, start_at, end_at, party_size, name, phone, plate, status, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [.text(id), .text(resource.id), .int(start.epoch), .int(end.epoch), .int(places), .optional(name), .text(phone),
                      .optional(plate), .text(seated ? "confirmed" : "waitlisted"), .int(now.epoch), .int(now.epoch)])
            return try load(id: id, in: conn)!
        }
    }

    /// Cancels a booking; returns it and the waiting bookings moved up.
    public func cancel(bookingID: String) throws -> (booking: ResourceBooking, promoted: [ResourceBooking]) {
        try db.write { conn in
            guard let booking = try load(id: bookingID, in: conn) else { throw CoBuildingError.bookingNotFound(bookingID) }
            guard booking.status != .cancelled else { throw CoBuildingError.bookingAlreadyCancelled(bookingID) }
            guard booking.start > clock.now else { throw CoBuildingError.openingStarted(resource: booking.resourceName) }
            let promoted = try Self.ledger.cancel(id: bookingID, code: booking.resourceID, start: booking.start.epoch, places: booking.places,
                                                  wasConfirmed: booking.status == .confirmed, at: clock.now.epoch, in: conn)
                .compactMap { try load(id: $0, in: conn) }
            return (try load(id: bookingID, in: conn)!, promoted)
        }
    }

    public func booking(id: String) throws -> ResourceBooking? {
        try db.read { conn in try load(id: id, in: conn) }
    }

    /// Places taken and bookings waiting for one opening.
    public func occupancy(resourceID: String, start: Date) throws -> (booked: Int, capacity: Int, waiting: Int) {
        try db.read { conn in
            let slot = try conn.queryOne("SELECT booked, capacity FROM resource_slots WHERE resource_id = ? AND start_at = ?",
                                         [.text(resourceID), .int(start.epoch)])
            let waiting = try conn.queryOne(
                "SELECT COUNT(*) AS n FROM resource_bookings WHERE resource_id = ? AND start_at = ? AND status = 'waitlisted'",
                [.text(resourceID), .int(start.epoch)])?.int("n") ?? 0
            return (slot?.int("booked") ?? 0, slot?.int("capacity") ?? 0, waiting)
        }
    }

    func load(id: String, in conn: any SQLConnection) throws -> ResourceBooking? {
        guard let row = try conn.queryOne(
            "SELECT b.*, r.name AS resource_name FROM resource_bookings b JOIN cobuild_resources r ON r.id = b.resource_id WHERE b.id = ?",
            [.text(id)]) else { return nil }
        let status = ResourceBooking.Status(rawValue: row.string("status")) ?? .cancelled
        let position = status == .waitlisted
            ? try Self.ledger.waitlistPosition(id: id, code: row.string("resource_id"), start: row.int("start_at"), createdAt: row.int("created_at"), in: conn)
            : nil
        return ResourceBooking(id: id, resourceID: row.string("resource_id"), resourceName: row.string("resource_name"),
                               start: Date(timeIntervalSince1970: TimeInterval(row.int("start_at"))),
                               end: Date(timeIntervalSince1970: TimeInterval(row.int("end_at"))), places: row.int("party_size"),
                               name: row.optionalString("name"), phone: row.string("phone"), plate: row.optionalString("plate"),
                               status: status, waitlistPosition: position)
    }
}
