import Domain

/// 查工单: a ticket's status and history by id (the full phone number only
/// here), or a phone's tickets (masked).
struct GrievanceStatusHandler: IntentHandler {
    let intent = "grievance.status"

    func handle(_ r: IntentRequest) throws -> Outcome {
        let service = r.services.grievances
        if let id = r.string("ticket_id") {
            guard let t = try service.ticket(id: id) else { throw DomainError.ticketNotFound(id) }
            var flags = t.isOverdue(at: r.clock.now) ? "【已超期】" : ""
            if t.supervised { flags += "【督办】" }
            var lines = ["工单 \(t.id)：\(t.status.chinese)（\(t.category)，\(t.grade) 级，\(Labels.level(t.level))层级办理\(t.round > 1 ? "，第 \(t.round) 轮" : "")）",
                         "问题：\(t.description)",
                         "承办：\(t.assignee ?? "—")\(t.assigneePhone.map { "（\($0)）" } ?? "")；时限：\(r.clock.display(t.dueAt)) 前\(flags)"]
            var extra: [String] = []
            if t.anonymous { extra.append("报事人：匿名") } else if let phone = t.reporterPhone {
                extra.append("报事人：\(t.reporterName.map { $0 + " " } ?? "")\(phone)")
            }
            if t.channel != "热线" { extra.append("来源：\(t.channel)") }
            if let m = t.mediation { extra.append("调解：\(m)") }
            if let rating = t.rating { extra.append("评价：\(rating.chinese)") }
            if !extra.isEmpty { lines.append(extra.joined(separator: "；")) }
            let history = try service.history(id: id)
            for e in history {
                let to = e.action == "attach" ? "" : " → \(TicketStatus(rawValue: e.toStatus)?.chinese ?? e.toStatus)"
                let who = e.actor.map { "（\($0)）" } ?? ""
                lines.append("· \(r.clock.display(e.at)) \(GrievanceText.actionName(e.action))\(who)\(to)\(e.note.map { "：\($0)" } ?? "")")
            }
            let events: [JSONValue] = history.map { e in
                ["seq": .int(e.seq), "at": .string(r.clock.iso(e.at)), "action": .string(e.action), "from": .optional(e.fromStatus),
                 "to": .string(e.toStatus), "note": .optional(e.note), "actor": .optional(e.actor)]
            }
            return .reply(.done(intent, lines.joined(separator: "\n"),
                                data: ["ticket": DomainJSON.ticket(t, clock: r.clock), "history": .array(events)]))
        }
        if let phone = r.string("phone") {
            var filter = TicketFilter()
            filter.phone = phone
            let tickets = try service.list(filter)
            let masked = Ticket.mask(phone)
            guard !tickets.isEmpty else { return .reply(.done(intent, "电话 \(masked) 没有报事记录。", data: ["tickets": []])) }
            let lines = ["电话 \(masked) 共 \(tickets.count) 张工单："] + tickets.map { "\($0.id) \($0.status.chinese) \($0.description)" }
            return .reply(.done(intent, lines.joined(separator: "\n"),
                                data: ["tickets": .array(tickets.map { DomainJSON.ticket($0, clock: r.clock, masked: true) })]))
        }
        return .ask(slot: "ticket_id", question: "请提供工单号（GL 开头）或报事时留的电话。")
    }
}
