import Domain

/// 受理 / 派单 / 化解 / 确认 / 回访 / 升级 / 重新打开 / 办结 a ticket.
struct GrievanceUpdateHandler: IntentHandler {
    let intent = "grievance.update"

    func handle(_ r: IntentRequest) throws -> Outcome {
        if let ask = r.missingRequired() { return ask }
        let id = r.string("ticket_id")!
        guard let action = TicketAction(rawValue: r.string("action")!) else {
            return .ask(slot: "action", question: r.spec.slot("action")?.ask ?? "请问要做什么操作？")
        }
        var note = r.string("description")
        if let rating = r.string("rating") {
            let label = ["satisfied": "满意", "basically_satisfied": "基本满意", "unsatisfied": "不满意"][rating] ?? rating
            note = ["评价：\(label)", note].compactMap { $0 }.joined(separator: "；")
        }
        let t = try r.services.grievances.update(id: id, action: action, note: note, actor: r.session.operatorName)
        var text = "工单 \(t.id) 已\(action.chinese)，当前状态：\(t.status.chinese)。"
        if action == .escalate { text += "\n已升级到\(Labels.level(t.level))层级办理。" }
        if r.string("rating") == "unsatisfied" { text += "\n居民不满意：可输入“重新打开 \(t.id)”重办。" }
        return .reply(.done(intent, text, data: ["ticket": DomainJSON.ticket(t, clock: r.clock)]))
    }
}
