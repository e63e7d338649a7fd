import Foundation

/// A recurring activity at a 亲邻之家, one row of `activities.csv`.
public struct Activity: Sendable, Equatable {
    public var code: String
    public var name: String
    public var kind: String
    public var venueCode: String
    public var venueName: String
    public var community: String
    /// The estate the venue stands in, and its opening hours (`09:00-21:00`).
    public var venueEstate: String
    public var venueOpenHours: String
    public var schedule: Schedule
    /// `HH:MM` local start time.
    public var startTime: String
    public var minutes: Int
    public var capacity: Int
    public var audience: String
    public var host: String
    public var maxParty: Int
    public var from: CalendarDay
    public var until: CalendarDay

    init(row: SQLRow) {
        code = row.string("activity_code")
        name = row.string("name")
        kind = row.string("kind")
        venueCode = row.string("venue_code")
        venueName = row.string("venue_name")
        community = row.string("community")
        venueEstate = row.string("venue_estate")
        venueOpenHours = row.string("open_hours")
        schedule = Schedule(row.string("schedule")) ?? .weekly([])
        startTime = row.string("start_time")
        minutes = row.int("minutes")
        capacity = row.int("capacity")
        audience = row.string("audience")
        host = row.string("host")
        maxParty = row.int("max_party")
        from = CalendarDay(row.string("from_date"))!
        until = CalendarDay(row.string("until_date"))!
    }

    /// The session's start on `day`, if the activity meets that day.
    public func sessionStart(on day: CalendarDay, calendar: Calendar) -> Date? {
        guard day >= from, day <= until, schedule.occurs(on: day, calendar: calendar) else { return nil }
        let parts = startTime.split(separator: ":").compactMap { Int($0) }
        return calendar.date(byAdding: DateComponents(hour: parts[0], minute: parts[1]), to: day.start(in: calendar))
    }

    /// Every session starting in `[start, end)`.
    public func sessions(from start: Date, to end: Date, calendar: Calendar) -> [ActivitySession] {
        var result: [ActivitySession] = []
        var day = CalendarDay(start, calendar: calendar)
        let last = CalendarDay(end, calendar: calendar)
        while day <= last {
            if let s = sessionStart(on: day, calendar: calendar), s >= start, s < end {
                result.append(ActivitySession(activity: self, start: s))
            }
            day = day.adding(days: 1, calendar: calendar)
        }
        return result
    }
}

/// One dated meeting of an activity.
public struct ActivitySession: Sendable, Equatable {
    public var activity: Activity
    public var start: Date
    public var end: Date { start.addingTimeInterval(TimeInterval(activity.minutes * 60)) }
    /// Seats taken by confirmed bookings.
    public var booked: Int = 0
    /// Bookings on the waiting list.
    public var waitlisted: Int = 0
    public var cancelled: Bool = false

    public init(activity: Activity, start: Date) {
        self.activity = activity
        self.start = start
    }

    public var seatsLeft: Int { max(0, activity.capacity - booked) }
}

/// A booking of a session.
public struct Booking: Sendable, Equatable {
    public enum Status: String, Sendable {
        case confirmed, waitlisted, cancelled
    }

    public var id: String
    public var activityCode: String
    public var activityName: String
    public var start: Date
    public var end: Date
    public var partySize: Int
    public var name: String?
    public var phone: String
    public var status: Status
    /// Position on the waiting list (1 = next), when waitlisted.
    public var waitlistPosition: Int?
}
