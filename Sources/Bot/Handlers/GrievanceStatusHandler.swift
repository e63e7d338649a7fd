import Domain

/// 查工单: a ticket's status and history by id, or a phone's tickets.
struct GrievanceStatusHandler: IntentHandler {
    let intent = "grievance.status"

    func handle(_ r: IntentRequest) throws -> Outcome {
        let service = r.services.grievances
        if let id = r.string("ticket_id") {
            guard let t = try service.ticket(id: id) else { throw DomainError.ticketNotFound(id) }
            var lines = ["工单 \(t.id)：\(t.status.chinese)（\(t.category)，\(t.grade) 级，\(Labels.level(t.level))层级办理）",
                         "问题：\(t.description)",
                         "承办：\(t.assignee ?? "—")\(t.assigneePhone.map { "（\($0)）" } ?? "")；时限：\(r.clock.display(t.dueAt)) 前\(t.isOverdue(at: r.clock.now) ? "【已超期】" : "")"]
            for e in try service.history(id: id) {
                lines.append("· \(r.clock.display(e.at)) \(actionName(e.action)) → \(TicketStatus(rawValue: e.toStatus)?.chinese ?? e.toStatus)\(e.note.map { "：\($0)" } ?? "")")
            }
            return .reply(.done(intent, lines.joined(separator: "\n"), data: ["ticket": DomainJSON.ticket(t, clock: r.clock)]))
        }
        if let phone = r.string("phone") {
            var filter = TicketFilter()
            filter.phone = phone
            let tickets = try service.list(filter)
            guard !tickets.isEmpty else { return .reply(.done(intent, "电话 \(phone) 没有报事记录。", data: ["tickets": []])) }
            let lines = ["电话 \(phone) 共 \(tickets.count) 张工单："] + tickets.map { "\($0.id) \($0.status.chinese) \($0.description)" }
            return .reply(.done(intent, lines.joined(separator: "\n"),
                                data: ["tickets": .array(tickets.map { DomainJSON.ticket($0, clock: r.clock) })]))
        }
        return .ask(slot: "ticket_id", question: "请提供工单号（GL 开头）或报事时留的电话。")
    }

    private func actionName(_ action: String) -> String {
        action == "file" ? "登记" : TicketAction(rawValue: action)?.chinese ?? action
    }
}
