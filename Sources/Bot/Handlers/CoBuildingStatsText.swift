import Domain

/// The co-building line of `统计` and its `data.cobuilding` object.
enum CoBuildingStatsText {
    static func line(_ f: CoBuildingFigures) -> String {
        let needs = NeedStatus.allCases.map { "\($0.chinese) \(f.needsByStatus[$0.rawValue] ?? 0)" }.joined(separator: "，")
        return "大党委共建：成员单位 \(f.units) 家，资源 \(f.resources) 项（已共享 \(f.resourcesShared) 项），服务 \(f.services) 项；"
            + "需求 \(f.needsTotal) 条（\(needs)），匹配记录 \(f.matches) 条；"
            + "资源预约 已确认 \(f.bookingsConfirmed) 个（\(f.placesBooked) 个位置），候补 \(f.bookingsWaitlisted) 个"
    }

    static func json(_ f: CoBuildingFigures) -> JSONValue {
        ["units": .int(f.units), "resources": .int(f.resources), "resources_shared": .int(f.resourcesShared), "services": .int(f.services),
         "needs": .int(f.needsTotal), "needs_by_status": .object(f.needsByStatus.mapValues { .int($0) }), "matches": .int(f.matches),
         "bookings_confirmed": .int(f.bookingsConfirmed), "bookings_waitlisted": .int(f.bookingsWaitlisted), "places_booked": .int(f.placesBooked)]
    }
}
