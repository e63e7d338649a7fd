/// A time said to an intent that tells what happened (`SlotSpec.past`): a grievance's
/// time, a visit's.
///
/// The time extractor looks ahead: a bare clock time already past today is
/// tomorrow's (三点 said at nine in the morning: 15:00 today; 早上七点 said at nine:
/// tomorrow 07:00), and a bare weekday is the next one on or after today. That
/// suits a booking. Told as what happened (从早上八点就开始电钻, 凌晨三点电梯卡住了,
/// 周五去了松茂花园), it is the last one: today's clock time, the past week's day.
enum PastDay {
    /// `value` (the ISO 8601 time the extractor gave for `said`), moved back to the
    /// last such time when `said` names no day and `value` lies after today.
    static func value(_ value: String, said: String, context: ParseContext?) -> String {
        guard let context, let today = UpcomingDay.isoDay(of: context), value.utf8.count >= 10,
              today.utf8.lexicographicallyPrecedes(value.utf8.prefix(10)) else { return value }
        if SlotFiller.isBareClock(said, parts: parts) { return UpcomingDay.daysLater(value, -1) ?? value }
        if isBareWeekday(Array(said.unicodeScalars)) { return UpcomingDay.daysLater(value, -7) ?? value }
        return value
    }

    /// A weekday with no 这 / 下 / 上 before it (周五, 礼拜三下午), perhaps with its part of the day and clock.
    static func isBareWeekday(_ s: [Unicode.Scalar]) -> Bool {
        guard let (end, _) = TimeScan.match(s, 0, TimeDates.weekWords), end < s.count,
              TimeDates.weekdayNames[s[end]] != nil else { return false }
        let rest = ScalarString.make(s[(end + 1)...])
        return rest.isEmpty || parts.contains(rest) || SlotFiller.isBareClock(rest, parts: parts)
    }

    /// The parts of the day a bare clock may start with: the slot filler's, and the night's (凌晨三点).
    static let parts = ["凌晨", "早上", "早晨", "上午", "中午", "下午", "傍晚", "晚上", "夜里", "半夜"]
}
