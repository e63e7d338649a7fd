import Foundation

/// Volunteer tasks: publish one, sign members or a whole team up (capacity
/// kept by the database, nobody in two overlapping tasks), record hours
/// served, and list who is free at a time.
public struct VolunteerService: Sendable {
    let db: any SQLDatabase
    let clock: Clock

    public init(db: any SQLDatabase, clock: Clock) {
        self.db = db
        self.clock = clock
    }

    public struct TaskPlan: Sendable {
        public var title: String
        public var community: String
        public var place: String
        public var skill: String?
        public var startsAt: Date
        public var endsAt: Date
        public var headcount: Int
        public var actor: String?

        public init(title: String, community: String, place: String, skill: String?, startsAt: Date, endsAt: Date,
                    headcount: Int, actor: String? = nil) {
            self.title = title
            self.community = community
            self.place = place
            self.skill = skill
            self.startsAt = startsAt
            self.endsAt = endsAt
            self.headcount = headcount
            self.actor = actor
        }
    }

    public func teams(community: String? = nil) throws -> [VolunteerTeam] {
        try db.read { conn in
            try conn.query("SELECT * FROM cobuild_volunteer_teams" + (community == nil ? "" : " WHERE community = ?") + " ORDER BY team_code",
                           community.map { [.text($0)] } ?? []).map(VolunteerTeam.init(row:))
        }
    }

    public func volunteers(teamCode: String? = nil, community: String? = nil) throws -> [Volunteer] {
        var clauses: [String] = []
        var bindings: [SQLValue] = []
        if let teamCode { clauses.append("team_code = ?"); bindings.append(.text(teamCode)) }
        if let community { clauses.append("community = ?"); bindings.append(.text(community)) }
        let whereClause = clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")
        return try db.read { conn in
            try conn.query("SELECT * FROM cobuild_volunteers\(whereClause) ORDER BY volunteer_code", bindings).map(Volunteer.init(row:))
        }
    }

    /// Every skill some volunteer has, for reading one from an operator's line.
    public func skills() throws -> [String] {
        Array(Set(try volunteers().flatMap(\.skills))).sorted()
    }

    public func task(id: String) throws -> VolunteerTask? {
        try db.read { conn in try conn.queryOne("SELECT * FROM cobuild_tasks WHERE id = ?", [.text(id)]).map(VolunteerTask.init(row:)) }
    }

    /// Publishes a task (RW id). Refused when the window is empty or past,
    /// the headcount is out of range, or the community is not in the grid.
    public func publish(_ plan: TaskPlan) throws -> VolunteerTask {
        let now = clock.now
        guard plan.endsAt > plan.startsAt else { throw CoBuildingWorkError.invalidTaskWindow }
        guard plan.startsAt > now else { throw CoBuildingWorkError.taskInPast }
        guard (1...200).contains(plan.headcount) else { throw CoBuildingWorkError.invalidHeadcount(plan.headcount) }
        return try db.write { conn in
            guard try conn.queryOne("SELECT 1 AS one FROM grid_buildings WHERE community = ?", [.text(plan.community)]) != nil else {
                throw CoBuildingWorkError.unknownCommunity(plan.community)
            }
            let id = try IdentifierSequence.next(prefix: "RW", on: now, clock: clock, in: conn)
            try conn.execute(
                """
                INSERT INTO cobuild_tasks (id, title, community, place, skill, starts_at, ends_at, headcount, signed, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)
                """,
                [.text(id), .text(plan.title), .text(plan.community), .text(plan.place), .optional(plan.skill),
                 .int(plan.startsAt.epoch), .int(plan.endsAt.epoch), .int(plan.headcount), .int(now.epoch), .optional(plan.actor)])
            return try conn.queryOne("SELECT * FROM cobuild_tasks WHERE id = ?", [.text(id)]).map(VolunteerTask.init(row:))!
        }
    }

    /// Signs one member up. Refused (nothing changes) when the task has
    /// started, is full, wants a skill the member lacks, the member is already
    /// on it, or is signed up for another task at an overlapping time.
    public func signUp(taskId: String, volunteer: Volunteer) throws -> VolunteerTask {
        try db.write { conn in
            let task = try openTask(taskId, in: conn)
            guard volunteer.has(skill: task.skill) else { throw CoBuildingWorkError.skillMismatch(name: volunteer.name, skill: task.skill ?? "") }
            try sign(volunteer, to: task, viaTeam: nil, in: conn)
            return try conn.queryOne("SELECT * FROM cobuild_tasks WHERE id = ?", [.text(taskId)]).map(VolunteerTask.init(row:))!
        }
    }

    /// Signs a team up: its members who have the skill, are available then
    /// and not busy elsewhere, in roster order, up to the places left.
    /// Returns the members signed; refused when none can come.
    public func signUp(taskId: String, team: VolunteerTeam) throws -> (task: VolunteerTask, signed: [Volunteer]) {
        let members = try volunteers(teamCode: team.code)
        return try db.write { conn in
            var task = try openTask(taskId, in: conn)
            var signed: [Volunteer] = []
            for member in members where task.signed < task.headcount && member.has(skill: task.skill) {
                guard let availability = Availability(member.availability),
                      availability.overlaps(from: task.startsAt, to: task.endsAt, calendar: clock.calendar),
                      try busy(member.code, from: task.startsAt, to: task.endsAt, in: conn) == nil,
                      try conn.queryOne("SELECT 1 AS one FROM cobuild_task_signups WHERE task_id = ? AND volunteer_code = ?",
                                        [.text(task.id), .text(member.code)]) == nil else { continue }
                try sign(member, to: task, viaTeam: team.code, in: conn)
                task.signed += 1
                signed.append(member)
            }
            guard !signed.isEmpty else { throw CoBuildingWorkError.noFreeMember(team: team.name) }
            return (task, signed)
        }
    }

    private func openTask(_ id: String, in conn: any SQLConnection) throws -> VolunteerTask {
        guard let task = try conn.queryOne("SELECT * FROM cobuild_tasks WHERE id = ?", [.text(id)]).map(VolunteerTask.init(row:)) else {
            throw CoBuildingWorkError.taskNotFound(id)
        }
        guard task.startsAt > clock.now else { throw CoBuildingWorkError.taskStarted(id) }
        guard task.signed < task.headcount else { throw CoBuildingWorkError.taskFull(id: id, headcount: task.headcount) }
        return task
    }

    private func sign(_ v: Volunteer, to task: VolunteerTask, viaTeam: String?, in conn: any SQLConnection) throws {
        // Locks the member's row first (PostgreSQL), so two tasks signing the
        // same person at once are taken one after the other and the overlap
        // check below sees the other's row.
        try conn.execute("UPDATE cobuild_volunteers SET signups = signups + 1 WHERE volunteer_code = ?", [.text(v.code)])
        if try conn.queryOne("SELECT 1 AS one FROM cobuild_task_signups WHERE task_id = ? AND volunteer_code = ?",
                             [.text(task.id), .text(v.code)]) != nil {
            throw CoBuildingWorkError.alreadySignedUp(name: v.name, taskId: task.id)
        }
        if let other = try busy(v.code, from: task.startsAt, to: task.endsAt, in: conn) {
            throw CoBuildingWorkError.volunteerBusy(name: v.name, taskId: other)
        }
        let changed = try conn.execute("UPDATE cobuild_tasks SET signed = signed + 1 WHERE id = ? AND signed + 1 <= headcount",
                                       [.text(task.id)])
        guard changed == 1 else { throw CoBuildingWorkError.taskFull(id: task.id, headcount: task.headcount) }
        try conn.execute(
            """
            INSERT INTO cobuild_task_signups (task_id, volunteer_code, starts_at, ends_at, via_team, signed_at, hours)
            VALUES (?, ?, ?, ?, ?, ?, NULL)
            """,
            [.text(task.id), .text(v.code), .int(task.startsAt.epoch), .int(task.endsAt.epoch), .optional(viaTeam), .int(clock.now.epoch)])
    }

    /// The task a member is already on at an overlapping time, if any.
    private func busy(_ code: String, from: Date, to: Date, in conn: any SQLConnection) throws -> String? {
        try conn.queryOne("SELECT task_id FROM cobuild_task_signups WHERE volunteer_code = ? AND starts_at < ? AND ends_at > ?",
                          [.text(code), .int(to.epoch), .int(from.epoch)])?.string("task_id")
    }

    public func signups(taskId: String) throws -> [TaskSignup] {
        try db.read { conn in try signups(taskId: taskId, in: conn) }
    }

    private func signups(taskId: String, in conn: any SQLConnection) throws -> [TaskSignup] {
        try conn.query(
            """
            SELECT v.*, s.via_team, s.hours FROM cobuild_task_signups s JOIN cobuild_volunteers v ON v.volunteer_code = s.volunteer_code
            WHERE s.task_id = ? ORDER BY s.signed_at, v.volunteer_code
            """, [.text(taskId)]).map { TaskSignup(volunteer: Volunteer(row: $0), viaTeam: $0.optionalString("via_team"), hours: $0.double("hours")) }
    }

    /// Records hours served on a task that has started: `hours` for one
    /// member, or the task's length for every member signed up when no one is
    /// named. Returns the signups as recorded.
    public func recordHours(taskId: String, volunteer: Volunteer?, hours: Double?) throws -> [TaskSignup] {
        try db.write { conn in
            guard let task = try conn.queryOne("SELECT * FROM cobuild_tasks WHERE id = ?", [.text(taskId)]).map(VolunteerTask.init(row:)) else {
                throw CoBuildingWorkError.taskNotFound(taskId)
            }
            guard task.startsAt <= clock.now else { throw CoBuildingWorkError.taskNotStarted(taskId) }
            let served = hours ?? task.hours
            guard served > 0, served <= 24 else { throw CoBuildingWorkError.invalidHours(served) }
            if let volunteer {
                let changed = try conn.execute("UPDATE cobuild_task_signups SET hours = ? WHERE task_id = ? AND volunteer_code = ?",
                                               [.real(served), .text(taskId), .text(volunteer.code)])
                guard changed == 1 else { throw CoBuildingWorkError.notSignedUp(name: volunteer.name, taskId: taskId) }
            } else {
                let changed = try conn.execute("UPDATE cobuild_task_signups SET hours = ? WHERE task_id = ?", [.real(served), .text(taskId)])
                guard changed > 0 else { throw CoBuildingWorkError.notSignedUp(name: "任何志愿者", taskId: taskId) }
            }
            return try signups(taskId: taskId, in: conn)
        }
    }

    /// Hours served per volunteer, optionally of one team or community, most first.
    public func hours(teamCode: String? = nil, community: String? = nil, volunteerCode: String? = nil) throws -> [VolunteerHours] {
        var clauses = ["s.hours IS NOT NULL"]
        var bindings: [SQLValue] = []
        if let teamCode { clauses.append("v.team_code = ?"); bindings.append(.text(teamCode)) }
        if let community { clauses.append("v.community = ?"); bindings.append(.text(community)) }
        if let volunteerCode { clauses.append("v.volunteer_code = ?"); bindings.append(.text(volunteerCode)) }
        return try db.read { conn in
            try conn.query(
                """
                SELECT v.name, COUNT(*) AS tasks, SUM(s.hours) AS hours FROM cobuild_task_signups s
                JOIN cobuild_volunteers v ON v.volunteer_code = s.volunteer_code
                WHERE \(clauses.joined(separator: " AND ")) GROUP BY v.volunteer_code, v.name ORDER BY hours DESC, v.name
                """, bindings).map { VolunteerHours(name: $0.string("name"), tasks: $0.int("tasks"), hours: $0.double("hours") ?? 0) }
        }
    }

    /// Members free in `[from, to)`: available then by their roster, not on
    /// another task at an overlapping time; by community and skill when given.
    public func free(from: Date, to: Date, community: String?, skill: String?) throws -> [Volunteer] {
        let candidates = try volunteers(community: community).filter { $0.has(skill: skill) }
        let busy = try db.read { conn in
            Set(try conn.query("SELECT volunteer_code FROM cobuild_task_signups WHERE starts_at < ? AND ends_at > ?",
                               [.int(to.epoch), .int(from.epoch)]).map { $0.string("volunteer_code") })
        }
        return candidates.filter { v in
            !busy.contains(v.code) && (Availability(v.availability)?.overlaps(from: from, to: to, calendar: clock.calendar) ?? false)
        }
    }
}
