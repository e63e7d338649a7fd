import Domain
import Foundation

/// 查议事: one meeting with its steps and decisions, or meetings by community, time and topic.
struct MeetingSearchHandler: IntentHandler {
    let intent = "cobuild.meeting.search"

    func handle(_ r: IntentRequest) throws -> Outcome {
        let service = r.services.meetings
        let procedure = try service.procedure()
        if let id = r.string("meeting_id") {
            guard let m = try service.meeting(id: id) else { throw CoBuildingWorkError.meetingNotFound(id) }
            let decisions = try service.decisions(id: id)
            var lines = ["议事 \(m.id)（\(m.kind)）：\(procedure.statusName(m.status))",
                         "议题：\(m.topic)",
                         "时间：\(r.clock.display(m.startsAt))；地点：\(m.community) \(m.place)",
                         "参会：\(m.participants.isEmpty ? "未指定" : m.participants)"]
            lines += try service.history(id: id).map { e in
                let name = e.action == "schedule" ? "安排" : e.action == "cancel" ? "取消" : procedure.step(e.action)?.name ?? e.action
                return "· \(r.clock.display(e.at)) \(name)\(e.actor.map { "（\($0)）" } ?? "")\(e.note.map { "：\($0)" } ?? "")"
            }
            for d in decisions {
                lines.append("决议 \(d.seq)：\(d.text)")
                lines += d.links.map { "  关联\($0.kind == .grievance ? "工单" : "需求") \($0.id)（\(Self.outcome($0))）" }
            }
            let next = procedure.nextSteps(after: m.status).map(\.name)
            if !next.isEmpty { lines.append("下一步：\(next.joined(separator: " / "))") }
            return .reply(.done(intent, lines.joined(separator: "\n"),
                                data: ["meeting": CoBuildingWorkJSON.meeting(m, procedure, clock: r.clock),
                                       "decisions": .array(decisions.map { CoBuildingWorkJSON.decision($0, clock: r.clock) })]))
        }
        var filter = MeetingFilter(community: r.string("community"), text: r.string("topic"))
        if let (from, to) = CoBuildingWorkText.period(r, defaultHours: 24) { (filter.from, filter.to) = (from, to) }
        let meetings = try service.list(filter)
        let scope = [r.string("community"), r.string("topic").map { "议题含“\($0)”" }].compactMap { $0 }.joined(separator: " ")
        guard !meetings.isEmpty else {
            return .reply(.done(intent, "没有找到\(scope.isEmpty ? "" : scope + "的")议事会。可以用“安排议事”新建。", data: ["meetings": []]))
        }
        let lines = ["\(scope.isEmpty ? "" : scope + " ")议事会 \(meetings.count) 场："] + meetings.map { m in
            "\(m.id) \(r.clock.display(m.startsAt)) \(m.kind) \(m.community) \(m.place) 议题：\(m.topic)【\(procedure.statusName(m.status))】"
        }
        return .reply(.done(intent, lines.joined(separator: "\n"),
                            data: ["meetings": .array(meetings.map { CoBuildingWorkJSON.meeting($0, procedure, clock: r.clock) })]))
    }

    static func outcome(_ l: DecisionLink) -> String {
        switch (l.kind, l.outcome) {
        case (.grievance, .resolved): return "已按决议化解"
        case (.need, .resolved): return "已按决议办结"
        case (_, .unchanged): return "状态未改动"
        }
    }
}
