import Domain
import Foundation

/// 议事记录: records the next of the seven steps, a decision and what it
/// settles (grievances move to 已化解, needs to 已解决, each through its own
/// loop when it allows).
struct MeetingRecordHandler: IntentHandler {
    let intent = "cobuild.meeting.record"

    func handle(_ r: IntentRequest) throws -> Outcome {
        if let ask = r.missingRequired() { return ask }
        let id = r.string("meeting_id")!
        let service = r.services.meetings
        let procedure = try service.procedure()
        let said = r.string("description") ?? ""
        guard let meeting = try service.meeting(id: id) else { throw CoBuildingWorkError.meetingNotFound(id) }
        guard let step = r.string("step") ?? procedure.steps.first(where: { said.contains($0.name) })?.code else {
            let next = procedure.nextSteps(after: meeting.status).map(\.name)
            let hint = next.isEmpty ? "该议事已\(procedure.statusName(meeting.status))，没有可记录的步骤。" : "下一步可记录：\(next.joined(separator: " / "))。"
            return .ask(slot: "step", question: "请问记录哪一步？当前：\(procedure.statusName(meeting.status))。\(hint)")
        }
        let note = Self.note(r.string("note") ?? "")
        let links = Self.ids(r.string("tickets")).map { (DecisionLink.Kind.grievance, $0) } + Self.ids(r.string("needs")).map { (DecisionLink.Kind.need, $0) }
        let record = try service.record(id: id, step: step, note: note, links: links, actor: r.session.operatorName)
        let m = record.meeting
        var lines: [String]
        if m.status == MeetingProcedure.cancelled {
            lines = ["议事 \(m.id) 已取消（\(m.kind)：\(m.topic)）。" + (note.map { "原因：\($0)" } ?? "")]
        } else {
            let order = procedure.step(m.status)?.order ?? 0
            lines = ["议事 \(m.id) 已记录“\(record.step?.name ?? step)”（第 \(order) 步，共 \(procedure.steps.count) 步）。"]
            if let note, record.decision == nil { lines.append("记录：\(note)") }
        }
        if let d = record.decision {
            lines.append("决议 \(d.seq)：\(d.text)")
            lines += d.links.map { Self.describe($0) }
        }
        if m.status != MeetingProcedure.cancelled {
            let next = procedure.nextSteps(after: m.status).map(\.name)
            lines.append(next.isEmpty ? "七步议事已全部完成。" : "下一步：\(next.joined(separator: " / "))")
        }
        var data: [String: JSONValue] = ["meeting": CoBuildingWorkJSON.meeting(m, procedure, clock: r.clock)]
        if let d = record.decision { data["decision"] = CoBuildingWorkJSON.decision(d, clock: r.clock) }
        return .reply(.done(intent, lines.joined(separator: "\n"), data: .object(data)))
    }

    static func describe(_ l: DecisionLink) -> String {
        switch (l.kind, l.outcome) {
        case (.grievance, .resolved):
            return "· 工单 \(l.id) 已按决议化解，当前状态：\(status(l))"
        case (.grievance, .unchanged):
            return "· 工单 \(l.id) 已关联；当前状态“\(status(l))”不能化解，未改动（未受理的请先受理）"
        case (.need, .resolved):
            return "· 需求 \(l.id) 已按决议办结，当前状态：\(status(l))"
        case (.need, .unchanged):
            // Only a matched need can be settled: say what would let it move.
            let why = l.status == NeedStatus.open.rawValue ? "（请先匹配资源或服务：匹配需求 \(l.id)）" : ""
            return "· 需求 \(l.id) 已关联；当前状态“\(status(l))”不能办结，未改动\(why)"
        }
    }

    /// The linked item's status in Chinese (a ticket's or a need's).
    static func status(_ l: DecisionLink) -> String {
        guard let raw = l.status else { return "" }
        switch l.kind {
        case .grievance: return TicketStatus(rawValue: raw)?.chinese ?? raw
        case .need: return NeedStatus(rawValue: raw)?.chinese ?? raw
        }
    }

    /// The decision or note said after the step word, without the linked ids
    /// and the word that introduced them (解决, 关联).
    static func note(_ said: String) -> String? {
        var s = said.replacingOccurrences(of: #"(?i)\b[A-Z]{2}\d{8}-?\d{4,}\b"#, with: " ", options: .regularExpression)
        s = s.split(separator: " ").joined(separator: " ")
        for tail in ["解决", "关联", "涉及", "对应"] where s.hasSuffix(tail) { s = String(s.dropLast(tail.count)) }
        s = s.trimmingCharacters(in: CharacterSet(charactersIn: " ，,。；;：:"))
        return s.isEmpty ? nil : s
    }

    static func ids(_ joined: String?) -> [String] {
        (joined ?? "").split(separator: ",").map(String.init).filter { !$0.isEmpty }
    }
}
