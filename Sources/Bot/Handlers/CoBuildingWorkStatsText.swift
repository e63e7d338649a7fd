import Domain
import Foundation

/// The co-building work part of 统计: 议事 meetings and what they resolved,
/// volunteer hours, 四个万家 households visited.
enum CoBuildingWorkStatsText {
    /// One line per part that has any work recorded (an empty part says nothing).
    static func lines(_ f: CoBuildingWorkFigures) -> [String] {
        [f.meetingsScheduled == 0 ? nil : "议事：安排 \(f.meetingsScheduled) 场，已召开 \(f.meetingsHeld) 场，取消 \(f.meetingsCancelled) 场；形成决议 \(f.decisions) 条，关联工单/需求 \(f.itemsLinked) 件，其中按决议化解工单 \(f.grievancesResolved) 件、办结需求 \(f.needsSettled) 件",
         f.tasks == 0 ? nil : "志愿服务：任务 \(f.tasks) 个，报名 \(f.signups) 人次；服务时长 \(CoBuildingWorkText.hours(f.volunteerHours))（\(f.volunteersServed) 人）",
         f.visits == 0 ? nil : "四个万家：结对 \(f.householdsPaired) 户，已走访 \(f.householdsVisited) 户（\(f.visits) 次）；发现问题 \(f.needsFound) 项，转工单 \(f.ticketsFromVisits) 张、共建需求 \(f.needsFromVisits) 条"]
            .compactMap { $0 }
    }

    static func json(_ f: CoBuildingWorkFigures) -> JSONValue {
        ["meetings": ["scheduled": .int(f.meetingsScheduled), "held": .int(f.meetingsHeld), "cancelled": .int(f.meetingsCancelled),
                      "decisions": .int(f.decisions), "items_linked": .int(f.itemsLinked), "grievances_resolved": .int(f.grievancesResolved),
                      "needs_settled": .int(f.needsSettled)],
         "volunteers": ["tasks": .int(f.tasks), "signups": .int(f.signups), "hours": .double(f.volunteerHours),
                        "volunteers_served": .int(f.volunteersServed)],
         "visits": ["visits": .int(f.visits), "households_visited": .int(f.householdsVisited), "households_paired": .int(f.householdsPaired),
                    "needs_found": .int(f.needsFound), "tickets": .int(f.ticketsFromVisits),
                    "needs": .int(f.needsFromVisits)]]
    }
}
