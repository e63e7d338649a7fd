/// The schema, as named migrations applied in order and recorded in
/// `schema_migrations`. Portable SQL only (SQLite and PostgreSQL): no
/// autoincrement (ids come from `id_counters` or composite keys), times as
/// epoch seconds in BIGINT columns, booleans as INTEGER 0/1.
public enum Migrations {
    public struct Migration: Sendable {
        public var name: String
        public var statements: [String]
        /// The engines (`SQLDatabase.engineName`) it runs on; nil: all. Elsewhere it is
        /// recorded as applied and runs nothing (an engine-specific storage layout).
        public var engines: Set<String>? = nil
    }

    public static let all: [Migration] = [
        Migration(name: "001_reference_data", statements: [
            """
            CREATE TABLE grid_buildings (
                community_code TEXT NOT NULL, community TEXT NOT NULL,
                community_secretary TEXT NOT NULL, community_secretary_phone TEXT NOT NULL,
                block_code TEXT NOT NULL, block TEXT NOT NULL,
                block_leader TEXT NOT NULL, block_leader_phone TEXT NOT NULL,
                grid_code TEXT NOT NULL, grid TEXT NOT NULL,
                grid_worker TEXT NOT NULL, grid_worker_phone TEXT NOT NULL,
                building_grid_code TEXT NOT NULL,
                building_leader TEXT NOT NULL, building_leader_phone TEXT NOT NULL,
                estate TEXT NOT NULL, building TEXT NOT NULL,
                PRIMARY KEY (community, estate, building))
            """,
            "CREATE INDEX grid_buildings_estate ON grid_buildings (estate)",
            """
            CREATE TABLE venues (
                venue_code TEXT PRIMARY KEY, name TEXT NOT NULL, community TEXT NOT NULL,
                estate TEXT NOT NULL, area_m2 INTEGER NOT NULL, zones TEXT NOT NULL, open_hours TEXT NOT NULL)
            """,
            """
            CREATE TABLE activities (
                activity_code TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL,
                venue_code TEXT NOT NULL, schedule TEXT NOT NULL, start_time TEXT NOT NULL,
                minutes INTEGER NOT NULL, capacity INTEGER NOT NULL, audience TEXT NOT NULL,
                host TEXT NOT NULL, max_party INTEGER NOT NULL, from_date TEXT NOT NULL, until_date TEXT NOT NULL)
            """,
            """
            CREATE TABLE enterprises (
                uscc TEXT PRIMARY KEY, name TEXT NOT NULL, park TEXT NOT NULL, community TEXT NOT NULL,
                party_committee TEXT NOT NULL, industry TEXT NOT NULL, scale TEXT NOT NULL,
                contact TEXT NOT NULL, contact_phone TEXT NOT NULL)
            """,
        ]),
        Migration(name: "002_id_counters", statements: [
            """
            CREATE TABLE id_counters (
                prefix TEXT NOT NULL, day TEXT NOT NULL, last_value BIGINT NOT NULL,
                PRIMARY KEY (prefix, day))
            """,
        ]),
        Migration(name: "003_tickets", statements: [
            """
            CREATE TABLE tickets (
                id TEXT PRIMARY KEY, status TEXT NOT NULL, level TEXT NOT NULL, grade TEXT NOT NULL,
                category TEXT NOT NULL, urgent INTEGER NOT NULL, description TEXT NOT NULL,
                community TEXT, block_code TEXT, grid_code TEXT, building_grid_code TEXT,
                estate TEXT, building TEXT, reporter_name TEXT, reporter_phone TEXT,
                assignee TEXT, assignee_phone TEXT, channel TEXT NOT NULL,
                created_at BIGINT NOT NULL, due_at BIGINT NOT NULL, updated_at BIGINT NOT NULL,
                created_by TEXT, version INTEGER NOT NULL)
            """,
            "CREATE INDEX tickets_phone ON tickets (reporter_phone)",
            "CREATE INDEX tickets_status ON tickets (status, due_at)",
            """
            CREATE TABLE ticket_events (
                ticket_id TEXT NOT NULL, seq INTEGER NOT NULL, at BIGINT NOT NULL, action TEXT NOT NULL,
                from_status TEXT, to_status TEXT NOT NULL, note TEXT, actor TEXT,
                PRIMARY KEY (ticket_id, seq))
            """,
        ]),
        Migration(name: "004_bookings", statements: [
            """
            CREATE TABLE activity_sessions (
                activity_code TEXT NOT NULL, start_at BIGINT NOT NULL, end_at BIGINT NOT NULL,
                capacity INTEGER NOT NULL, booked INTEGER NOT NULL, cancelled INTEGER NOT NULL,
                PRIMARY KEY (activity_code, start_at))
            """,
            """
            CREATE TABLE bookings (
                id TEXT PRIMARY KEY, activity_code TEXT NOT NULL, start_at BIGINT NOT NULL,
                end_at BIGINT NOT NULL, party_size INTEGER NOT NULL, name TEXT, phone TEXT NOT NULL,
                status TEXT NOT NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)
            """,
            "CREATE INDEX bookings_session ON bookings (activity_code, start_at, status)",
            "CREATE INDEX bookings_phone ON bookings (phone)",
        ]),
        Migration(name: "005_enterprise_requests", statements: [
            """
            CREATE TABLE enterprise_requests (
                id TEXT PRIMARY KEY, service_type TEXT NOT NULL, uscc TEXT, enterprise TEXT NOT NULL,
                routed_to TEXT NOT NULL, status TEXT NOT NULL, amount DOUBLE PRECISION, details TEXT NOT NULL,
                phone TEXT, created_at BIGINT NOT NULL, due_at BIGINT NOT NULL)
            """,
        ]),
        Migration(name: "006_activity_operations", statements: [
            // One active booking per phone and session, enforced by the database
            // (partial unique index: SQLite ≥ 3.8 and PostgreSQL).
            "CREATE UNIQUE INDEX bookings_one_per_phone ON bookings (activity_code, start_at, phone) WHERE status <> 'cancelled'",
            """
            CREATE TABLE session_cancellations (
                activity_code TEXT NOT NULL, start_at BIGINT NOT NULL, reason TEXT NOT NULL,
                cancelled_at BIGINT NOT NULL, cancelled_by TEXT, bookings_notified INTEGER NOT NULL,
                PRIMARY KEY (activity_code, start_at))
            """,
            """
            CREATE TABLE booking_notices (
                booking_id TEXT NOT NULL, kind TEXT NOT NULL, at BIGINT NOT NULL,
                phone TEXT NOT NULL, message TEXT NOT NULL,
                PRIMARY KEY (booking_id, kind))
            """,
            """
            CREATE TABLE activity_changes (
                activity_code TEXT NOT NULL, at BIGINT NOT NULL, action TEXT NOT NULL,
                detail TEXT NOT NULL, actor TEXT)
            """,
            "CREATE INDEX activity_changes_code ON activity_changes (activity_code, at)",
        ]),
        Migration(name: "007_enterprise_loop", statements: [
            "ALTER TABLE enterprise_requests ADD COLUMN purpose TEXT",
            "ALTER TABLE enterprise_requests ADD COLUMN term_months INTEGER",
            "ALTER TABLE enterprise_requests ADD COLUMN programme TEXT",
            "ALTER TABLE enterprise_requests ADD COLUMN headcount INTEGER",
            "ALTER TABLE enterprise_requests ADD COLUMN visit_at BIGINT",
            "ALTER TABLE enterprise_requests ADD COLUMN updated_at BIGINT",
            "ALTER TABLE enterprise_requests ADD COLUMN version INTEGER NOT NULL DEFAULT 1",
            "CREATE INDEX enterprise_requests_uscc ON enterprise_requests (uscc)",
            """
            CREATE TABLE space_listings (
                request_id TEXT PRIMARY KEY, direction TEXT NOT NULL, kind TEXT NOT NULL, area DOUBLE PRECISION NOT NULL,
                community TEXT, place TEXT, budget DOUBLE PRECISION, enterprise TEXT NOT NULL, open INTEGER NOT NULL,
                created_at BIGINT NOT NULL)
            """,
            "CREATE INDEX space_listings_match ON space_listings (direction, kind, open)",
        ]),
        Migration(name: "008_grievance_loop", statements: [
            "ALTER TABLE tickets ADD COLUMN mediation TEXT",
            "ALTER TABLE tickets ADD COLUMN anonymous INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE tickets ADD COLUMN supervised INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE tickets ADD COLUMN triage INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE tickets ADD COLUMN rating TEXT",
            "ALTER TABLE tickets ADD COLUMN round_no INTEGER NOT NULL DEFAULT 1",
            "ALTER TABLE tickets ADD COLUMN accepted_at BIGINT",
            "ALTER TABLE tickets ADD COLUMN resolved_at BIGINT",
            "ALTER TABLE tickets ADD COLUMN occurred_at BIGINT",
            "CREATE INDEX tickets_place ON tickets (estate, building, category, created_at)",
        ]),
        Migration(name: "010_cobuilding_meetings", statements: [
            // 议事 meetings: the seven steps are data (cobuild_meeting_steps.csv).
            """
            CREATE TABLE cobuild_meeting_steps (
                step_code TEXT PRIMARY KEY, step_order INTEGER NOT NULL, name TEXT NOT NULL, summary TEXT NOT NULL,
                repeatable INTEGER NOT NULL)
            """,
            """
            CREATE TABLE cobuild_meetings (
                id TEXT PRIMARY KEY, kind TEXT NOT NULL, topic TEXT NOT NULL, community TEXT NOT NULL, place TEXT NOT NULL,
                participants TEXT NOT NULL, starts_at BIGINT NOT NULL, status TEXT NOT NULL, created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL, created_by TEXT, version INTEGER NOT NULL)
            """,
            "CREATE INDEX cobuild_meetings_community ON cobuild_meetings (community, starts_at)",
            """
            CREATE TABLE cobuild_meeting_events (
                meeting_id TEXT NOT NULL, seq INTEGER NOT NULL, at BIGINT NOT NULL, action TEXT NOT NULL,
                from_status TEXT, to_status TEXT NOT NULL, note TEXT, actor TEXT,
                PRIMARY KEY (meeting_id, seq))
            """,
            """
            CREATE TABLE cobuild_decisions (
                meeting_id TEXT NOT NULL, seq INTEGER NOT NULL, text TEXT NOT NULL, decided_at BIGINT NOT NULL, actor TEXT,
                PRIMARY KEY (meeting_id, seq))
            """,
            // A decision's links as (kind, id) text: grievances (GL…) or needs (XQ…).
            """
            CREATE TABLE cobuild_decision_links (
                meeting_id TEXT NOT NULL, decision_seq INTEGER NOT NULL, target_kind TEXT NOT NULL, target_id TEXT NOT NULL,
                outcome TEXT NOT NULL,
                PRIMARY KEY (meeting_id, decision_seq, target_kind, target_id))
            """,
            // Volunteers: teams and members are reference data (CSV); tasks and signups are written.
            """
            CREATE TABLE cobuild_volunteer_teams (
                team_code TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, community TEXT NOT NULL,
                leader TEXT NOT NULL, leader_phone TEXT NOT NULL)
            """,
            """
            CREATE TABLE cobuild_volunteers (
                volunteer_code TEXT PRIMARY KEY, name TEXT NOT NULL, phone TEXT NOT NULL, team_code TEXT NOT NULL,
                community TEXT NOT NULL, skills TEXT NOT NULL, availability TEXT NOT NULL,
                signups INTEGER NOT NULL DEFAULT 0)
            """,
            "CREATE INDEX cobuild_volunteers_team ON cobuild_volunteers (team_code)",
            """
            CREATE TABLE cobuild_tasks (
                id TEXT PRIMARY KEY, title TEXT NOT NULL, community TEXT NOT NULL, place TEXT NOT NULL, skill TEXT,
                starts_at BIGINT NOT NULL, ends_at BIGINT NOT NULL, headcount INTEGER NOT NULL, signed INTEGER NOT NULL,
                created_at BIGINT NOT NULL, created_by TEXT)
            """,
            """
            CREATE TABLE cobuild_task_signups (
                task_id TEXT NOT NULL, volunteer_code TEXT NOT NULL, starts_at BIGINT NOT NULL, ends_at BIGINT NOT NULL,
                via_team TEXT, signed_at BIGINT NOT NULL, hours DOUBLE PRECISION,
                PRIMARY KEY (task_id, volunteer_code))
            """,
            "CREATE INDEX cobuild_task_signups_volunteer ON cobuild_task_signups (volunteer_code, starts_at)",
            // 四个万家: pairings are reference data; visits and the needs they found are written.
            """
            CREATE TABLE cobuild_pairings (
                pairing_code TEXT PRIMARY KEY, member TEXT NOT NULL, member_phone TEXT NOT NULL, community TEXT NOT NULL,
                estate TEXT NOT NULL, building TEXT NOT NULL, room TEXT NOT NULL, household_type TEXT NOT NULL)
            """,
            """
            CREATE TABLE cobuild_visits (
                id TEXT PRIMARY KEY, pairing_code TEXT NOT NULL, member TEXT NOT NULL, community TEXT NOT NULL,
                household TEXT NOT NULL, visited_at BIGINT NOT NULL, notes TEXT, created_at BIGINT NOT NULL, created_by TEXT)
            """,
            "CREATE INDEX cobuild_visits_pairing ON cobuild_visits (pairing_code, visited_at)",
            """
            CREATE TABLE cobuild_visit_needs (
                visit_id TEXT NOT NULL, seq INTEGER NOT NULL, description TEXT NOT NULL, target_kind TEXT NOT NULL,
                target_id TEXT,
                PRIMARY KEY (visit_id, seq))
            """,
        ]),
        Migration(name: "009_cobuilding_lists", statements: CoBuildingSchema.lists),
        Migration(name: "011_tickets_without_rowid", statements: ClusteredTickets.statements, engines: ["sqlite"]),
        // A filed ticket's first history entry, kept in its row (`GrievanceService.history`).
        Migration(name: "012_ticket_filed_note", statements: ["ALTER TABLE tickets ADD COLUMN filed_note TEXT"]),
    ]

    /// Applies the migrations not yet recorded, each in its own transaction.
    public static func migrate(_ db: any SQLDatabase) throws {
        try migrate(db, through: all)
    }

    /// Applies those of `migrations` not yet recorded, in order (tests stop before a migration to check it).
    static func migrate(_ db: any SQLDatabase, through migrations: [Migration]) throws {
        try db.write { conn in
            try conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)")
        }
        let applied = Set(try db.read { conn in
            try conn.query("SELECT name FROM schema_migrations").map { $0.string("name") }
        })
        for migration in migrations where !applied.contains(migration.name) {
            let runs = migration.engines?.contains(db.engineName) ?? true
            try db.write { conn in
                for statement in migration.statements where runs { try conn.execute(statement) }
                try conn.execute("INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)",
                                 [.text(migration.name), .integer(0)])
            }
        }
    }
}
