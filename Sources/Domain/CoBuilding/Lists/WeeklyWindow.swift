import Foundation

/// A weekly opening window: which weekdays, and a time of day that may run
/// past midnight (`工作日 19:00-次日08:00`: Monday–Friday evenings until the
/// next morning). Resources, services and needs all carry one, so matching is
/// an overlap of minutes in the week.
public struct WeeklyWindow: Sendable, Equatable, CustomStringConvertible {
    /// ISO weekdays the window opens on: 1 = Monday … 7 = Sunday.
    public var days: Set<Int>
    /// Minutes after midnight when it opens.
    public var startMinute: Int
    /// Minutes after the opening day's midnight when it closes; above 1440 when it ends the next day.
    public var endMinute: Int

    public init(days: Set<Int>, startMinute: Int, endMinute: Int) {
        self.days = days
        self.startMinute = startMinute
        self.endMinute = endMinute
    }

    static let dayWords: [(String, Set<Int>)] = [
        ("工作日", [1, 2, 3, 4, 5]), ("周末", [6, 7]), ("双休日", [6, 7]), ("每天", Set(1...7)), ("每日", Set(1...7)),
        ("天天", Set(1...7)), ("全周", Set(1...7)),
    ]
    static let weekdayDigits: [Character: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "日": 7, "天": 7]
    /// Times of day an operator says instead of clock times.
    static let periodWords: [(String, Int, Int)] = [
        ("全天", 0, 1440), ("上午", 480, 720), ("中午", 660, 840), ("下午", 840, 1080), ("白天", 480, 1080),
        ("夜间", 1200, 1920), ("夜里", 1200, 1920), ("晚上", 1080, 1320), ("今晚", 1080, 1320), ("傍晚", 1020, 1140),
    ]

    /// Parses the canonical form and what operators type: a day part
    /// (工作日, 周末, 每天, 周二|周四, 周一至周五), a time part (19:00-次日08:00,
    /// 14:00–17:00, 晚上), or both. Nil when neither is there.
    public init?(_ text: String) {
        if let stored = Self.canonical(text) { self = stored; return }
        guard let found = Self.find(in: text) else { return nil }
        self = found.window
    }

    /// The form `description` writes (`工作日 19:00-次日08:00`, `周二|周四 14:00-17:00`), read
    /// without regular expressions: every stored row is read this way, so lists stay fast.
    static func canonical(_ text: String) -> WeeklyWindow? {
        let parts = text.split(separator: " ")
        guard parts.count == 2 else { return nil }
        var days = Set<Int>()
        if let (_, set) = dayWords.first(where: { $0.0 == parts[0] }) {
            days = set
        } else {
            for name in parts[0].split(separator: "|") {
                guard name.count == 2, name.first == "周", let d = weekdayDigits[name.last!] else { return nil }
                days.insert(d)
            }
        }
        let times = parts[1].split(separator: "-")
        func minutes(_ s: Substring) -> Int? {
            let hm = s.split(separator: ":")
            guard hm.count == 2, let h = Int(hm[0]), let m = Int(hm[1]) else { return nil }
            return h * 60 + m
        }
        guard times.count == 2, let start = minutes(times[0]) else { return nil }
        let nextDay = times[1].hasPrefix("次日")
        guard let end = minutes(nextDay ? times[1].dropFirst(2) : times[1]) else { return nil }
        return WeeklyWindow(days: days, startMinute: start, endMinute: nextDay ? end + 1440 : end)
    }

    /// The first window said in `text`, and the words it was read from (so a
    /// caller can take them out of a description).
    public static func find(in text: String) -> (window: WeeklyWindow, words: [String])? {
        var words: [String] = []
        var days: Set<Int>? = nil
        if let (word, set) = dayWords.first(where: { text.contains($0.0) }) {
            days = set
            words.append(word)
        } else if let (word, set) = weekdayList(in: text) {
            days = set
            words.append(word)
        }
        var span: (Int, Int)? = nil
        if let (word, start, end) = clockRange(in: text) {
            span = (start, end)
            words.append(word)
        } else if let (word, start, end) = periodWords.first(where: { text.contains($0.0) }) {
            span = (start, end)
            words.append(word)
        }
        guard days != nil || span != nil else { return nil }
        let (start, end) = span ?? (0, 1440)
        return (WeeklyWindow(days: days ?? Set(1...7), startMinute: start, endMinute: end), words)
    }

    /// `周二|周四`, `周一、周三`, `周一至周五`, `星期六`.
    static func weekdayList(in text: String) -> (String, Set<Int>)? {
        let pattern = #"(周|星期)[一二三四五六日天](\s*(\||、|和|至|到|-|~)\s*(周|星期)?[一二三四五六日天])*"#
        guard let range = text.range(of: pattern, options: .regularExpression) else { return nil }
        let word = String(text[range])
        var set = Set<Int>()
        var previous: Int? = nil
        var isRange = false
        for c in word {
            if let d = weekdayDigits[c] {
                if isRange, let p = previous, p <= d { set.formUnion(p...d) } else { set.insert(d) }
                previous = d
                isRange = false
            } else if "至到-~".contains(c) {
                isRange = true
            }
        }
        return (word, set)
    }

    /// `19:00-次日08:00`, `9:00～17:30`, `19:00到次日8:00`: start and end minutes (end past 1440 when the next day).
    static func clockRange(in text: String) -> (String, Int, Int)? {
        let pattern = #"([01]?\d|2[0-4])[:：]([0-5]\d)\s*(-|–|—|~|～|至|到)\s*(次日|第二天|翌日)?\s*([01]?\d|2[0-4])[:：]([0-5]\d)"#
        guard let range = text.range(of: pattern, options: .regularExpression) else { return nil }
        let word = String(text[range])
        let numbers = word.split(whereSeparator: { !$0.isASCII || !$0.isNumber }).compactMap { Int($0) }
        guard numbers.count == 4 else { return nil }
        let start = numbers[0] * 60 + numbers[1]
        var end = numbers[2] * 60 + numbers[3]
        let nextDay = ["次日", "第二天", "翌日"].contains { word.contains($0) }
        if nextDay || end <= start { end += 1440 }
        guard start < 1440, end - start <= 1440 else { return nil }
        return (word, start, end)
    }

    /// The canonical form: `工作日 19:00-次日08:00`, `周二|周四 14:00-17:00`, `每天 00:00-24:00`.
    public var description: String { "\(daysText) \(timeText)" }

    public var daysText: String {
        if let (word, _) = Self.dayWords.first(where: { $0.1 == days }) { return word }
        let names = ["", "周一", "周二", "周三", "周四", "周五", "周六", "周日"]
        return days.sorted().map { names[$0] }.joined(separator: "|")
    }

    public var timeText: String {
        func hm(_ m: Int) -> String { String(format: "%02d:%02d", m / 60, m % 60) }
        if endMinute > 1440 { return "\(hm(startMinute))-次日\(hm(endMinute - 1440))" }
        return "\(hm(startMinute))-\(hm(endMinute))"
    }

    /// The window as minute ranges in a week starting Monday 00:00; a Sunday
    /// night that runs past midnight wraps to Monday morning.
    public var weekRanges: [Range<Int>] {
        let week = 7 * 1440
        var ranges: [Range<Int>] = []
        for d in days.sorted() {
            let start = (d - 1) * 1440 + startMinute, end = (d - 1) * 1440 + endMinute
            if end <= week { ranges.append(start..<end) } else { ranges += [start..<week, 0..<(end - week)] }
        }
        return ranges
    }

    /// Minutes a week in which both windows are open.
    public func overlapMinutes(with other: WeeklyWindow) -> Int {
        var total = 0
        for a in weekRanges { for b in other.weekRanges { total += max(0, min(a.upperBound, b.upperBound) - max(a.lowerBound, b.lowerBound)) } }
        return total
    }

    /// Minutes a week the window is open.
    public var weeklyMinutes: Int { weekRanges.reduce(0) { $0 + $1.count } }

    /// The opening that starts on `day`, if the window opens that weekday.
    public func opening(on day: CalendarDay, calendar: Calendar) -> (start: Date, end: Date)? {
        guard days.contains(day.isoWeekday(calendar: calendar)) else { return nil }
        let midnight = day.start(in: calendar)
        return (midnight.addingTimeInterval(TimeInterval(startMinute * 60)), midnight.addingTimeInterval(TimeInterval(endMinute * 60)))
    }
}
