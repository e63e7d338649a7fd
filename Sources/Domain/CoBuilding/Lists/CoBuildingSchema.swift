/// Tables of the 大党委 lists (三张清单) and shared-resource bookings,
/// created by migration `009_cobuilding_lists`. Portable SQL, like every migration.
enum CoBuildingSchema {
    static let lists: [String] = [
        """
        CREATE TABLE cobuild_units (
            unit_code TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, community TEXT NOT NULL,
            estate TEXT NOT NULL, party_organisation TEXT NOT NULL, contact TEXT NOT NULL, contact_phone TEXT NOT NULL)
        """,
        """
        CREATE TABLE cobuild_resources (
            id TEXT PRIMARY KEY, unit_code TEXT NOT NULL, kind TEXT NOT NULL, name TEXT NOT NULL,
            quantity INTEGER NOT NULL, measure TEXT NOT NULL, community TEXT NOT NULL, place TEXT NOT NULL,
            open_window TEXT NOT NULL, mode TEXT NOT NULL, created_at BIGINT NOT NULL, created_by TEXT)
        """,
        "CREATE INDEX cobuild_resources_find ON cobuild_resources (community, kind)",
        """
        CREATE TABLE cobuild_services (
            id TEXT PRIMARY KEY, unit_code TEXT NOT NULL, kind TEXT NOT NULL, name TEXT NOT NULL,
            community TEXT NOT NULL, place TEXT NOT NULL, open_window TEXT NOT NULL, capacity INTEGER NOT NULL)
        """,
        """
        CREATE TABLE cobuild_needs (
            id TEXT PRIMARY KEY, community TEXT NOT NULL, place TEXT, kind TEXT NOT NULL, description TEXT NOT NULL,
            wanted_window TEXT, status TEXT NOT NULL, source TEXT NOT NULL, name TEXT, phone TEXT,
            created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, created_by TEXT)
        """,
        "CREATE INDEX cobuild_needs_find ON cobuild_needs (community, status, kind)",
        """
        CREATE TABLE cobuild_need_events (
            need_id TEXT NOT NULL, seq INTEGER NOT NULL, at BIGINT NOT NULL, action TEXT NOT NULL,
            from_status TEXT, to_status TEXT NOT NULL, note TEXT, actor TEXT,
            PRIMARY KEY (need_id, seq))
        """,
        """
        CREATE TABLE cobuild_matches (
            id TEXT PRIMARY KEY, need_id TEXT NOT NULL, provider_kind TEXT NOT NULL, provider_id TEXT NOT NULL,
            unit_code TEXT NOT NULL, provides TEXT NOT NULL, open_window TEXT NOT NULL,
            created_at BIGINT NOT NULL, created_by TEXT, withdrawn_at BIGINT)
        """,
        "CREATE INDEX cobuild_matches_need ON cobuild_matches (need_id)",
        """
        CREATE TABLE resource_slots (
            resource_id TEXT NOT NULL, start_at BIGINT NOT NULL, end_at BIGINT NOT NULL,
            capacity INTEGER NOT NULL, booked INTEGER NOT NULL, cancelled INTEGER NOT NULL,
            PRIMARY KEY (resource_id, start_at))
        """,
        """
        CREATE TABLE resource_bookings (
            id TEXT PRIMARY KEY, resource_id TEXT NOT NULL, start_at BIGINT NOT NULL, end_at BIGINT NOT NULL,
            party_size INTEGER NOT NULL, name TEXT, phone TEXT NOT NULL, plate TEXT, status TEXT NOT NULL,
            created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)
        """,
        "CREATE INDEX resource_bookings_slot ON resource_bookings (resource_id, start_at, status)",
        "CREATE INDEX resource_bookings_phone ON resource_bookings (phone)",
        // One active booking per phone and opening, enforced by the database (as for activities).
        "CREATE UNIQUE INDEX resource_bookings_one_per_phone ON resource_bookings (resource_id, start_at, phone) WHERE status <> 'cancelled'",
    ]
}
