import Foundation

/// A weekday of this week said to an intent that looks ahead (`SlotSpec.upcoming`).
///
/// The time extractor reads 这周四 as this calendar week's Thursday, even when
/// it has passed (a resident telling when something happened). Said on a
/// Sunday to book a class, every author of a held-out set meant the coming
/// Thursday: a booking, a search for sessions or a meeting is never for a day
/// gone by. So for such slots a this-week weekday before today moves a week on.
enum UpcomingDay {
    /// `value` (an ISO 8601 time the extractor gave for `said`), a week later
    /// when `said` names a weekday of this week and `value` is before today.
    static func value(_ value: String, said: String, context: ParseContext?) -> String {
        moved(value, said: said, context: context) ? weekLater(value) ?? value : value
    }

    /// Whether `value` moves (see `value(_:said:context:)`).
    static func moved(_ value: String, said: String, context: ParseContext?) -> Bool {
        guard let context, namesThisWeeksDay(said), let today = isoDay(of: context) else { return false }
        // yyyy-mm-dd prefixes compare as dates.
        return value.utf8.count >= 10 && value.utf8.prefix(10).lexicographicallyPrecedes(today.utf8)
    }

    /// 这周四, 本周三, 这个礼拜六, 这星期五 (not 这周末, not a bare 周四).
    static func namesThisWeeksDay(_ text: String) -> Bool {
        let s = Array(text.unicodeScalars)
        for i in s.indices {
            guard let (k, weeks) = TimeScan.match(s, i, TimeDates.weekModifiers), weeks == 0,
                  let (e, _) = TimeScan.match(s, k, TimeDates.weekWords), e < s.count,
                  TimeDates.weekdayNames[s[e]] != nil else { continue }
            return true
        }
        return false
    }

    /// The same ISO 8601 time seven days later (clock and offset kept).
    static func weekLater(_ iso: String) -> String? { daysLater(iso, 7) }

    /// The same ISO 8601 time `days` days later (clock and offset kept).
    static func daysLater(_ iso: String, _ days: Int) -> String? {
        guard let day = localDay(iso) else { return nil }
        let c = day.adding(days).civil
        return isoDay(c.year, c.month, c.day) + iso.dropFirst(10)
    }

    /// The local day of an ISO 8601 time (yyyy-mm-dd…).
    static func localDay(_ iso: String) -> LocalDay? {
        let parts = iso.prefix(10).split(separator: "-")
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        return LocalDay(year: y, month: m, day: d)
    }

    /// Today in the context's zone, as the time extractor reads it (`TimeExtractor.Context`):
    /// civil-date arithmetic, not a Foundation `Calendar` made and asked per line (a
    /// per cent of a parse in a profile, for every line with a time to a booking).
    static func isoDay(of context: ParseContext) -> String? {
        let c = TimeExtractor.Context(context).today.civil
        return isoDay(c.year, c.month, c.day)
    }

    /// yyyy-mm-dd, written as ten ASCII bytes in one small String (padding and joining five
    /// strings showed in a count of allocations: asked for every time slot filled).
    static func isoDay(_ year: Int, _ month: Int, _ day: Int) -> String {
        guard ISODigits.fits(year: year, month: month, day: day) else {
            return ISODigits.padded(year, 4) + "-" + ISODigits.padded(month) + "-" + ISODigits.padded(day)
        }
        return String(unsafeUninitializedCapacity: 10) { b in
            ISODigits.putDay(year: year, month: month, day: day, into: b)
            return 10
        }
    }
}
