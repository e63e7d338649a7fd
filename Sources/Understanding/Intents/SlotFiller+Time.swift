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
        var first = entities[firstIndex]
        guard more else { return first }
        if let later = corrected(first, analysis) { return Self.dayWithLaterClock(later, analysis) ?? later }
        // 我下班一般七点以后了，下周二晚上有瑜伽吗 / 晚上黑咕隆咚的，昨天晚上…: a time said with no day
        // gives way to a later one said with its day and its own part or clock.
        if Self.saysNoDay(first), let later = analysis.entities.first(where: { $0.type == .time && $0.start >= first.end
                                                                                && !Self.saysNoDay($0) && $0.grain != "day" }) {
            first = later
        }
        if let joined = Self.dayWithLaterClock(first, analysis) ?? Self.partWithLaterClock(first, analysis)
            ?? Self.dayWithLaterPart(first, analysis) { return joined }
        // 这个月坏了三回了…今天早上八点又停了: a coarse time (a month, a year) gives way to a finer one said later.
        guard Self.isCoarse(first.grain) else { return first }
        return analysis.entities.first { $0.type == .time && !Self.isCoarse($0.grain) } ?? first
    }

    /// Whether `grain` is coarse (a month, a year), compared rather than looked up in a set of strings (hashed per time).
    static func isCoarse(_ grain: String?) -> Bool {
        guard let grain else { return false }
        return grain == "month" || grain == "year" || grain == "week"
    }

    /// A bare clock or a bare part of the day (七点, 晚上): no day said.
    static func saysNoDay(_ time: Entity) -> Bool {
        isBareClock(time.text) || partsOfDay.contains(time.text) || nightWords.contains(time.text)
    }

    /// Parts of the night said alone: 夜间 of 夜间车位 names a kind of slot, and gives way to
    /// the day said later (帮居民约一个ZY…的夜间车位，12月1号晚上).
    static let nightWords: Set<String> = ["夜间", "夜里", "夜晚", "半夜", "凌晨", "早晨"]

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
        // The day as said stays in the text: 这周四 moves a week on for a booking (`UpcomingDay`).
        joined.text = day.text + clock.text
        return joined
    }

    /// 这周四的瑜伽 晚上那场: a day, and a part of the day said later on its own (which alone
    /// is today's), are one time — that part of that day.
    static func dayWithLaterPart(_ day: Entity, _ analysis: Analysis) -> Entity? {
        guard day.grain == "day", let dayValue = day.value.stringValue, let dayDate = UpcomingDay.localDay(dayValue),
              let part = analysis.entities.first(where: { $0.type == .time && $0.start >= day.end && partsOfDay.contains($0.text)
                                                              && namesASession(analysis.text.scalars, after: $0.end) }),
              let partValue = part.value.stringValue, let partDate = UpcomingDay.localDay(partValue) else { return nil }
        let shift = dayDate.n - partDate.n
        var joined = part
        joined.value = .string(UpcomingDay.daysLater(partValue, shift) ?? partValue)
        joined.valueEnd = part.valueEnd.map { UpcomingDay.daysLater($0, shift) ?? $0 }
        joined.text = day.text + part.text
        return joined
    }

    /// 晚上那场, 下午那节: the part of the day picks one of the day's sessions (晚上出门…
    /// tells when something happens, not which session).
    private static func namesASession(_ s: [Unicode.Scalar], after i: Int) -> Bool {
        sessionWords.contains { w in i + w.count <= s.count && s[i..<(i + w.count)].elementsEqual(w) }
    }

    private static let sessionWords: [[Unicode.Scalar]] = ["那场", "那一场", "那节", "那班", "那个班", "场", "的那场", "的场次"].map { Array($0.unicodeScalars) }

    /// 周四晚上有瑜伽，七点的: a part of a day, and a bare clock said later (which alone resolves to
    /// today's 07:00), are one time — the clock within that part of that day (19:00).
    static func partWithLaterClock(_ part: Entity, _ analysis: Analysis) -> Entity? {
        guard part.grain == "hour", let end = part.valueEnd, let start = part.value.stringValue,
              let said = partsOfDay.first(where: { part.text.hasSuffix($0) }),
              let clock = analysis.entities.first(where: { $0.type == .time && $0.start >= part.end && isBareClock($0.text) }),
              !partsOfDay.contains(where: { clock.text.hasPrefix($0) }),
              let clockValue = clock.value.stringValue, clock.valueEnd == nil,
              let (startHour, clockHour) = hours(start, clockValue) else { return nil }
        let hour = clockHour < 12 && afternoonParts.contains(said) ? clockHour + 12 : clockHour
        // Within the part said (晚上 18:00–24:00), or it is not that part's clock.
        let endHour = end.prefix(10) == start.prefix(10) ? hours(end, end).map { $0.0 } ?? 24 : 24
        guard hour >= startHour, hour < endHour else { return nil }
        var joined = clock
        joined.start = part.start
        joined.value = .string(String(start.prefix(11)) + (hour < 10 ? "0" : "") + String(hour) + String(clockValue.dropFirst(13)))
        return joined
    }

    static let afternoonParts: Set<String> = ["下午", "傍晚", "晚上"]

    /// The hours of two ISO 8601 times (yyyy-mm-ddThh…).
    private static func hours(_ a: String, _ b: String) -> (Int, Int)? {
        guard a.utf8.count >= 13, b.utf8.count >= 13, let x = Int(a.dropFirst(11).prefix(2)), let y = Int(b.dropFirst(11).prefix(2)) else { return nil }
        return (x, y)
    }

    /// A clock time, perhaps with its part of the day, and no day (9点, 十点半, 15:30, 下午四点半).
    static func isBareClock(_ text: String) -> Bool { isBareClock(text, parts: partsOfDay) }

    /// The same, with `parts` the words of a part of the day it may start with.
    static func isBareClock(_ text: String, parts: [String]) -> Bool {
        var scalars = Substring(text).unicodeScalars[...]
        if let part = parts.first(where: { text.hasPrefix($0) }) { scalars = scalars.dropFirst(part.unicodeScalars.count) }
        return scalars.contains { $0 == "点" || $0 == ":" || $0 == "时" }
            && scalars.allSatisfy { PhoneExtractor.isDigit($0) || ChineseNumber.isNumeralScalar($0) || clockMarks.contains($0) }
    }

    /// Words for the moment of speaking (`TimeExtractor.nowWords`).
    static let momentWords: Set<String> = ["现在", "此刻", "此时", "马上", "立刻"]

    static let partsOfDay = ["早上", "上午", "中午", "下午", "傍晚", "晚上"]

    static let clockMarks: Set<Unicode.Scalar> = ["点", "时", "分", "半", "刻", "整", "钟", ":", "多"]

    /// For what is still to come (a session to book or cancel, a slot to use): a day already past
    /// gives way to a later time that is not (我老伴昨天晚上发烧了，明天那场太极拳去不了: 明天).
    func upcomingTime(_ analysis: Analysis) -> Entity? {
        guard let chosen = time(analysis) else { return nil }
        // 现在预约12月5日的插花课: 现在 is when the line is said; the session meant is the time said after it.
        if Self.momentWords.contains(chosen.text),
           let later = analysis.entities.first(where: { $0.type == .time && $0.start >= chosen.end && !Self.momentWords.contains($0.text) }) {
            return Self.dayWithLaterClock(later, analysis) ?? Self.dayWithLaterPart(later, analysis) ?? later
        }
        guard let context = analysis.context, let today = UpcomingDay.isoDay(of: context), Self.isBefore(chosen, today),
              // 这周四 said to book moves a week on (`UpcomingDay`): it is the time meant, not one said after it.
              !UpcomingDay.namesThisWeeksDay(chosen.text) else { return chosen }
        return analysis.entities.first { $0.type == .time && $0.start > chosen.start && !Self.isBefore($0, today) } ?? chosen
    }

    /// Whether the time's day is before `today` (yyyy-mm-dd prefixes compare as dates).
    private static func isBefore(_ time: Entity, _ today: String) -> Bool {
        guard let value = time.value.stringValue, value.utf8.count >= 10 else { return false }
        return value.utf8.prefix(10).lexicographicallyPrecedes(today.utf8)
    }
}
