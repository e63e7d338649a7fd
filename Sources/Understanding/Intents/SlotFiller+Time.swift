/// Which time a line means when it says several: a correction, a day with its clock said
/// later, a finer time after a coarse one, and what is still to come for a booking.
extension SlotFiller {
    /// The time the line means: the first said, unless a correction follows it and
    /// another time after that (明天下午的 嗯 不是 是下周日下午两点 → 下周日下午两点).
    func time(_ analysis: Analysis) -> Entity? {
        // By index: walking the entities by value copied each one (its strings retained and released).
        let entities = analysis.entities
        var firstIndex: Int? = nil, more = false
        for k in entities.indices where entities[k].type == .time {
            if firstIndex == nil { firstIndex = k } else { more = true; break }
        }
        guard let firstIndex else { return nil }
        let first = entities[firstIndex]
        guard more else { return first }
        if let later = corrected(first, analysis) { return Self.dayWithLaterClock(later, analysis) ?? later }
        if let joined = Self.dayWithLaterClock(first, analysis) { return joined }
        // 这个月坏了三回了…今天早上八点又停了: a coarse time (a month, a year) gives way to a finer one said later.
        guard Self.isCoarse(first.grain) else { return first }
        return analysis.entities.first { $0.type == .time && !Self.isCoarse($0.grain) } ?? first
    }

    /// Whether `grain` is coarse (a month, a year), compared rather than looked up in a set of strings (hashed per time).
    static func isCoarse(_ grain: String?) -> Bool {
        guard let grain else { return false }
        return grain == "month" || grain == "year"
    }

    /// 12月5号健康义诊帮我登记一下，9点开始那个: a day, and a clock time said later on its own
    /// (which alone resolves to today), are one time — the clock on that day.
    /// The same day said again later with its hour (明天都要加班…明天下午四点半的课后托管) is that finer time.
    static func dayWithLaterClock(_ day: Entity, _ analysis: Analysis) -> Entity? {
        guard day.grain == "day", let dayValue = day.value.stringValue, dayValue.utf8.count >= 10 else { return nil }
        if let finer = analysis.entities.first(where: { $0.type == .time && $0.start >= day.end && $0.grain != "day"
                                                        && $0.value.stringValue?.prefix(10) == dayValue.prefix(10) }) {
            return finer
        }
        guard
              let clock = analysis.entities.first(where: { $0.type == .time && $0.start >= day.end && isBareClock($0.text) }),
              let clockValue = clock.value.stringValue, clockValue.utf8.count > 10 else { return nil }
        var joined = clock
        joined.value = .string(String(dayValue.prefix(10)) + String(clockValue.dropFirst(10)))
        joined.valueEnd = clock.valueEnd.map { String(dayValue.prefix(10)) + String($0.dropFirst(10)) }
        return joined
    }

    /// A clock time, perhaps with its part of the day, and no day (9点, 十点半, 15:30, 下午四点半).
    static func isBareClock(_ text: String) -> Bool {
        var scalars = Substring(text).unicodeScalars[...]
        if let part = partsOfDay.first(where: { text.hasPrefix($0) }) { scalars = scalars.dropFirst(part.unicodeScalars.count) }
        return scalars.contains { $0 == "点" || $0 == ":" || $0 == "时" }
            && scalars.allSatisfy { PhoneExtractor.isDigit($0) || ChineseNumber.isNumeralScalar($0) || clockMarks.contains($0) }
    }

    static let partsOfDay = ["早上", "上午", "中午", "下午", "傍晚", "晚上"]

    static let clockMarks: Set<Unicode.Scalar> = ["点", "时", "分", "半", "刻", "整", "钟", ":", "多"]

    /// For what is still to come (a session to book or cancel, a slot to use): a day already past
    /// gives way to a later time that is not (我老伴昨天晚上发烧了，明天那场太极拳去不了: 明天).
    func upcomingTime(_ analysis: Analysis) -> Entity? {
        guard let chosen = time(analysis) else { return nil }
        guard let context = analysis.context, let today = UpcomingDay.isoDay(of: context), Self.isBefore(chosen, today) else { return chosen }
        return analysis.entities.first { $0.type == .time && $0.start > chosen.start && !Self.isBefore($0, today) } ?? chosen
    }

    /// Whether the time's day is before `today` (yyyy-mm-dd prefixes compare as dates).
    private static func isBefore(_ time: Entity, _ today: String) -> Bool {
        guard let value = time.value.stringValue, value.utf8.count >= 10 else { return false }
        return value.utf8.prefix(10).lexicographicallyPrecedes(today.utf8)
    }
}
