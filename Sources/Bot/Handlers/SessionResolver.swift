import Domain
import Foundation

/// Finds the one session a booking means, from an activity id or name/kind,
/// a day (and maybe an hour) and a community — or says what is missing or
/// ambiguous.
struct SessionResolver {
    let request: IntentRequest
    /// Whether a cancelled session may be the answer (operators), rather than an error.
    var allowCancelled = false

    enum Resolution {
        case session(ActivitySession)
        case outcome(Outcome)
    }

    func resolve() throws -> Resolution {
        let r = request
        let service = r.services.activities
        var activities: [Activity] = []
        if let code = r.string("activity_id") {
            guard let a = try service.activity(code: code) else { throw DomainError.unknownActivity(code) }
            activities = [a]
        } else if r.string("activity") != nil || r.string("audience") != nil || r.string("venue") != nil {
            activities = try service.activities(Self.filter(r))
            // 给孩子报书香家园的书法班: who goes is said of a class named, not asked of it — the class
            // stands even when the catalogue's audience for it is another.
            if activities.isEmpty, r.string("activity") != nil, r.string("audience") != nil {
                var named = Self.filter(r)
                named.audience = nil
                activities = try service.activities(named)
            }
            if activities.isEmpty { throw DomainError.unknownActivity(r.string("activity") ?? r.string("audience") ?? r.string("venue") ?? "") }
        } else {
            return .outcome(.ask(slot: "activity", question: "请问预约哪个活动？（活动名称或编号，如 书法、HD-001）"))
        }
        let calendar = r.clock.calendar
        guard let timeText = r.string("time"), let time = Clock.parseISO(timeText) else {
            let upcoming = try service.sessions(of: activities, from: r.clock.now, to: r.clock.now.addingTimeInterval(14 * 86_400)).filter { !$0.cancelled }
            let list = upcoming.prefix(5).map { describe($0) }.joined(separator: "\n")
            return .outcome(.ask(slot: "time", question: "请问预约哪一天的场次？" + (list.isEmpty ? "" : "近期场次：\n" + list)))
        }
        let day = CalendarDay(time, calendar: calendar)
        let dayStart = day.start(in: calendar)
        let onDay = try service.sessions(of: activities, from: dayStart, to: dayStart.addingTimeInterval(86_400))
        var sessions = onDay.filter { !$0.cancelled }
        if sessions.isEmpty, let called = onDay.first {
            // Only cancelled sessions that day: say so (an operator may be cancelling it again).
            if allowCancelled { return .session(called) }
            throw DomainError.sessionCancelled(activity: called.activity.name)
        }
        let hour = calendar.component(.hour, from: time), minute = calendar.component(.minute, from: time)
        if hour != 0 || minute != 0 {
            let atHour = sessions.filter { calendar.component(.hour, from: $0.start) == hour }
            if !atHour.isEmpty { sessions = atHour }
        }
        if sessions.isEmpty {
            let upcoming = try service.sessions(of: activities, from: max(r.clock.now, dayStart.addingTimeInterval(-7 * 86_400)),
                                                to: dayStart.addingTimeInterval(21 * 86_400)).filter { $0.start > r.clock.now && !$0.cancelled }
            let names = Set(activities.map(\.name)).sorted().joined(separator: "、")
            let list = upcoming.prefix(5).map { describe($0) }.joined(separator: "\n")
            return .outcome(.ask(slot: "time", question: "\(names) 在 \(r.clock.display(dayStart, withTime: false)) 没有场次。"
                                 + (list.isEmpty ? "" : "近期场次：\n" + list + "\n") + "请问预约哪一天？"))
        }
        if sessions.count > 1 {
            let choices = sessions.map { s -> Dialogue.Choice in
                var slots = r.slots
                slots["activity_id"] = .string(s.activity.code)
                slots["time"] = .string(r.clock.iso(s.start))
                return Dialogue.Choice(title: describe(s), slots: slots)
            }
            return .outcome(.clarify(question: "有 \(sessions.count) 个场次符合，请问预约哪一个？", choices: choices))
        }
        return .session(sessions[0])
    }

    /// The catalogue filter for what was said: name or kind, audience, community, venue.
    static func filter(_ r: IntentRequest) -> ActivityFilter {
        ActivityFilter(code: r.string("activity_id"), term: r.string("activity"), audience: r.string("audience"), community: r.string("community"),
                       venueCode: r.string("venue"), estate: r.string("venue") == nil ? r.string("estate") : nil)
    }

    func describe(_ s: ActivitySession) -> String {
        let state = s.cancelled ? "已取消" : "余 \(s.seatsLeft) 位\(s.waitlisted > 0 ? "，候补 \(s.waitlisted) 人" : "")"
        return "\(s.activity.code) \(s.activity.name) \(request.clock.display(s.start)) \(s.activity.venueName)（\(state)）"
    }
}
