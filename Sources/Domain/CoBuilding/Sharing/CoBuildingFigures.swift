/// Co-building figures for `统计`: the lists, what was shared and matched,
/// and the shared-resource bookings.
public struct CoBuildingFigures: Sendable, Equatable {
    public var units = 0
    public var resources = 0
    /// Resources matched to a need (a match not withdrawn) or booked at least once.
    public var resourcesShared = 0
    public var services = 0
    public var needsByStatus: [String: Int] = [:]
    public var needsTotal = 0
    /// Matches in force (withdrawn ones not counted).
    public var matches = 0
    public var bookingsConfirmed = 0
    public var bookingsWaitlisted = 0
    /// Places of confirmed bookings (car spaces, rooms …).
    public var placesBooked = 0
}

extension CoBuildingLists {
    public func figures() throws -> CoBuildingFigures {
        try db.read { conn in
            var f = CoBuildingFigures()
            func count(_ sql: String) throws -> Int { try conn.queryOne(sql)?.int("n") ?? 0 }
            f.units = try count("SELECT COUNT(*) AS n FROM cobuild_units")
            f.resources = try count("SELECT COUNT(*) AS n FROM cobuild_resources")
            f.services = try count("SELECT COUNT(*) AS n FROM cobuild_services")
            f.resourcesShared = try count(
                """
                SELECT COUNT(*) AS n FROM cobuild_resources r WHERE EXISTS (SELECT 1 FROM cobuild_matches m WHERE m.provider_id = r.id AND m.withdrawn_at IS NULL)
                OR EXISTS (SELECT 1 FROM resource_bookings b WHERE b.resource_id = r.id AND b.status <> 'cancelled')
                """)
            for row in try conn.query("SELECT status, COUNT(*) AS n FROM cobuild_needs GROUP BY status") {
                f.needsByStatus[row.string("status")] = row.int("n")
                f.needsTotal += row.int("n")
            }
            f.matches = try count("SELECT COUNT(*) AS n FROM cobuild_matches WHERE withdrawn_at IS NULL")
            for row in try conn.query("SELECT status, COUNT(*) AS n, SUM(party_size) AS places FROM resource_bookings GROUP BY status") {
                if row.string("status") == "confirmed" { f.bookingsConfirmed = row.int("n"); f.placesBooked = row.int("places") }
                if row.string("status") == "waitlisted" { f.bookingsWaitlisted = row.int("n") }
            }
            return f
        }
    }
}
