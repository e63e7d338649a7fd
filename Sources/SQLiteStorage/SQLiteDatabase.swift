import Domain
import Foundation
import GRDB

/// The embedded default engine: one SQLite file in WAL mode, opened through
/// GRDB's `DatabasePool` (concurrent readers, one writer at a time).
///
/// Durability: `synchronous = FULL` makes every commit fsync the WAL, so a
/// write that returned survives a crash or power loss. Concurrent writes are
/// group-committed (`GroupCommitter`): one transaction and one fsync for a
/// batch, each write in its own savepoint.
public final class SQLiteDatabase: SQLDatabase {
    private let writer: any DatabaseWriter
    private let committer: GroupCommitter
    public let path: String
    public var engineName: String { "sqlite" }

    /// Opens (creating when missing) the database file at `path`; `:memory:`
    /// gives a private in-memory database.
    public init(path: String) throws {
        self.path = path
        var config = Configuration()
        config.busyMode = .timeout(10)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            try db.execute(sql: "PRAGMA foreign_keys = ON")
        }
        do {
            if path == ":memory:" {
                writer = try DatabaseQueue(configuration: config)
            } else {
                let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
                writer = try DatabasePool(path: path, configuration: config)
            }
        } catch {
            throw StorageError.cannotOpen("\(path): \(Self.describe(error))")
        }
        committer = GroupCommitter(writer: writer)
    }

    /// A private in-memory database holding what this one holds now (SQLite's
    /// online backup, page by page): a fresh database for each transcript or
    /// test without migrating and importing the sample data again.
    public func inMemoryCopy() throws -> SQLiteDatabase {
        let copy = try SQLiteDatabase(path: ":memory:")
        do {
            try writer.backup(to: copy.writer)
        } catch let error as DatabaseError {
            throw Self.map(error)
        }
        return copy
    }

    /// Group commits since the database was opened: batches (one fsync each) and the
    /// writes they held. `guanlan serve` logs them at exit; the benchmark prints writes per fsync.
    public var groupCommits: (batches: Int, writes: Int) { committer.statistics }

    public func read<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        do {
            return try writer.unsafeReentrantRead { db in try body(GRDBConnection(db: db)) }
        } catch let error as StorageError {
            throw error
        } catch let error as DatabaseError {
            throw Self.map(error)
        }
    }

    public func write<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        do {
            var result: T?
            try withoutActuallyEscaping(body) { body in
                try committer.submit { [committer] db in
                    result = try body(GRDBConnection(db: db, identifiers: committer.identifiers))
                }
            }
            guard let result else { preconditionFailure("a committed write has a result") }
            return result
        } catch let error as DatabaseError {
            throw Self.map(error)
        }
    }

    public var writesAsynchronously: Bool { true }

    /// Hands the write to the group committer and returns at once; `completion`
    /// runs on the committer's queue after the batch holding the write is durable.
    public func write<T>(_ body: @escaping @Sendable (any SQLConnection) throws -> T,
                         completion: @escaping @Sendable (Result<T, any Error>) -> Void) {
        let result = ResultSlot<T>()
        committer.submit({ [committer] db in
            result.value = try body(GRDBConnection(db: db, identifiers: committer.identifiers))
        }) { outcome in
            switch outcome {
            case .success:
                guard let value = result.value else { preconditionFailure("a committed write has a result") }
                completion(.success(value))
            case .failure(let error as DatabaseError):
                completion(.failure(Self.map(error)))
            case .failure(let error):
                completion(.failure(error))
            }
        }
    }

    /// Returns once every write handed over so far is finished (graceful shutdown).
    public func finishWrites() { committer.waitUntilIdle() }

    static func map(_ error: DatabaseError) -> StorageError {
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .unavailable(describe(error))
        case .SQLITE_CONSTRAINT: return .conflict(describe(error))
        case .SQLITE_CANTOPEN, .SQLITE_NOTADB, .SQLITE_PERM, .SQLITE_READONLY: return .cannotOpen(describe(error))
        default: return .failed(describe(error))
        }
    }

    static func describe(_ error: any Error) -> String {
        if let e = error as? DatabaseError { return e.message ?? "\(e.resultCode)" }
        return "\(error)"
    }
}

/// A write's result, set by its body on the committer queue and read by its
/// completion on the same queue afterwards (`@unchecked Sendable` for that hand-over).
private final class ResultSlot<T>: @unchecked Sendable {
    var value: T?
}

/// A GRDB `Database` seen through the narrow `SQLConnection` interface.
struct GRDBConnection: SQLConnection {
    let db: Database
    /// The group commit's batch of ids while a write runs in it; nil for reads.
    var identifiers: IdentifierBatch? = nil

    /// Statements with bindings are prepared once per connection and reused
    /// (`cachedStatement`): preparing, with GRDB's authorizer, was a hot spot.
    /// Scripts without bindings (migrations) may hold several statements.
    func execute(_ sql: String, _ bindings: [SQLValue]) throws -> Int {
        if bindings.isEmpty {
            try db.execute(sql: sql)
        } else {
            return try BoundStatement.execute(try db.cachedStatement(sql: sql), bindings, in: db)
        }
        return db.changesCount
    }

    /// Rows read straight from SQLite (`BoundStatement`), column names lower-cased once per query.
    func query(_ sql: String, _ bindings: [SQLValue]) throws -> [SQLRow] {
        try BoundStatement.query(try db.cachedStatement(sql: sql), bindings, in: db)
    }
}
