import Domain
import Foundation

/// 超期工单 / 待办 / 督办 / 待分拨 / by community, grid, grade, category, status or day. Phones masked.
struct GrievanceListHandler: IntentHandler {
    let intent = "grievance.list"

    func handle(_ r: IntentRequest) throws -> Outcome {
        var filter = TicketFilter()
        let kind = r.string("filter")
        filter.overdueOnly = kind == "overdue"
        filter.openOnly = kind == "open"
        filter.triageOnly = kind == "triage"
        filter.supervisedOnly = kind == "supervised"
        filter.community = r.string("community")
        filter.gridCode = r.string("grid")
        filter.grade = r.string("grade")
        filter.status = r.string("status").flatMap(TicketStatus.init(rawValue:))
        filter.category = r.string("category")
        if let from = r.string("time").flatMap(Clock.parseISO) {
            filter.createdFrom = from
            filter.createdTo = r.string("time_end").flatMap(Clock.parseISO) ?? from.addingTimeInterval(86_400)
        }
        let tickets = try r.services.grievances.list(filter)
        let title = ["overdue": "超期工单", "open": "待办工单", "triage": "待分拨工单", "supervised": "督办工单"][kind ?? ""] ?? "工单"
        guard !tickets.isEmpty else { return .reply(.done(intent, "没有符合条件的\(title)。", data: ["tickets": []])) }
        var lines = ["\(title)共 \(tickets.count) 张："] + tickets.map { GrievanceText.listLine($0, clock: r.clock) }
        if filter.overdueOnly { lines.append("可输入“督办 工单号”挂督办标记。") }
        return .reply(.done(intent, lines.joined(separator: "\n"),
                            data: ["tickets": .array(tickets.map { DomainJSON.ticket($0, clock: r.clock, masked: true) })]))
    }
}
