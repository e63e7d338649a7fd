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
        let s = Array(said.unicodeScalars)
        if isBareClock(s) { return UpcomingDay.daysLater(value, -1) ?? value }
        if isBareWeekday(s) { return UpcomingDay.daysLater(value, -7) ?? value }
        return value
    }

    /// A clock time with perhaps its part of the day and no day (早上七点多, 凌晨三点, 8点).
    static func isBareClock(_ s: [Unicode.Scalar]) -> Bool {
        var rest = s[...]
        if let part = parts.first(where: { rest.starts(with: $0) }) { rest = rest.dropFirst(part.count) }
        return rest.contains { $0 == "点" || $0 == ":" || $0 == "时" }
            && rest.allSatisfy { PhoneExtractor.isDigit($0) || ChineseNumber.isNumeralScalar($0) || SlotFiller.clockMarks.contains($0) }
    }

    /// A weekday with no 这 / 下 / 上 before it (周五, 礼拜三下午), perhaps with its part of the day and clock.
    static func isBareWeekday(_ s: [Unicode.Scalar]) -> Bool {
        guard let (end, _) = TimeScan.match(s, 0, TimeDates.weekWords), end < s.count,
              TimeDates.weekdayNames[s[end]] != nil else { return false }
        let rest = Array(s[(end + 1)...])
        return rest.isEmpty || parts.contains(where: { rest == $0 }) || isBareClock(rest)
    }

    static let parts: [[Unicode.Scalar]] = ["凌晨", "早上", "早晨", "上午", "中午", "下午", "傍晚", "晚上", "夜里", "半夜"]
        .map { Array($0.unicodeScalars) }
}
