import Foundation

/// Figures for `统计`: tickets by status and grade, the local-settlement rate,
/// bookings and enterprise requests.
public struct StatsService: Sendable {
    let db: any SQLDatabase
    let clock: Clock

    public init(db: any SQLDatabase, clock: Clock) {
        self.db = db
        self.clock = clock
    }

    public struct Figures: Sendable, Equatable {
        public var ticketsByStatus: [String: Int] = [:]
        public var ticketsByGrade: [String: Int] = [:]
        public var ticketsTotal = 0
        public var ticketsOverdue = 0
        /// Resolved at block or community level, of all resolved or later.
        public var settledLocally = 0
        public var settledTotal = 0
        public var bookingsConfirmed = 0
        public var bookingsWaitlisted = 0
        public var requestsByType: [String: Int] = [:]
        public var financingAsked: Double = 0
        /// Financing of requests already closed (matched with a lender).
        public var financingMatched: Double = 0
        public var requestsByPark: [String: Int] = [:]
        public var requestsByStatus: [String: Int] = [:]
        /// 专精特新 firms that have requests still open.
        public var specialisedFirmsWithOpenRequests: [String] = []
    }

    /// 议事 meetings, volunteer hours and 四个万家 visits (co-building work).
    public func coBuildingWork(since: Date? = nil) throws -> CoBuildingWorkFigures {
        try CoBuildingWorkFigures.load(db, since: since)
    }

    public func figures() throws -> Figures {
        try db.read { conn in
            var f = Figures()
            for row in try conn.query("SELECT status, COUNT(*) AS n FROM tickets GROUP BY status") {
                f.ticketsByStatus[row.string("status")] = row.int("n")
                f.ticketsTotal += row.int("n")
            }
            for row in try conn.query("SELECT grade, COUNT(*) AS n FROM tickets GROUP BY grade") {
                f.ticketsByGrade[row.string("grade")] = row.int("n")
            }
            f.ticketsOverdue = try conn.queryOne(
                "SELECT COUNT(*) AS n FROM tickets WHERE status IN ('reported', 'accepted', 'dispatched') AND due_at < ?",
                [.int(clock.now.epoch)])?.int("n") ?? 0
            let settled = try conn.queryOne(
                """
                SELECT COUNT(*) AS total, SUM(CASE WHEN level IN ('block', 'community') THEN 1 ELSE 0 END) AS local
                FROM tickets WHERE status IN ('resolved', 'confirmed', 'closed')
                """)
            f.settledTotal = settled?.int("total") ?? 0
            f.settledLocally = settled?.int("local") ?? 0
            for row in try conn.query("SELECT status, COUNT(*) AS n FROM bookings GROUP BY status") {
                if row.string("status") == "confirmed" { f.bookingsConfirmed = row.int("n") }
                if row.string("status") == "waitlisted" { f.bookingsWaitlisted = row.int("n") }
            }
            for row in try conn.query("SELECT service_type, COUNT(*) AS n FROM enterprise_requests GROUP BY service_type") {
                f.requestsByType[row.string("service_type")] = row.int("n")
            }
            f.financingAsked = try conn.queryOne(
                "SELECT SUM(amount) AS s FROM enterprise_requests WHERE service_type = 'financing'")?.double("s") ?? 0
            f.financingMatched = try conn.queryOne(
                "SELECT SUM(amount) AS s FROM enterprise_requests WHERE service_type = 'financing' AND status = 'closed'")?.double("s") ?? 0
            for row in try conn.query(
                "SELECT e.park, COUNT(*) AS n FROM enterprise_requests r JOIN enterprises e ON e.uscc = r.uscc GROUP BY e.park") {
                f.requestsByPark[row.string("park")] = row.int("n")
            }
            for row in try conn.query("SELECT status, COUNT(*) AS n FROM enterprise_requests GROUP BY status") {
                f.requestsByStatus[row.string("status")] = row.int("n")
            }
            f.specialisedFirmsWithOpenRequests = try conn.query(
                "SELECT DISTINCT e.name FROM enterprise_requests r JOIN enterprises e ON e.uscc = r.uscc "
                    + "WHERE r.status <> 'closed' AND e.scale LIKE '%专精特新%' ORDER BY e.name").map { $0.string("name") }
            return f
        }
    }
}
