/// The narrow storage interface every domain service uses. Services write
/// portable SQL with `?` placeholders (the subset SQLite ≥ 3.35 and
/// PostgreSQL share: `INSERT … ON CONFLICT … DO UPDATE … RETURNING`); an
/// engine adapter translates what differs (placeholders, types) and nothing
/// else. Services never see a driver type.
public protocol SQLDatabase: Sendable {
    /// Runs `body` in one read transaction on a consistent snapshot.
    func read<T>(_ body: (any SQLConnection) throws -> T) throws -> T
    /// Runs `body` in one write transaction. When it returns, the transaction
    /// is durable (committed and synced); when `body` throws, nothing of it is
    /// kept. `body` may run more than once (PostgreSQL retries a conflict; SQLite
    /// runs a group-commit batch again when another write in it threw), so it
    /// touches nothing but the database and its own locals.
    func write<T>(_ body: (any SQLConnection) throws -> T) throws -> T
    /// `write` that need not wait: `completion` gets what `write` would have
    /// returned or thrown, only once the transaction is durable. An engine that
    /// group-commits on a thread of its own (SQLite) returns at once and calls
    /// `completion` from that thread; the default runs `write` here and then
    /// `completion`. `body` may run more than once, as for `write`; `completion`
    /// must not wait on a write.
    func write<T>(_ body: @escaping @Sendable (any SQLConnection) throws -> T,
                  completion: @escaping @Sendable (Result<T, any Error>) -> Void)
    /// Whether `write(_:completion:)` returns without waiting for the write, so
    /// that an event loop may call it.
    var writesAsynchronously: Bool { get }
    /// A short name for messages and logs: `sqlite`, `postgresql`.
    var engineName: String { get }
}

extension SQLDatabase {
    public func write<T>(_ body: @escaping @Sendable (any SQLConnection) throws -> T,
                         completion: @escaping @Sendable (Result<T, any Error>) -> Void) {
        completion(Result { try write(body) })
    }

    public var writesAsynchronously: Bool { false }
}

/// One connection inside a transaction.
public protocol SQLConnection {
    /// Runs a statement; returns the number of rows it changed.
    @discardableResult
    func execute(_ sql: String, _ bindings: [SQLValue]) throws -> Int
    /// Runs a query and returns all its rows.
    func query(_ sql: String, _ bindings: [SQLValue]) throws -> [SQLRow]
    /// Ids issued in this connection's current write transaction, counted in memory after
    /// the first (`IdentifierBatch`); nil where each id bumps its row (the default).
    var identifiers: IdentifierBatch? { get }
}

extension SQLConnection {
    /// No batch: every id bumps its counter row (`IdentifierBatch` says when one is given).
    public var identifiers: IdentifierBatch? { nil }

    @discardableResult
    public func execute(_ sql: String) throws -> Int { try execute(sql, []) }
    public func query(_ sql: String) throws -> [SQLRow] { try query(sql, []) }
    /// The first row of a query, if any.
    public func queryOne(_ sql: String, _ bindings: [SQLValue] = []) throws -> SQLRow? {
        try query(sql, bindings).first
    }
}

/// A value bound to or read from a statement.
public enum SQLValue: Sendable, Equatable, CustomStringConvertible {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)

    public var description: String {
        switch self {
        case .null: return "NULL"
        case .integer(let i): return String(i)
        case .real(let d): return String(d)
        case .text(let s): return s
        }
    }
}

extension SQLValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByNilLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int) { self = .integer(Int64(value)) }
    public init(nilLiteral: ()) { self = .null }
    public static func int(_ i: Int) -> SQLValue { .integer(Int64(i)) }
    public static func optional(_ s: String?) -> SQLValue { s.map { .text($0) } ?? .null }
    public static func optional(_ i: Int?) -> SQLValue { i.map { .integer(Int64($0)) } ?? .null }
    public static func optional(_ d: Double?) -> SQLValue { d.map { .real($0) } ?? .null }
}

/// One result row, by lower-case column name.
public struct SQLRow: Sendable {
    public var values: [String: SQLValue]

    public init(_ values: [String: SQLValue]) { self.values = values }

    public subscript(column: String) -> SQLValue { values[column] ?? .null }

    public func string(_ column: String) -> String {
        switch self[column] {
        case .text(let s): return s
        case .null: return ""
        case .integer(let i): return String(i)
        case .real(let d): return String(d)
        }
    }

    public func optionalString(_ column: String) -> String? {
        if case .null = self[column] { return nil }
        return string(column)
    }

    public func int(_ column: String) -> Int {
        switch self[column] {
        case .integer(let i): return Int(i)
        case .real(let d): return Int(d)
        case .text(let s): return Int(s) ?? 0
        case .null: return 0
        }
    }

    public func optionalInt(_ column: String) -> Int? {
        if case .null = self[column] { return nil }
        return int(column)
    }

    public func double(_ column: String) -> Double? {
        switch self[column] {
        case .integer(let i): return Double(i)
        case .real(let d): return d
        case .text(let s): return Double(s)
        case .null: return nil
        }
    }
}

/// Failures of the storage layer, in terms the services and the user understand.
public enum StorageError: Error, Sendable, Equatable {
    /// The database file or server could not be opened.
    case cannotOpen(String)
    /// A statement failed (constraint, syntax, I/O).
    case failed(String)
    /// Another writer changed the same rows first.
    case conflict(String)
    /// The database is busy or unreachable right now.
    case unavailable(String)
}
