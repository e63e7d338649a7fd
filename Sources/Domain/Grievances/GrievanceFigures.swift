import Foundation

/// Grievance figures for 统计: by community and category, on-time rate,
/// average time to 受理 and to 化解, satisfaction.
public struct GrievanceFigures: Sendable, Equatable {
    public var byCommunity: [(String, Int)] = []
    public var byCategory: [(String, Int)] = []
    public var resolved = 0
    public var resolvedOnTime = 0
    public var averageHoursToAccept: Double?
    public var averageHoursToResolve: Double?
    public var ratings: [String: Int] = [:]

    public static func == (a: GrievanceFigures, b: GrievanceFigures) -> Bool {
        a.byCommunity.map(\.0) == b.byCommunity.map(\.0) && a.byCommunity.map(\.1) == b.byCommunity.map(\.1)
            && a.resolved == b.resolved && a.resolvedOnTime == b.resolvedOnTime && a.ratings == b.ratings
    }

    public static func load(_ db: any SQLDatabase) throws -> GrievanceFigures {
        try db.read { conn in
            var f = GrievanceFigures()
            f.byCommunity = try conn.query("SELECT community, COUNT(*) AS n FROM tickets GROUP BY community ORDER BY COUNT(*) DESC, community")
                .map { ($0.optionalString("community") ?? "地点不详", $0.int("n")) }
            f.byCategory = try conn.query("SELECT category, COUNT(*) AS n FROM tickets GROUP BY category ORDER BY COUNT(*) DESC, category")
                .map { ($0.string("category"), $0.int("n")) }
            let r = try conn.queryOne(
                """
                SELECT COUNT(*) AS n, SUM(CASE WHEN resolved_at <= due_at THEN 1 ELSE 0 END) AS ontime,
                    AVG(resolved_at - created_at) AS resolve_s FROM tickets WHERE resolved_at IS NOT NULL
                """)
            f.resolved = r?.int("n") ?? 0
            f.resolvedOnTime = r?.int("ontime") ?? 0
            f.averageHoursToResolve = r?.double("resolve_s").map { $0 / 3600 }
            f.averageHoursToAccept = try conn.queryOne("SELECT AVG(accepted_at - created_at) AS s FROM tickets WHERE accepted_at IS NOT NULL")?
                .double("s").map { $0 / 3600 }
            for row in try conn.query("SELECT rating, COUNT(*) AS n FROM tickets WHERE rating IS NOT NULL GROUP BY rating") {
                f.ratings[row.string("rating")] = row.int("n")
            }
            return f
        }
    }
}
