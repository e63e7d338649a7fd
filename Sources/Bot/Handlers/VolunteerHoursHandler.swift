import Domain
import Foundation

/// 志愿时长: records hours served on a task (every member signed up, or one
/// named member with the hours said), or shows hours by member, team or community.
struct VolunteerHoursHandler: IntentHandler {
    let intent = "cobuild.volunteer.hours"

    func handle(_ r: IntentRequest) throws -> Outcome {
        let service = r.services.volunteers
        let said = r.string("description") ?? ""
        let people = try service.volunteers()
        if let id = r.string("task_id"), r.string("mode") == "record" {
            guard let task = try service.task(id: id) else { throw CoBuildingWorkError.taskNotFound(id) }
            let signups = try service.signups(taskId: id)
            let name = CoBuildingWorkText.said(signups.map(\.volunteer.name), in: said).first
                ?? CoBuildingWorkText.said(people.map(\.name), in: said).first
            let member = name.flatMap { n in signups.first { $0.volunteer.name == n }?.volunteer ?? people.first { $0.name == n } }
            let hours = Self.hours(in: said)
            let recorded = try service.recordHours(taskId: id, volunteer: member, hours: hours)
            let shown = recorded.filter { member == nil || $0.volunteer.code == member!.code }
            let lines = ["已记录任务 \(id)（\(task.title)）的服务时长，已保存："] + shown.map {
                "· \($0.volunteer.name) \(CoBuildingWorkText.hours($0.hours ?? 0))"
            }
            return .reply(.done(intent, lines.joined(separator: "\n"), data: [
                "task": CoBuildingWorkJSON.task(task, clock: r.clock),
                "hours": .array(shown.map { ["name": .string($0.volunteer.name), "code": .string($0.volunteer.code), "hours": .double($0.hours ?? 0)] }),
            ]))
        }
        let teams = try service.teams()
        var scope = r.string("community") ?? "全街道"
        var totals: [VolunteerHours]
        if let teamName = CoBuildingWorkText.said(teams.map(\.name), in: said).first, let team = teams.first(where: { $0.name == teamName }) {
            scope = team.name
            totals = try service.hours(teamCode: team.code)
        } else if let name = CoBuildingWorkText.said(people.map(\.name), in: said).first, let v = people.first(where: { $0.name == name }) {
            scope = v.name
            totals = try service.hours(volunteerCode: v.code)
        } else {
            totals = try service.hours(community: r.string("community"))
        }
        let sum = totals.reduce(0) { $0 + $1.hours }
        var lines = ["\(scope) 志愿服务时长合计 \(CoBuildingWorkText.hours(sum))（\(totals.count) 人）"]
        lines += totals.prefix(10).map { "· \($0.name) \(CoBuildingWorkText.hours($0.hours))（\($0.tasks) 次）" }
        return .reply(.done(intent, lines.joined(separator: "\n"), data: [
            "scope": .string(scope), "total_hours": .double(sum),
            "volunteers": .array(totals.map { ["name": .string($0.name), "tasks": .int($0.tasks), "hours": .double($0.hours)] }),
        ]))
    }

    /// `2小时`, `1.5个小时`.
    static func hours(in text: String) -> Double? {
        guard let m = text.range(of: #"\d+(\.\d+)?(?=\s*个?小时)"#, options: .regularExpression) else { return nil }
        return Double(text[m])
    }
}
