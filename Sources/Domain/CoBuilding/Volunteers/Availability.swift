import Foundation

/// When a volunteer can serve, as written in `cobuild_volunteers.csv`:
/// `周六 09:00-12:00|工作日 19:00-21:30` — days (周一…周日, 工作日, 周末,
/// 每天) and a clock window, several joined by `|`.
public struct Availability: Sendable, Equatable {
    public struct Window: Sendable, Equatable {
        /// ISO weekdays, 1 = Monday … 7 = Sunday.
        public var days: Set<Int>
        /// Minutes after midnight, end exclusive.
        public var start: Int
        public var end: Int
    }

    public let windows: [Window]
    public let text: String

    static let dayWords: [(String, Set<Int>)] = [
        ("工作日", [1, 2, 3, 4, 5]), ("周末", [6, 7]), ("每天", [1, 2, 3, 4, 5, 6, 7]),
        ("周一", [1]), ("周二", [2]), ("周三", [3]), ("周四", [4]), ("周五", [5]), ("周六", [6]), ("周日", [7]), ("周天", [7]),
    ]

    /// nil when any part cannot be read (the importer names the row).
    public init?(_ text: String) {
        var windows: [Window] = []
        for part in text.split(separator: "|") {
            let pieces = part.split(separator: " ", omittingEmptySubsequences: true)
            guard pieces.count == 2, let days = Self.dayWords.first(where: { $0.0 == pieces[0] })?.1 else { return nil }
            let times = pieces[1].split(separator: "-")
            guard times.count == 2, let start = Self.minutes(times[0]), let end = Self.minutes(times[1]), start < end else { return nil }
            windows.append(Window(days: days, start: start, end: end))
        }
        guard !windows.isEmpty else { return nil }
        self.windows = windows
        self.text = text
    }

    static func minutes(_ s: Substring) -> Int? {
        let p = s.split(separator: ":")
        guard p.count == 2, let h = Int(p[0]), let m = Int(p[1]), (0...24).contains(h), (0..<60).contains(m), h * 60 + m <= 1440 else { return nil }
        return h * 60 + m
    }

    /// Whether some window overlaps `[from, to)` (same day; a period that
    /// runs past midnight is cut at midnight).
    public func overlaps(from: Date, to: Date, calendar: Calendar) -> Bool {
        let c = calendar.dateComponents([.weekday, .hour, .minute], from: from)
        let weekday = (c.weekday! + 5) % 7 + 1
        let start = c.hour! * 60 + c.minute!
        let dayStart = calendar.startOfDay(for: from)
        let end = min(1440, Int(to.timeIntervalSince(dayStart) / 60))
        return windows.contains { $0.days.contains(weekday) && $0.start < end && start < $0.end }
    }
}
