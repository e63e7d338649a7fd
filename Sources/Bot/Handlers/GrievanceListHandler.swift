import Domain
import Foundation

/// 超期工单 / 待办 / by community, grid, grade or day.
struct GrievanceListHandler: IntentHandler {
    let intent = "grievance.list"

    func handle(_ r: IntentRequest) throws -> Outcome {
        var filter = TicketFilter()
        filter.overdueOnly = r.string("filter") == "overdue"
        filter.openOnly = r.string("filter") == "open"
        filter.community = r.string("community")
        filter.gridCode = r.string("grid")
        filter.grade = r.string("grade")
        if let from = r.string("time").flatMap(Clock.parseISO) {
            filter.createdFrom = from
            filter.createdTo = r.string("time_end").flatMap(Clock.parseISO) ?? from.addingTimeInterval(86_400)
        }
        let tickets = try r.services.grievances.list(filter)
        let title = filter.overdueOnly ? "超期工单" : filter.openOnly ? "待办工单" : "工单"
        guard !tickets.isEmpty else { return .reply(.done(intent, "没有符合条件的\(title)。", data: ["tickets": []])) }
        let lines = ["\(title)共 \(tickets.count) 张："] + tickets.map { t in
            "\(t.id) \(t.grade)级 \(t.status.chinese) \(t.community ?? "")\(t.estate ?? "")\(t.building ?? "") \(t.description)（时限 \(r.clock.display(t.dueAt))）"
        }
        return .reply(.done(intent, lines.joined(separator: "\n"), data: ["tickets": .array(tickets.map { DomainJSON.ticket($0, clock: r.clock) })]))
    }
}
