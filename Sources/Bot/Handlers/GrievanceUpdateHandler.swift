import Domain
import Foundation

/// 受理 / 派单 / 化解 / 确认 / 回访 / 升级 / 重新打开 / 办结 / 退回 / 督办 a ticket.
struct GrievanceUpdateHandler: IntentHandler {
    let intent = "grievance.update"

    func handle(_ r: IntentRequest) throws -> Outcome {
        if let ask = r.missingRequired() { return ask }
        let id = r.string("ticket_id")!
        guard let action = TicketAction(rawValue: r.string("action")!) else {
            return .ask(slot: "action", question: r.spec.slot("action")?.ask ?? "请问要做什么操作？")
        }
        let rating = r.string("rating").flatMap(TicketRating.init(rawValue:))
        if action == .feedback && rating == nil {
            return .ask(slot: "rating", question: "请问居民的评价：满意、基本满意还是不满意？")
        }
        var note = r.string("description").map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        if let n = note, rating != nil {
            // The rating words are in the free text too.
            let rest = n.replacingOccurrences(of: rating!.chinese, with: "").trimmingCharacters(in: CharacterSet(charactersIn: " ，,。了"))
            // 回访了 居民表示非常满意: with the rating taken out, only filler words are left.
            let filler = ["居民", "表示", "非常", "很", "说", "了", "的", " ", "，", ","]
            note = filler.reduce(rest) { $0.replacingOccurrences(of: $1, with: "") }.isEmpty ? nil : rest
        }
        var assignee: GridPlacement.Person? = nil
        if action == .dispatch {
            // 派单 GL… 给 李明 138…: the name slot, or the word after 给 in the free text.
            let afterGive = note.flatMap { n in
                n.hasPrefix("给") ? n.dropFirst().trimmingCharacters(in: .whitespaces).split(separator: " ").first.map(String.init) : nil
            }
            if let name = r.string("name") ?? afterGive, !name.isEmpty {
                assignee = GridPlacement.Person(name: name, phone: r.string("phone") ?? "")
                if note?.hasPrefix("给") == true { note = nil }
            }
        }
        let t = try r.services.grievances.update(id: id, TicketMove(action, note: note, actor: r.session.operatorName,
                                                                    rating: rating, assignee: assignee))
        var lines = ["工单 \(t.id) 已\(action.chinese)，当前状态：\(t.status.chinese)。"]
        switch action {
        case .escalate:
            lines.append("已升级到\(Labels.level(t.level))层级办理，承办：\(t.assignee ?? "—")（\(t.assigneePhone ?? "")）；时限：\(r.clock.display(t.dueAt)) 前。")
        case .dispatch:
            lines.append("承办人：\(t.assignee ?? "—")\(t.assigneePhone.map { $0.isEmpty ? "" : "（\($0)）" } ?? "")。")
        case .return:
            lines.append("已退回分拨队列：\(t.assignee ?? "")，原因：\(note ?? "")。")
        case .supervise:
            lines.append("已挂督办标记\(t.isOverdue(at: r.clock.now) ? "（已超期）" : "")，承办：\(t.assignee ?? "—")；时限：\(r.clock.display(t.dueAt)) 前。")
        case .feedback where rating == .unsatisfied:
            lines.append("居民不满意，已自动重办：第 \(t.round) 轮办理，承办：\(t.assignee ?? "—")；新时限：\(r.clock.display(t.dueAt)) 前。")
        case .reopen:
            lines.append("已重新打开：第 \(t.round) 轮办理，承办：\(t.assignee ?? "—")；新时限：\(r.clock.display(t.dueAt)) 前。")
        default:
            break
        }
        return .reply(.done(intent, lines.joined(separator: "\n"), data: ["ticket": DomainJSON.ticket(t, clock: r.clock)]))
    }
}
