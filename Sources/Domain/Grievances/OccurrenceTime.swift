import Foundation

/// When a reported problem happened, from the time the caller said. Times are
/// read forward for bookings (早上7点 said at 09:00 is tomorrow 07:00), but a
/// problem has already happened: a time within the next day is the same clock
/// time a day earlier (装修噪音早上7点就开钻 → this morning 07:00); a time further
/// ahead is no occurrence at all and is not recorded.
public enum OccurrenceTime {
    public static func past(_ said: Date?, now: Date) -> Date? {
        guard let said else { return nil }
        if said <= now { return said }
        let dayEarlier = said.addingTimeInterval(-86_400)
        return dayEarlier <= now ? dayEarlier : nil
    }
}
