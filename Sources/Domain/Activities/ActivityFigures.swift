import Foundation

/// Activity figures for `统计`: sessions held so far, seats booked, and
/// attendance (confirmed seats) by community and by kind.
public struct ActivityFigures: Sendable, Equatable {
    /// Sessions of the catalogue that started before now and were not cancelled.
    public var sessionsHeld = 0
    public var sessionsCancelled = 0
    /// Confirmed seats, all sessions.
    public var seatsBooked = 0
    public var seatsWaitlisted = 0
    public var seatsByCommunity: [String: Int] = [:]
    public var seatsByKind: [String: Int] = [:]
}

extension ActivityService {
    public func figures() throws -> ActivityFigures {
        var f = ActivityFigures()
        let activities = try allActivities()
        let earliest = activities.map { $0.from.start(in: clock.calendar) }.min() ?? clock.now
        let cancelled = try db.read { conn in
            Set(try conn.query("SELECT activity_code, start_at FROM session_cancellations").map { "\($0.string("activity_code"))@\($0.int("start_at"))" })
        }
        for session in activities.flatMap({ $0.sessions(from: earliest, to: clock.now, calendar: clock.calendar) }) {
            if cancelled.contains("\(session.activity.code)@\(session.start.epoch)") { f.sessionsCancelled += 1 } else { f.sessionsHeld += 1 }
        }
        try db.read { conn in
            let rows = try conn.query(
                """
                SELECT b.status, a.kind, v.community, SUM(b.party_size) AS seats
                FROM bookings b JOIN activities a ON a.activity_code = b.activity_code JOIN venues v ON v.venue_code = a.venue_code
                WHERE b.status IN ('confirmed', 'waitlisted') GROUP BY b.status, a.kind, v.community
                """)
            for row in rows {
                let seats = row.int("seats")
                if row.string("status") == "waitlisted" { f.seatsWaitlisted += seats; continue }
                f.seatsBooked += seats
                f.seatsByCommunity[row.string("community"), default: 0] += seats
                f.seatsByKind[row.string("kind"), default: 0] += seats
            }
        }
        return f
    }
}
