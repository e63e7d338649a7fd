import Domain
import Foundation

/// 发布志愿任务: a task with a time window, place, skill wanted and headcount.
struct VolunteerTaskHandler: IntentHandler {
    let intent = "cobuild.volunteer.task"

    func handle(_ r: IntentRequest) throws -> Outcome {
        if let ask = r.missingRequired() { return ask }
        guard let start = r.string("time").flatMap(Clock.parseISO),
              let end = r.string("time_end").flatMap(Clock.parseISO) ?? Self.end(r.string("until") ?? "", after: start, clock: r.clock) else {
            return .ask(slot: "time", question: "请说明任务的起止时间，例如：下周六上午9点到12点。")
        }
        guard let headcount = r.slots["headcount"]?.int else { return .ask(slot: "headcount", question: "请问需要几人？") }
        let t = try r.services.volunteers.publish(.init(title: r.string("title")!, community: r.string("community")!,
                                                        place: r.string("place")!, skill: r.string("skill"), startsAt: start,
                                                        endsAt: end, headcount: headcount, actor: r.session.operatorName))
        let lines = ["已发布志愿任务 \(t.id)，已保存。",
                     "内容：\(t.title)",
                     "时间：\(CoBuildingWorkText.window(t.startsAt, t.endsAt, clock: r.clock))；地点：\(t.community) \(t.place)",
                     "需要 \(t.headcount) 人\(t.skill.map { "，技能：\($0)" } ?? "")",
                     "报名：报名志愿 \(t.id) 队伍名或志愿者姓名"]
        return .reply(.done(intent, lines.joined(separator: "\n"), data: ["task": CoBuildingWorkJSON.task(t, clock: r.clock)]))
    }

    /// The end said after 到/至 (`12点`, `17:30`, `5点半`) on the start's day;
    /// an hour not after the start is read as afternoon (下午3点到5点).
    static func end(_ said: String, after start: Date, clock: Clock) -> Date? {
        let text = said.replacingOccurrences(of: "下午", with: "").replacingOccurrences(of: "晚上", with: "")
        guard let m = text.range(of: #"^\d{1,2}(?=[点:：])"#, options: .regularExpression),
              var hour = Int(text[m]), hour <= 24 else { return nil }
        let rest = text[m.upperBound...].dropFirst()
        let minute = rest.hasPrefix("半") ? 30 : Int(rest.prefix { $0.isASCII && $0.isNumber }.prefix(2)) ?? 0
        let startHour = clock.calendar.component(.hour, from: start)
        if hour <= startHour && hour < 12 { hour += 12 }
        return clock.calendar.date(bySettingHour: hour % 24, minute: minute, second: 0, of: start)
    }
}

/// 报名志愿: a whole team (members chosen by skill, availability and places
/// left) or one member signs up for a task.
struct VolunteerSignupHandler: IntentHandler {
    let intent = "cobuild.volunteer.signup"

    func handle(_ r: IntentRequest) throws -> Outcome {
        if let ask = r.missingRequired() { return ask }
        let id = r.string("task_id")!
        let service = r.services.volunteers
        guard let task = try service.task(id: id) else { throw CoBuildingWorkError.taskNotFound(id) }
        let said = r.string("description")!
        let teams = try service.teams()
        if let name = CoBuildingWorkText.said(teams.map(\.name), in: said).first, let team = teams.first(where: { $0.name == name }) {
            let (t, signed) = try service.signUp(taskId: id, team: team)
            let lines = ["\(team.name) 已报名任务 \(t.id)（\(t.title)），\(signed.count) 人：\(signed.map(\.name).joined(separator: "、"))",
                         "时间：\(CoBuildingWorkText.window(t.startsAt, t.endsAt, clock: r.clock))；地点：\(t.community) \(t.place)",
                         "名额：已报 \(t.signed)/\(t.headcount)\(t.signed >= t.headcount ? "（已满）" : "")"]
            return .reply(.done(intent, lines.joined(separator: "\n"),
                                data: ["task": CoBuildingWorkJSON.task(t, clock: r.clock), "signed": .array(signed.map(CoBuildingWorkJSON.volunteer))]))
        }
        let people = try service.volunteers()
        let named = CoBuildingWorkText.said(Array(Set(people.map(\.name))), in: said)
        // The same name in several communities: the task's community first.
        guard let name = named.first, let v = people.first(where: { $0.name == name && $0.community == task.community })
                ?? people.first(where: { $0.name == name }) else {
            throw CoBuildingWorkError.volunteerNotFound(said)
        }
        let t = try service.signUp(taskId: id, volunteer: v)
        let lines = ["\(v.name)（\(v.phone)）已报名任务 \(t.id)（\(t.title)）。",
                     "时间：\(CoBuildingWorkText.window(t.startsAt, t.endsAt, clock: r.clock))；地点：\(t.community) \(t.place)",
                     "名额：已报 \(t.signed)/\(t.headcount)\(t.signed >= t.headcount ? "（已满）" : "")"]
        return .reply(.done(intent, lines.joined(separator: "\n"),
                            data: ["task": CoBuildingWorkJSON.task(t, clock: r.clock), "signed": [CoBuildingWorkJSON.volunteer(v)]]))
    }
}
