import Foundation

/// The 大党委 co-building work for `统计` (issue 9): 议事
/// meetings held and what they resolved, volunteer hours, households visited.
public struct CoBuildingWorkFigures: Sendable, Equatable {
    public var meetingsScheduled = 0
    /// Meetings that reached 召开会议 or a later step.
    public var meetingsHeld = 0
    public var meetingsCancelled = 0
    public var decisions = 0
    /// Grievances moved to 已化解 by a decision.
    public var grievancesResolved = 0
    /// Co-building needs moved to 已解决 by a decision.
    public var needsSettled = 0
    /// Grievances and needs linked to decisions.
    public var itemsLinked = 0
    public var tasks = 0
    public var signups = 0
    public var volunteerHours: Double = 0
    public var volunteersServed = 0
    public var visits = 0
    public var householdsVisited = 0
    public var householdsPaired = 0
    public var needsFound = 0
    public var ticketsFromVisits = 0
    /// Findings filed as co-building needs (XQ, source 入户走访).
    public var needsFromVisits = 0

    /// Counts everything in the database (`since`: only what happened from then on).
    public static func load(_ db: any SQLDatabase, since: Date? = nil) throws -> CoBuildingWorkFigures {
        let from = since?.epoch ?? Int.min
        return try db.read { conn in
            var f = CoBuildingWorkFigures()
            let procedure = try MeetingProcedure.load(conn)
            let convene = procedure.step(MeetingProcedure.conveneStep)?.order ?? Int.max
            let held = Set(procedure.steps.filter { $0.order >= convene }.map(\.code))
            for row in try conn.query("SELECT status, COUNT(*) AS n FROM cobuild_meetings WHERE starts_at >= ? GROUP BY status", [.int(from)]) {
                let n = row.int("n")
                f.meetingsScheduled += n
                if held.contains(row.string("status")) { f.meetingsHeld += n }
                if row.string("status") == MeetingProcedure.cancelled { f.meetingsCancelled += n }
            }
            f.decisions = try conn.queryOne("SELECT COUNT(*) AS n FROM cobuild_decisions WHERE decided_at >= ?", [.int(from)])?.int("n") ?? 0
            let links = try conn.queryOne(
                """
                SELECT COUNT(*) AS n,
                       SUM(CASE WHEN l.outcome = 'resolved' AND l.target_kind = 'grievance' THEN 1 ELSE 0 END) AS resolved,
                       SUM(CASE WHEN l.outcome = 'resolved' AND l.target_kind = 'need' THEN 1 ELSE 0 END) AS settled
                FROM cobuild_decision_links l JOIN cobuild_decisions d ON d.meeting_id = l.meeting_id AND d.seq = l.decision_seq
                WHERE d.decided_at >= ?
                """, [.int(from)])
            f.itemsLinked = links?.int("n") ?? 0
            f.grievancesResolved = links?.int("resolved") ?? 0
            f.needsSettled = links?.int("settled") ?? 0
            f.tasks = try conn.queryOne("SELECT COUNT(*) AS n FROM cobuild_tasks WHERE starts_at >= ?", [.int(from)])?.int("n") ?? 0
            let served = try conn.queryOne(
                """
                SELECT COUNT(*) AS n, SUM(hours) AS h, COUNT(DISTINCT CASE WHEN hours IS NOT NULL THEN volunteer_code END) AS people
                FROM cobuild_task_signups WHERE starts_at >= ?
                """, [.int(from)])
            f.signups = served?.int("n") ?? 0
            f.volunteerHours = served?.double("h") ?? 0
            f.volunteersServed = served?.int("people") ?? 0
            let visits = try conn.queryOne(
                "SELECT COUNT(*) AS n, COUNT(DISTINCT pairing_code) AS households FROM cobuild_visits WHERE visited_at >= ?", [.int(from)])
            f.visits = visits?.int("n") ?? 0
            f.householdsVisited = visits?.int("households") ?? 0
            f.householdsPaired = try conn.queryOne("SELECT COUNT(*) AS n FROM cobuild_pairings")?.int("n") ?? 0
            let needs = try conn.queryOne(
                """
                SELECT COUNT(*) AS n, COUNT(DISTINCT CASE WHEN n.target_kind IN ('grievance', 'attached') THEN n.target_id END) AS tickets,
                       COUNT(DISTINCT CASE WHEN n.target_kind IN ('need', 'need_repeat') THEN n.target_id END) AS needs
                FROM cobuild_visit_needs n
                JOIN cobuild_visits v ON v.id = n.visit_id WHERE v.visited_at >= ?
                """, [.int(from)])
            f.needsFound = needs?.int("n") ?? 0
            f.ticketsFromVisits = needs?.int("tickets") ?? 0
            f.needsFromVisits = needs?.int("needs") ?? 0
            return f
        }
    }
}
