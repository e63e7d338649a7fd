import Domain
import Understanding

/// 报事: collects what happened, where and a phone number, then files a
/// graded ticket routed to the building's grid worker. The reply is sent only
/// after the ticket is durably written.
struct GrievanceFileHandler: IntentHandler {
    let intent = "grievance.file"

    func handle(_ r: IntentRequest) throws -> Outcome {
        if let ask = r.missingRequired(["description"]) { return ask }
        guard let estate = r.string("estate") else {
            return r.missingRequired(["estate"])!
        }
        if r.string("community") == nil, let choices = PlaceChoices.forAmbiguousEstate(estate, request: r) {
            return .clarify(question: "“\(estate)”在多个社区都有，请问是哪个社区的？", choices: choices)
        }
        guard let building = r.string("building") else {
            return .ask(slot: "building", question: "请问是\(estate)的哪一栋？")
        }
        guard let placement = try r.services.grid.placement(community: r.string("community"), estate: estate, building: building) else {
            return .ask(slot: "estate", question: "没有找到 \(r.string("community") ?? "")\(estate)\(building)，请重新说一下地址（小区和楼栋）。")
        }
        if let ask = r.missingRequired(["phone"]) { return ask }
        let ticket = try r.services.grievances.file(GrievanceIntake(
            description: r.string("description")!, placement: placement, community: placement.community, estate: estate,
            building: building, reporterName: r.string("name"), reporterPhone: r.string("phone"), channel: "热线",
            actor: r.session.operatorName))
        return .reply(.done(intent, text(ticket, placement, r), data: ["ticket": DomainJSON.ticket(ticket, clock: r.clock)]))
    }

    private func text(_ t: Ticket, _ p: GridPlacement, _ r: IntentRequest) -> String {
        let grade = r.services.grievances.rules.grade(t.grade)
        var lines = ["已登记工单 \(t.id)，已保存。"]
        if t.urgent {
            let advice = r.services.grievances.rules.classify(t.description).advice
            lines.append("【紧急】\(advice)")
        }
        lines.append("问题：\(t.description)")
        lines.append("分类：\(t.category)；等级：\(t.grade)（\(grade?.handler ?? Labels.level(t.level))）；办理时限：\(r.clock.display(t.dueAt)) 前")
        lines.append("地点：\(p.community) › \(p.block) › \(p.grid) › 楼栋格 \(p.buildingGridCode) › \(p.estate)\(p.building)")
        lines.append("已派给网格员 \(p.gridWorker.name)（\(p.gridWorker.phone)），楼栋长 \(p.buildingLeader.name)（\(p.buildingLeader.phone)）")
        return lines.joined(separator: "\n")
    }
}
