import Domain
import Foundation

/// 谁有空: volunteers available at a time by their roster and not on another task, by community and skill.
struct VolunteerFreeHandler: IntentHandler {
    let intent = "cobuild.volunteer.free"

    func handle(_ r: IntentRequest) throws -> Outcome {
        if let ask = r.missingRequired() { return ask }
        guard let (from, to) = CoBuildingWorkText.period(r, defaultHours: 1) else { return .ask(slot: "time", question: "请问什么时间？") }
        let service = r.services.volunteers
        let skill = CoBuildingWorkText.said(try service.skills(), in: r.string("description") ?? "").first
        let free = try service.free(from: from, to: to, community: r.string("community"), skill: skill)
        let teams = Dictionary(try service.teams().map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        let scope = [r.string("community"), skill.map { "会\($0)" }].compactMap { $0 }.joined(separator: " ")
        let when = CoBuildingWorkText.window(from, to, clock: r.clock)
        guard !free.isEmpty else {
            return .reply(.done(intent, "\(when) \(scope.isEmpty ? "" : scope + " ")没有有空的志愿者。", data: ["volunteers": []]))
        }
        let shown = free.prefix(20)
        var lines = ["\(when) \(scope.isEmpty ? "" : scope + " ")有空的志愿者 \(free.count) 人："]
        lines += shown.map { v in
            "· \(v.name)（\(teams[v.teamCode] ?? v.teamCode)，\(v.phone)）技能：\(v.skills.joined(separator: "、"))；可服务：\(v.availability.replacingOccurrences(of: "|", with: "，"))"
        }
        if free.count > shown.count { lines.append("……另有 \(free.count - shown.count) 人，可加社区或技能缩小范围。") }
        return .reply(.done(intent, lines.joined(separator: "\n"), data: ["volunteers": .array(free.map(CoBuildingWorkJSON.volunteer))]))
    }
}
