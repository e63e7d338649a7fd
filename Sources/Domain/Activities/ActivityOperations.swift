import Foundation

/// A session called off by an operator, and the bookings whose residents were told.
public struct SessionCancellation: Sendable, Equatable {
    public var activity: Activity
    public var start: Date
    public var reason: String
    /// The bookings (confirmed and waiting) cancelled with the session; each has a notice recorded.
    public var notified: [Booking]
}

/// One activity as an operator (or `activities.csv`) defines it.
public struct ActivityDefinition: Sendable, Equatable {
    public var code: String
    public var fields: [String: String]

    /// The CSV columns, and the words an operator may use for them.
    public static let columns: [(column: String, words: [String])] = [
        ("name", ["名称", "活动名称", "name"]), ("type", ["类型", "类别", "type", "kind"]),
        ("venue_code", ["场馆", "场地", "亲邻之家", "venue", "venue_code"]), ("schedule", ["日程", "时间安排", "schedule"]),
        ("start", ["开始", "开始时间", "start"]), ("minutes", ["时长", "分钟", "minutes"]),
        ("capacity", ["容量", "名额", "人数上限", "capacity"]), ("audience", ["对象", "适合", "audience"]),
        ("host", ["主持", "老师", "主讲", "host"]), ("max_party", ["每单", "每单人数", "max_party"]),
        ("from", ["起", "开始日期", "from"]), ("until", ["止", "结束日期", "until"]),
    ]

    public init(code: String, fields: [String: String]) {
        self.code = code
        self.fields = fields
    }

    /// `名称=插花 容量=20 …` (also `：`/`:` and CSV column names) → fields by CSV column.
    public static func parse(code: String, text: String) -> ActivityDefinition {
        var fields: [String: String] = [:]
        let separators = CharacterSet(charactersIn: " ，,;；\t")
        for token in text.components(separatedBy: separators) {
            guard let eq = token.firstIndex(where: { "=＝:：".contains($0) }) else { continue }
            let key = String(token[..<eq]), value = String(token[token.index(after: eq)...])
            guard !value.isEmpty, let column = columns.first(where: { $0.words.contains(key) })?.column else { continue }
            fields[column] = value
        }
        return ActivityDefinition(code: code, fields: fields)
    }
}

extension ActivityService {
    /// Calls off one session: it takes no more bookings, every booking of it is
    /// cancelled and a notice to each resident is recorded, all in one transaction.
    public func cancelSession(activityCode: String, start: Date, reason: String, by actor: String? = nil) throws -> SessionCancellation {
        guard let activity = try activity(code: activityCode) else { throw DomainError.unknownActivity(activityCode) }
        let day = clock.display(start, withTime: false)
        guard activity.sessionStart(on: CalendarDay(start, calendar: clock.calendar), calendar: clock.calendar) == start else {
            throw DomainError.noSessionOn(activity: activity.name, day: day)
        }
        guard start > clock.now else { throw DomainError.sessionStarted(activity: activity.name) }
        let now = clock.now
        let end = start.addingTimeInterval(TimeInterval(activity.minutes * 60))
        return try db.write { conn in
            let key: [SQLValue] = [.text(activity.code), .int(start.epoch)]
            try Self.ledger.ensureSlot(code: activity.code, start: start.epoch, end: end.epoch, capacity: activity.capacity, in: conn)
            let changed = try conn.execute(
                "UPDATE activity_sessions SET cancelled = 1, booked = 0 WHERE activity_code = ? AND start_at = ? AND cancelled = 0", key)
            guard changed == 1 else { throw DomainError.sessionAlreadyCancelled(activity: activity.name, day: day) }
            let ids = try conn.query(
                "SELECT id FROM bookings WHERE activity_code = ? AND start_at = ? AND status <> 'cancelled' ORDER BY created_at, id", key)
                .map { $0.string("id") }
            var notified: [Booking] = []
            for id in ids {
                guard let booking = try loadBooking(id: id, in: conn) else { continue }
                try conn.execute("UPDATE bookings SET status = 'cancelled', updated_at = ? WHERE id = ?", [.int(now.epoch), .text(id)])
                let message = "您预约的\(activity.name)（\(clock.display(start))，\(activity.venueName)）因\(reason)取消，预约号 \(id) 已作废。"
                try recordNotice(bookingID: id, kind: "session_cancelled", phone: booking.phone, message: message, in: conn)
                notified.append(booking)
            }
            try conn.execute(
                """
                INSERT INTO session_cancellations (activity_code, start_at, reason, cancelled_at, cancelled_by, bookings_notified)
                VALUES (?, ?, ?, ?, ?, ?)
                """, key + [.text(reason), .int(now.epoch), .optional(actor), .int(notified.count)])
            return SessionCancellation(activity: activity, start: start, reason: reason, notified: notified)
        }
    }

    /// Records that a resident is to be told about a booking (kept once per booking and kind).
    func recordNotice(bookingID: String, kind: String, phone: String, message: String, in conn: any SQLConnection) throws {
        try conn.execute(
            "INSERT INTO booking_notices (booking_id, kind, at, phone, message) VALUES (?, ?, ?, ?, ?) ON CONFLICT (booking_id, kind) DO NOTHING",
            [.text(bookingID), .text(kind), .int(clock.now.epoch), .text(phone), .text(message)])
    }

    /// The notices recorded for a booking, oldest first: `(kind, message)`.
    public func notices(bookingID: String) throws -> [(kind: String, message: String)] {
        try db.read { conn in
            try conn.query("SELECT kind, message FROM booking_notices WHERE booking_id = ? ORDER BY at, kind", [.text(bookingID)])
                .map { ($0.string("kind"), $0.string("message")) }
        }
    }

    /// Adds an activity, or changes the given fields of an existing one. A
    /// larger capacity moves people up from the waiting lists of its future sessions.
    /// Returns the activity as stored and the bookings moved up.
    public func saveActivity(_ definition: ActivityDefinition, by actor: String? = nil) throws -> (activity: Activity, created: Bool, promoted: [Booking]) {
        let existing = try activity(code: definition.code)
        var f = definition.fields
        if let a = existing {
            let current: [String: String] = [
                "name": a.name, "type": a.kind, "venue_code": a.venueCode, "schedule": a.schedule.source, "start": a.startTime,
                "minutes": String(a.minutes), "capacity": String(a.capacity), "audience": a.audience, "host": a.host,
                "max_party": String(a.maxParty), "from": a.from.description, "until": a.until.description,
            ]
            f.merge(current) { new, _ in new }
        } else {
            f.merge(["audience": "全体", "max_party": "2", "from": CalendarDay(clock.now, calendar: clock.calendar).description,
                     "until": CalendarDay(clock.now, calendar: clock.calendar).adding(days: 365, calendar: clock.calendar).description]) { new, _ in new }
        }
        let row = try Self.validated(code: definition.code, f, venues: try venueCodes())
        let now = clock.now
        return try db.write { conn in
            try conn.execute(
                """
                INSERT INTO activities (activity_code, name, kind, venue_code, schedule, start_time, minutes, capacity, audience, host,
                                        max_party, from_date, until_date)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (activity_code) DO UPDATE SET name = excluded.name, kind = excluded.kind, venue_code = excluded.venue_code,
                    schedule = excluded.schedule, start_time = excluded.start_time, minutes = excluded.minutes,
                    capacity = excluded.capacity, audience = excluded.audience, host = excluded.host, max_party = excluded.max_party,
                    from_date = excluded.from_date, until_date = excluded.until_date
                """, row)
            let capacity = f["capacity"].flatMap { Int($0) } ?? 0
            try conn.execute("UPDATE activity_sessions SET capacity = ? WHERE activity_code = ? AND start_at > ?",
                             [.int(capacity), .text(definition.code), .int(now.epoch)])
            var promoted: [Booking] = []
            for s in try conn.query("SELECT start_at FROM activity_sessions WHERE activity_code = ? AND start_at > ? AND cancelled = 0 ORDER BY start_at",
                                    [.text(definition.code), .int(now.epoch)]) {
                promoted += try promoteWaitlist(code: definition.code, start: s.int("start_at"), in: conn)
            }
            let detail = definition.fields.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            try conn.execute("INSERT INTO activity_changes (activity_code, at, action, detail, actor) VALUES (?, ?, ?, ?, ?)",
                             [.text(definition.code), .int(now.epoch), .text(existing == nil ? "add" : "change"), .text(detail), .optional(actor)])
            let selectOne = Self.activitySelect + " WHERE a.activity_code = ?"
            let saved = try conn.queryOne(selectOne, [.text(definition.code)]).map(Activity.init(row:))!
            return (saved, existing == nil, promoted)
        }
    }

    func venueCodes() throws -> Set<String> {
        Set(try db.read { conn in try conn.query("SELECT venue_code FROM venues").map { $0.string("venue_code") } })
    }

    /// The row for `activities`, checked as `activities.csv` rows are.
    static func validated(code: String, _ f: [String: String], venues: Set<String>) throws -> [SQLValue] {
        func need(_ column: String, _ label: String) throws -> String {
            guard let v = f[column]?.trimmingCharacters(in: .whitespaces), !v.isEmpty else {
                throw DomainError.invalidActivityDefinition("缺少\(label)（\(column)）")
            }
            return v
        }
        func number(_ column: String, _ label: String, _ range: ClosedRange<Int>) throws -> Int {
            guard let n = Int(try need(column, label)), range.contains(n) else {
                throw DomainError.invalidActivityDefinition("\(label)应为 \(range.lowerBound)–\(range.upperBound) 的整数")
            }
            return n
        }
        guard code.range(of: #"^HD-\d{3,}$"#, options: .regularExpression) != nil else {
            throw DomainError.invalidActivityDefinition("活动编号应形如 HD-055")
        }
        let venue = try need("venue_code", "场馆")
        guard venues.contains(venue) else { throw DomainError.invalidActivityDefinition("未知的场馆编号 \(venue)") }
        let schedule = try need("schedule", "日程")
        guard Schedule(schedule) != nil else { throw DomainError.invalidActivityDefinition("无法识别的日程 \(schedule)（如 周二|周四、2026-12-12、每月第一个周六）") }
        let start = try need("start", "开始时间")
        guard start.range(of: #"^([01]\d|2[0-3]):[0-5]\d$"#, options: .regularExpression) != nil else {
            throw DomainError.invalidActivityDefinition("开始时间应形如 19:00")
        }
        let capacity = try number("capacity", "容量", 1...10_000)
        let from = try need("from", "开始日期"), until = try need("until", "结束日期")
        guard let fromDay = CalendarDay(from), let untilDay = CalendarDay(until) else {
            throw DomainError.invalidActivityDefinition("日期应形如 2026-12-01")
        }
        guard fromDay <= untilDay else { throw DomainError.invalidActivityDefinition("结束日期早于开始日期") }
        return [.text(code), .text(try need("name", "名称")), .text(try need("type", "类型")), .text(venue), .text(schedule), .text(start),
                .int(try number("minutes", "时长", 1...1440)), .int(capacity), .text(f["audience"] ?? "全体"), .text(f["host"] ?? ""),
                .int(try number("max_party", "每单人数", 1...capacity)), .text(from), .text(until)]
    }
}
