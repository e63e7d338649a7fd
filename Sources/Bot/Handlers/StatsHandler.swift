import Domain
import Foundation

/// 统计: tickets by status and grade, local settlement, bookings, enterprise requests.
struct StatsHandler: IntentHandler {
    let intent = "stats"

    func handle(_ r: IntentRequest) throws -> Outcome {
        let f = try r.services.stats.figures()
        let a = try r.services.activities.figures()
        let work = try r.services.stats.coBuildingWork()
        let cb = try r.services.coBuilding.figures()
        let byCommunity = a.seatsByCommunity.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.key) \($0.value)" }
        let byKind = a.seatsByKind.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.key) \($0.value)" }
        let statusOrder = TicketStatus.allCases.map(\.rawValue)
        let byStatus = statusOrder.compactMap { s in f.ticketsByStatus[s].map { "\(TicketStatus(rawValue: s)!.chinese) \($0)" } }
        let byGrade = ["A", "B", "C", "D"].compactMap { g in f.ticketsByGrade[g].map { "\(g)级 \($0)" } }
        let rate = f.settledTotal == 0 ? "—" : String(format: "%.1f%%", Double(f.settledLocally) * 100 / Double(f.settledTotal))
        let types = f.requestsByType.keys.sorted().map { "\(r.services.enterprises.serviceType($0)?.label ?? $0) \(f.requestsByType[$0]!)" }
        var lines = [
            "工单共 \(f.ticketsTotal) 张\(byStatus.isEmpty ? "" : "：" + byStatus.joined(separator: "，"))",
            "按等级：\(byGrade.isEmpty ? "—" : byGrade.joined(separator: "，"))；超期 \(f.ticketsOverdue) 张",
            "已化解 \(f.settledTotal) 张，其中街区/社区层级化解 \(f.settledLocally) 张（\(rate)）",
            "活动预约：已确认 \(f.bookingsConfirmed) 个（\(a.seatsBooked) 个座位），候补 \(f.bookingsWaitlisted) 个（\(a.seatsWaitlisted) 个座位）；已举办场次 \(a.sessionsHeld)，取消场次 \(a.sessionsCancelled)",
            "企业服务：\(types.isEmpty ? "0" : types.joined(separator: "，"))；融资需求合计 \(Labels.yuan(f.financingAsked))，已对接 \(Labels.yuan(f.financingMatched))",
        ]
        lines.insert(contentsOf: try GrievanceStatsText.lines(r.services.grievances.figures()), at: 3)
        let parks = f.requestsByPark.keys.sorted().map { "\($0) \(f.requestsByPark[$0]!)" }
        let statuses = EnterpriseRequestStatus.allCases.compactMap { s in f.requestsByStatus[s.rawValue].map { "\(s.chinese) \($0)" } }
        let extra = [
            parks.isEmpty ? nil : "企服按园区：\(parks.joined(separator: "，"))；按状态：\(statuses.joined(separator: "，"))",
            f.specialisedFirmsWithOpenRequests.isEmpty ? nil : "有在办诉求的专精特新企业：\(f.specialisedFirmsWithOpenRequests.joined(separator: "、"))",
            byCommunity.isEmpty ? nil : "活动参与（座位）按社区：\(byCommunity.joined(separator: "，"))；按类别：\(byKind.joined(separator: "，"))",
            CoBuildingStatsText.line(cb),
        ].compactMap { $0 } + CoBuildingWorkStatsText.lines(work)
        let data: JSONValue = [
            "tickets": ["total": .int(f.ticketsTotal), "by_status": .object(f.ticketsByStatus.mapValues { .int($0) }),
                        "by_grade": .object(f.ticketsByGrade.mapValues { .int($0) }), "overdue": .int(f.ticketsOverdue),
                        "settled": .int(f.settledTotal), "settled_locally": .int(f.settledLocally)],
            "bookings": ["confirmed": .int(f.bookingsConfirmed), "waitlisted": .int(f.bookingsWaitlisted),
                         "seats_booked": .int(a.seatsBooked), "seats_waitlisted": .int(a.seatsWaitlisted),
                         "sessions_held": .int(a.sessionsHeld), "sessions_cancelled": .int(a.sessionsCancelled),
                         "seats_by_community": .object(a.seatsByCommunity.mapValues { .int($0) }),
                         "seats_by_kind": .object(a.seatsByKind.mapValues { .int($0) })],
            "enterprise_requests": ["by_type": .object(f.requestsByType.mapValues { .int($0) }), "financing_amount": .double(f.financingAsked),
                                    "financing_matched": .double(f.financingMatched), "by_park": .object(f.requestsByPark.mapValues { .int($0) }),
                                    "by_status": .object(f.requestsByStatus.mapValues { .int($0) }),
                                    "specialised_firms_open": .array(f.specialisedFirmsWithOpenRequests.map { .string($0) })],
            "cobuilding_work": CoBuildingWorkStatsText.json(work),
            "cobuilding": CoBuildingStatsText.json(cb),
        ]
        return .reply(.done(intent, (lines + extra).joined(separator: "\n"), data: data))
    }
}
