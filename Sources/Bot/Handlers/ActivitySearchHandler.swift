import Domain
import Foundation

/// 查询活动: sessions in a day or range (default: the next 7 days), by
/// activity name or kind and community, with seats left and waiting lists.
struct ActivitySearchHandler: IntentHandler {
    let intent = "activity.search"
    static let maximumListed = 20

    func handle(_ r: IntentRequest) throws -> Outcome {
        let service = r.services.activities
        let activities = try service.activities(SessionResolver.filter(r))
        let calendar = r.clock.calendar
        var from = r.clock.now, to = r.clock.now.addingTimeInterval(7 * 86_400)
        if let start = r.string("time").flatMap(Clock.parseISO) {
            from = start
            to = r.string("time_end").flatMap(Clock.parseISO)
                ?? CalendarDay(start, calendar: calendar).adding(days: 1, calendar: calendar).start(in: calendar)
            if from < r.clock.now && to > r.clock.now { from = r.clock.now }
        }
        let sessions = try service.sessions(of: activities, from: from, to: to)
        guard !sessions.isEmpty else {
            return .reply(.done(intent, "\(r.clock.display(from, withTime: false)) 起没有找到符合条件的活动场次。", data: ["sessions": []]))
        }
        let resolver = SessionResolver(request: r)
        var lines = ["找到 \(sessions.count) 个场次\(sessions.count > Self.maximumListed ? "（显示前 \(Self.maximumListed) 个）" : "")："]
        lines += sessions.prefix(Self.maximumListed).map(resolver.describe)
        if let open = sessions.first(where: { !$0.cancelled }) {
            lines.append("预约请说：预约 活动编号 日期 人数 电话，例如：预约 \(open.activity.code) \(r.clock.display(open.start, withTime: false)) 1人 电话138…")
        }
        return .reply(.done(intent, lines.joined(separator: "\n"),
                            data: ["sessions": .array(sessions.prefix(100).map { DomainJSON.session($0, clock: r.clock) })]))
    }
}
