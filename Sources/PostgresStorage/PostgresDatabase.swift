import Domain
import Foundation

/// PostgreSQL behind the narrow `SQLDatabase` interface, through libpq: for
/// several guanlan processes sharing one database.
///
/// - `write` is `BEGIN … COMMIT` at READ COMMITTED with `synchronous_commit =
///   on`: when it returns, the commit is on the server's disk. The services'
///   correctness rules (conditional `UPDATE … WHERE booked + n <= capacity`,
///   `INSERT … ON CONFLICT DO UPDATE … RETURNING` counters, version checks)
///   are single statements that re-check their row after waiting for its lock,
///   so they hold across processes at that level.
/// - `read` is a `REPEATABLE READ READ ONLY` transaction: one snapshot.
/// - Connections come from a small thread-safe pool; one that lost its server
///   is dropped, and the next use opens a new one, so service resumes by itself
///   when the database is back. Meanwhile calls fail with `.unavailable`.
/// - Deadlocks and serialization failures are retried (the services' closures
///   touch nothing but the database); if they persist, `.conflict`.
public final class PostgresDatabase: SQLDatabase, @unchecked Sendable {
    public let url: String
    public var engineName: String { "postgresql" }
    private let pool: Pool
    private let threadKey: String

    /// Opens the first connection at once, so a wrong URL or a stopped server
    /// is reported at start-up (`.cannotOpen`).
    public init(url: String, maxConnections: Int = 8) throws {
        self.url = url
        pool = Pool(url: url, limit: max(1, maxConnections))
        threadKey = "guanlan.postgres.\(UUID().uuidString)"
        do {
            pool.release(try pool.acquire())
        } catch let error as StorageError {
            if case .unavailable(let message) = error {
                throw StorageError.cannotOpen(message)
            }
            throw error
        }
    }

    public func read<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        try transaction(begin: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", body)
    }

    public func write<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        var attempt = 0
        while true {
            do {
                return try transaction(begin: "BEGIN", body)
            } catch StorageError.conflict(let message) where attempt < 3 && Self.isRetryable(message) {
                attempt += 1
                usleep(UInt32.random(in: 1_000...10_000) * UInt32(attempt))
            }
        }
    }

    /// Closes the idle connections (the pool opens new ones on demand).
    public func close() { pool.drain() }

    private static func isRetryable(_ message: String) -> Bool {
        message.hasSuffix("[40001]") || message.hasSuffix("[40P01]")
    }

    private func transaction<T>(begin: String, _ body: (any SQLConnection) throws -> T) throws -> T {
        // A read or write nested in another on the same thread joins it.
        if let current = Thread.current.threadDictionary[threadKey] as? PGConnection {
            return try body(current)
        }
        var conn = try pool.acquire()
        do {
            try conn.run(begin)
        } catch StorageError.unavailable where !conn.isUsable {
            // An idle connection whose server restarted: nothing was sent yet,
            // so try once more on a new one.
            pool.release(conn)
            conn = try pool.acquire()
            do { try conn.run(begin) } catch { pool.release(conn); throw error }
        } catch {
            pool.release(conn)
            throw error
        }
        Thread.current.threadDictionary[threadKey] = conn
        defer {
            Thread.current.threadDictionary.removeObject(forKey: threadKey)
            pool.release(conn)
        }
        let value: T
        do {
            value = try body(conn)
        } catch {
            if conn.isUsable { try? conn.run("ROLLBACK") }
            throw error
        }
        do {
            try conn.run("COMMIT")
        } catch {
            if conn.isUsable { try? conn.run("ROLLBACK") }
            throw error
        }
        return value
    }
}

/// A bounded set of connections: idle ones are reused, new ones opened up to
/// `limit`, callers wait beyond that. Broken connections are not returned.
final class Pool: @unchecked Sendable {
    private let url: String
    private let limit: Int
    private let condition = NSCondition()
    private var idle: [PGConnection] = []
    private var open = 0

    init(url: String, limit: Int) {
        self.url = url
        self.limit = limit
    }

    func acquire() throws -> PGConnection {
        condition.lock()
        while idle.isEmpty && open >= limit { condition.wait() }
        if let conn = idle.popLast() {
            condition.unlock()
            return conn
        }
        open += 1
        condition.unlock()
        do {
            return try PGConnection(url: url)
        } catch {
            condition.lock()
            open -= 1
            condition.signal()
            condition.unlock()
            throw error
        }
    }

    func release(_ conn: PGConnection) {
        condition.lock()
        if conn.isUsable {
            idle.append(conn)
        } else {
            open -= 1
            // The server went away: the other idle connections are likely dead too.
            open -= idle.count
            idle.removeAll()
        }
        condition.broadcast()
        condition.unlock()
    }

    func drain() {
        condition.lock()
        open -= idle.count
        idle.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}

extension PostgresDatabase {
    /// Runs `body` holding a database-wide advisory lock, on a connection of
    /// its own: several servers starting at once on an empty database migrate
    /// and import the sample data once, one after the other.
    public func exclusively<T>(_ body: () throws -> T) throws -> T {
        let lockConnection = try PGConnection(url: url)
        try lockConnection.run("SELECT pg_advisory_lock(\(Self.startupLockKey))")
        defer { try? lockConnection.run("SELECT pg_advisory_unlock(\(Self.startupLockKey))") }
        return try body()
    }

    /// An arbitrary constant ("guanlan" in ASCII).
    static let startupLockKey: Int64 = 0x6775_616e_6c61_6e
}
