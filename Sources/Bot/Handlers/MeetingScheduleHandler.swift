import Domain
import Foundation

/// 安排议事: schedules a 议事 meeting; it starts at the first of the seven steps.
struct MeetingScheduleHandler: IntentHandler {
    let intent = "cobuild.meeting.schedule"

    func handle(_ r: IntentRequest) throws -> Outcome {
        if let ask = r.missingRequired() { return ask }
        guard let start = r.string("time").flatMap(Clock.parseISO) else { return .ask(slot: "time", question: "请问议事会什么时候开？") }
        let c = r.clock.calendar.dateComponents([.hour, .minute], from: start)
        if c.hour == 0 && c.minute == 0 {
            return .ask(slot: "time", question: "请说明日期和钟点，例如：12月2日下午3点。")
        }
        let service = r.services.meetings
        let kind = r.string("kind") ?? Meeting.kinds[0]
        let m = try service.schedule(.init(kind: kind, topic: r.string("topic")!, community: r.string("community")!,
                                           place: r.string("place")!, participants: r.string("participants") ?? "",
                                           startsAt: start, actor: r.session.operatorName))
        let procedure = try service.procedure()
        let next = procedure.nextSteps(after: m.status).first
        let lines = [
            "已安排\(m.kind) \(m.id)，已保存。",
            "议题：\(m.topic)",
            "时间：\(r.clock.display(m.startsAt))；地点：\(m.community) \(m.place)",
            "参会：\(m.participants.isEmpty ? "未指定" : m.participants)",
            "七步议事：\(procedure.steps.map(\.name).joined(separator: " → "))",
            "当前：\(procedure.statusName(m.status))" + (next.map { "；下一步：\($0.name)（例：议事记录 \(m.id) \($0.name)）" } ?? ""),
        ]
        return .reply(.done(intent, lines.joined(separator: "\n"), data: ["meeting": CoBuildingWorkJSON.meeting(m, procedure, clock: r.clock)]))
    }
}
