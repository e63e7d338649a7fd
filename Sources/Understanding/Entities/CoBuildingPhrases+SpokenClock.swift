import Foundation

/// A window's hours said in words (晚上7点到第二天早上8点, 早上九点到下午五点半), written in
/// the typed form the domain reads (`19:00-次日08:00`, `09:00-17:30`): a unit offering its car
/// park "from seven in the evening to eight the next morning" means the same as one that types it.
extension CoBuildingPhrases {
    static let partOfDay = "(凌晨|早上|早晨|上午|中午|下午|傍晚|晚上|夜里|夜间)"
    static let spokenHour = "([0-9零〇一二两三四五六七八九十]{1,3})点(半|([0-9零〇一二三四五六七八九十]{1,3})分?)?"
    static let spokenClockRegex = CompiledPattern(partOfDay + "?" + spokenHour + #"\s*(到|至|-|~|～)\s*(次日|第二天|翌日|隔天)?"#
                                                  + partOfDay + "?" + spokenHour)

    /// `19:00-次日08:00` for 晚上7点到第二天早上8点; nil when no such range is said.
    static func spokenClockWindow(in text: String) -> String? {
        guard text.contains("点"), let g = spokenClockRegex.firstMatchGroups(in: text),
              let startHour = hour(g[2]), let endHour = hour(g[8]) else { return nil }
        let start = clock(startHour, part: g[1]) * 60 + minutes(g[3], g[4])
        var endClock = clock(endHour, part: g[7])
        // 晚上7点到10点: the end said without its part of the day shares the start's afternoon.
        if g[7] == nil, let part = g[1], Self.laterParts.contains(part), endClock < 12, (endClock + 12) * 60 > start { endClock += 12 }
        let end = endClock * 60 + minutes(g[9], g[10])
        guard start < 24 * 60, end <= 24 * 60, start != end else { return nil }
        let nextDay = g[6] != nil || end < start
        return "\(hhmm(start))-\(nextDay ? "次日" : "")\(hhmm(end))"
    }

    /// Parts of the day whose clock hours 1–11 are afternoon or evening hours.
    static let laterParts: Set<String> = ["下午", "傍晚", "晚上", "夜里", "夜间"]

    private static func hour(_ said: String?) -> Int? {
        guard let said, let value = ChineseNumber.parse(said), value >= 0, value <= 24, value == value.rounded() else { return nil }
        return Int(value)
    }

    /// The 24-hour clock hour of `hour` said with `part` (晚上7点 → 19, 中午1点 → 13, 凌晨2点 → 2).
    private static func clock(_ hour: Int, part: String?) -> Int {
        guard let part, hour < 12 else { return hour }
        if laterParts.contains(part) { return hour + 12 }
        if part == "中午", hour <= 2 { return hour + 12 }
        return hour
    }

    private static func minutes(_ half: String?, _ number: String?) -> Int {
        if half == "半" { return 30 }
        guard let number, let value = ChineseNumber.parse(number), value >= 0, value < 60 else { return 0 }
        return Int(value)
    }

    private static func hhmm(_ minutes: Int) -> String {
        let h = minutes / 60, m = minutes % 60
        return (h < 10 ? "0" : "") + "\(h):" + (m < 10 ? "0" : "") + "\(m)"
    }
}

extension CompiledPattern {
    /// The first match's capture groups (index 0 the whole match), nil for a group that took no part.
    func firstMatchGroups(in text: String) -> [String?]? {
        guard let m = regex.firstMatch(in: text, options: [], range: NSRange(location: 0, length: text.utf16.count)) else { return nil }
        return (0..<m.numberOfRanges).map { k in
            let r = m.range(at: k)
            return r.location == NSNotFound ? nil : Range(r, in: text).map { String(text[$0]) }
        }
    }
}
