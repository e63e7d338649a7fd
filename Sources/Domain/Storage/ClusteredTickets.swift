/// Migration `011_tickets_without_rowid` (SQLite only): `tickets` and `ticket_events` rebuilt as
/// `WITHOUT ROWID` tables, every row and index kept.
///
/// Why: a rowid table keyed by a TEXT primary key is two B-trees — the rows by rowid and an
/// automatic index on the key — so each filed ticket was two inserts for its row and two for its
/// first history entry, before the three secondary indexes. Clustered on the key, the row and
/// its key are one B-tree each: two B-tree inserts (and their pages in the WAL) fewer per filing
/// (docs/PERFORMANCE.md). PostgreSQL has no rowid: there the migration is recorded and runs nothing.
///
/// The columns are those of `003_tickets` with `008_grievance_loop`'s added, in the same order
/// (`SELECT *` reads by name either way); the indexes are recreated with their old names.
enum ClusteredTickets {
    static let columns = """
        id, status, level, grade, category, urgent, description, community, block_code, grid_code,
        building_grid_code, estate, building, reporter_name, reporter_phone, assignee, assignee_phone, channel,
        created_at, due_at, updated_at, created_by, version, mediation, anonymous, supervised, triage, rating,
        round_no, accepted_at, resolved_at, occurred_at
        """

    static let statements: [String] = [
        """
        CREATE TABLE tickets_clustered (
            id TEXT NOT NULL PRIMARY KEY, status TEXT NOT NULL, level TEXT NOT NULL, grade TEXT NOT NULL,
            category TEXT NOT NULL, urgent INTEGER NOT NULL, description TEXT NOT NULL,
            community TEXT, block_code TEXT, grid_code TEXT, building_grid_code TEXT,
            estate TEXT, building TEXT, reporter_name TEXT, reporter_phone TEXT,
            assignee TEXT, assignee_phone TEXT, channel TEXT NOT NULL,
            created_at BIGINT NOT NULL, due_at BIGINT NOT NULL, updated_at BIGINT NOT NULL,
            created_by TEXT, version INTEGER NOT NULL, mediation TEXT, anonymous INTEGER NOT NULL DEFAULT 0,
            supervised INTEGER NOT NULL DEFAULT 0, triage INTEGER NOT NULL DEFAULT 0, rating TEXT,
            round_no INTEGER NOT NULL DEFAULT 1, accepted_at BIGINT, resolved_at BIGINT, occurred_at BIGINT)
            WITHOUT ROWID
        """,
        "INSERT INTO tickets_clustered (\(columns)) SELECT \(columns) FROM tickets",
        "DROP TABLE tickets",
        "ALTER TABLE tickets_clustered RENAME TO tickets",
        "CREATE INDEX tickets_phone ON tickets (reporter_phone)",
        "CREATE INDEX tickets_status ON tickets (status, due_at)",
        "CREATE INDEX tickets_place ON tickets (estate, building, category, created_at)",
        """
        CREATE TABLE ticket_events_clustered (
            ticket_id TEXT NOT NULL, seq INTEGER NOT NULL, at BIGINT NOT NULL, action TEXT NOT NULL,
            from_status TEXT, to_status TEXT NOT NULL, note TEXT, actor TEXT,
            PRIMARY KEY (ticket_id, seq)) WITHOUT ROWID
        """,
        """
        INSERT INTO ticket_events_clustered (ticket_id, seq, at, action, from_status, to_status, note, actor)
            SELECT ticket_id, seq, at, action, from_status, to_status, note, actor FROM ticket_events
        """,
        "DROP TABLE ticket_events",
        "ALTER TABLE ticket_events_clustered RENAME TO ticket_events",
    ]
}
