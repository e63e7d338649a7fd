/// A state machine as data: which actions are allowed from which states and
/// where they lead. Generic so that other workflows with a status history
/// (enterprise requests) can declare theirs the same way.
public struct TransitionTable<State: Hashable & Sendable, Action: Hashable & Sendable>: Sendable {
    public struct Rule: Sendable {
        public var from: Set<State>
        public var action: Action
        /// nil: the state stays (a flag or level change, e.g. 升级, 督办).
        public var to: State?
        public init(_ from: Set<State>, _ action: Action, _ to: State?) {
            self.from = from
            self.action = action
            self.to = to
        }
    }

    public let rules: [Rule]

    public init(_ rules: [Rule]) { self.rules = rules }

    /// The state after `action` from `state`, or nil when the move is not in the table.
    public func next(from state: State, action: Action) -> State? {
        guard let rule = rules.first(where: { $0.action == action && $0.from.contains(state) }) else { return nil }
        return rule.to ?? state
    }

    /// The actions allowed from `state`, in the table's order.
    public func actions(from state: State) -> [Action] {
        var seen = Set<Action>()
        return rules.filter { $0.from.contains(state) }.map(\.action).filter { seen.insert($0).inserted }
    }
}

/// An append-only status history in a table shaped like `ticket_events`:
/// `(<key>, seq, at, action, from_status, to_status, note, actor)`. Rows are
/// only ever inserted, inside the caller's transaction.
///
/// With `implicitFirst`, an owner's first entry may live in the owner's own row instead of a
/// history row: a query that reads it as an entry (seq 1) when the row holds it. A filed ticket
/// keeps its filing entry in `tickets.filed_note` with its `created_at` and `created_by`
/// (migration `012_ticket_filed_note`): one INSERT and one B-tree insert fewer per filed ticket
/// (docs/PERFORMANCE.md), the entry read back the same. Entries then come from both, by seq.
public struct StatusHistory: Sendable {
    public struct Entry: Sendable, Equatable {
        public var seq: Int
        public var at: Date
        public var action: String
        public var fromStatus: String?
        public var toStatus: String
        public var note: String?
        public var actor: String?
    }

    public let table: String
    public let key: String
    /// `SELECT 1 AS seq, … AS at, … AS action, … AS from_status, … AS to_status, … AS note, … AS actor
    /// FROM <owner> WHERE <id> = ? AND …`: the owner's first entry when its row holds it (no row otherwise).
    public let implicitFirst: String?

    public init(table: String, key: String, implicitFirst: String? = nil) {
        self.table = table
        self.key = key
        self.implicitFirst = implicitFirst
    }

    /// - Parameter first: the row was created in this transaction, so this is its first entry
    ///   (no query for the last sequence number: one statement less per filed ticket).
    public func append(_ conn: any SQLConnection, id: String, action: String, from: String?, to: String,
                       note: String?, actor: String?, at: Date, first: Bool = false) throws {
        let seq = first ? 1 : try lastSeq(conn, id: id) + 1
        try conn.execute(
            "INSERT INTO \(table) (\(key), seq, at, action, from_status, to_status, note, actor) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [.text(id), .int(seq), .int(at.epoch), .text(action), .optional(from), .text(to), .optional(note), .optional(actor)])
    }

    /// The last entry's seq (0 with none), counting an implicit first entry.
    private func lastSeq(_ conn: any SQLConnection, id: String) throws -> Int {
        guard let implicitFirst else {
            return try conn.queryOne("SELECT MAX(seq) AS n FROM \(table) WHERE \(key) = ?", [.text(id)])?.int("n") ?? 0
        }
        return try conn.queryOne(
            "SELECT MAX(seq) AS n FROM (SELECT seq FROM \(table) WHERE \(key) = ? UNION ALL SELECT seq FROM (\(implicitFirst)) AS f) AS s",
            [.text(id), .text(id)])?.int("n") ?? 0
    }

    public func entries(_ conn: any SQLConnection, id: String) throws -> [Entry] {
        let stored = "SELECT seq, at, action, from_status, to_status, note, actor FROM \(table) WHERE \(key) = ?"
        let rows = try implicitFirst.map { first in
            try conn.query("SELECT * FROM (\(stored) UNION ALL \(first)) AS h ORDER BY seq", [.text(id), .text(id)])
        } ?? conn.query(stored + " ORDER BY seq", [.text(id)])
        return rows.map { row in
            Entry(seq: row.int("seq"), at: Date(timeIntervalSince1970: TimeInterval(row.int("at"))),
                  action: row.string("action"), fromStatus: row.optionalString("from_status"),
                  toStatus: row.string("to_status"), note: row.optionalString("note"), actor: row.optionalString("actor"))
        }
    }
}

import Foundation
