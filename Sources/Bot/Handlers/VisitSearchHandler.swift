import Domain
import Foundation

/// 走访记录: visits by member, community, estate and time, or one by id.
struct VisitSearchHandler: IntentHandler {
    let intent = "cobuild.visit.search"

    func handle(_ r: IntentRequest) throws -> Outcome {
        let service = r.services.visits
        var visits: [Visit]
        if let id = r.string("visit_id") {
            guard let v = try service.visit(id: id) else { throw CoBuildingWorkError.visitNotFound(id) }
            visits = [v]
        } else {
            let member = CoBuildingWorkText.said(try service.memberNames(), in: r.string("description") ?? "").first
            var filter = VisitFilter(member: member, community: r.string("community"), estate: r.string("estate"))
            if let (from, to) = CoBuildingWorkText.period(r, defaultHours: 24) { (filter.from, filter.to) = (from, to) }
            visits = try service.list(filter)
        }
        guard !visits.isEmpty else { return .reply(.done(intent, "没有找到走访记录。", data: ["visits": []])) }
        var lines = ["走访记录 \(visits.count) 条："]
        for v in visits {
            let found = v.needs.isEmpty ? "未发现问题" : "发现 \(v.needs.count) 项：" + v.needs.map { "\($0.description)（\($0.targetId ?? "—")）" }.joined(separator: "；")
            lines.append("\(v.id) \(r.clock.display(v.visitedAt)) 党员\(v.member) → \(v.community) \(v.household)；\(found)\(v.notes.map { "；情况：\($0)" } ?? "")")
        }
        return .reply(.done(intent, lines.joined(separator: "\n"), data: ["visits": .array(visits.map { CoBuildingWorkJSON.visit($0, clock: r.clock) })]))
    }
}
