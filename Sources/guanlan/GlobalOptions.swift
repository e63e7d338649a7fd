import ArgumentParser
import Bot
import Domain
import Foundation
import PostgresStorage
import SQLiteStorage

/// Options every command that reads or writes data accepts (CONTRACT §1).
struct DataOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: "SQLite database file (default: $GUANLAN_DB or ~/.local/share/guanlan/guanlan.db).")
    var dbPath: String?

    @Option(name: .customLong("database"), help: """
        Database URL: sqlite:PATH or a path; postgres://USER[:PASSWORD]@HOST[:PORT]/DBNAME or \
        postgres://USER@/DBNAME?host=SOCKET_DIRECTORY&port=PORT (also $GUANLAN_DATABASE_URL).
        """)
    var databaseURL: String?

    @OptionGroup var clock: ClockOptions

    /// The database chosen by the options and environment.
    func location() -> DatabaseLocation {
        let env = ProcessInfo.processInfo.environment
        if let dbPath { return .sqlite(dbPath) }
        if let url = databaseURL ?? env["GUANLAN_DATABASE_URL"].flatMap({ $0.isEmpty ? nil : $0 }) {
            return DatabaseLocation(url: url)
        }
        if let path = env["GUANLAN_DB"], !path.isEmpty { return .sqlite(path) }
        let base = env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (NSHomeDirectory() + "/.local/share")
        return .sqlite(base + "/guanlan/guanlan.db")
    }

    /// Opens the database and builds the engine, or fails with a Chinese message.
    /// A new database (SQLite file or empty PostgreSQL database) is migrated and
    /// filled with the sample data.
    func makeEngine() throws -> Engine {
        try makeEngine(db: openDatabase())
    }

    /// Opens the database chosen by the options, or fails with a Chinese message.
    func openDatabase() throws -> any SQLDatabase {
        try location().open()
    }

    /// Builds the engine on an open database: reads `intents/` and the data files afresh
    /// (also on SIGHUP reload).
    func makeEngine(db: any SQLDatabase, understandingCacheSize: Int = UnderstandingCache.defaultCapacity) throws -> Engine {
        let where_ = location()
        do {
            let build = {
                try BotEnvironment.makeEngine(db: db, root: BotEnvironment.resourceRoot(), clock: try clock.make(),
                                              understandingCacheSize: understandingCacheSize)
            }
            if let postgres = db as? PostgresDatabase {
                return try postgres.exclusively(build)   // several servers starting at once migrate once
            }
            return try build()
        } catch let error as ImportError {
            throw CLIError("示例数据有误：\(error)")
        } catch let error as StorageError {
            throw CLIError("数据库 \(where_) 不可用：\(error)")
        }
    }
}

/// Where the data lives: a SQLite file or a PostgreSQL database (CONTRACT §1).
enum DatabaseLocation: CustomStringConvertible {
    case sqlite(String)
    case postgres(String)

    /// `sqlite:PATH`, a plain path, or a `postgres://` / `postgresql://` URL.
    init(url: String) {
        if PostgresURL.isPostgres(url) {
            self = .postgres(url)
        } else {
            self = .sqlite(url.hasPrefix("sqlite:") ? String(url.dropFirst("sqlite:".count)) : url)
        }
    }

    /// For messages: the path, or the URL without its password.
    var description: String {
        switch self {
        case .sqlite(let path): return path
        case .postgres(let url): return PostgresURL.redacted(url)
        }
    }

    var isPostgres: Bool {
        if case .postgres = self { return true }
        return false
    }

    /// Opens (creating a missing SQLite file), or fails with a Chinese message.
    func open() throws -> any SQLDatabase {
        do {
            switch self {
            case .sqlite(let path): return try SQLiteDatabase(path: path)
            case .postgres(let url): return try PostgresDatabase(url: url)
            }
        } catch StorageError.cannotOpen(let reason) where isPostgres {
            throw CLIError("无法连接 PostgreSQL 数据库 \(self)，请确认服务器已启动、地址和用户名正确：\(reason)")
        } catch {
            throw CLIError("无法打开数据库 \(self)：\(error)")
        }
    }
}

struct ClockOptions: ParsableArguments {
    @Option(name: .customLong("now"), help: "Freeze the clock, e.g. 2026-11-29T09:00:00+08:00 (also $GUANLAN_NOW).")
    var now: String?

    func make() throws -> Clock {
        guard let text = now ?? ProcessInfo.processInfo.environment["GUANLAN_NOW"].flatMap({ $0.isEmpty ? nil : $0 }) else {
            return Clock()
        }
        guard let clock = Clock.frozen(iso: text) else {
            throw CLIError("--now 的时间格式不正确：\(text)（应为 ISO 8601，例如 2026-11-29T09:00:00+08:00）")
        }
        return clock
    }
}

/// A user-facing failure: printed as is to stderr, exit status 1, no stack trace.
struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ message: String) { description = message }
}

extension AsyncParsableCommand {
    /// Runs `body`, turning a `CLIError` or any other error into a message and exit 1.
    func reportingErrors<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as CLIError {
            FileHandle.standardError.write(Data("guanlan: \(error.description)\n".utf8))
            throw ExitCode(1)
        } catch let error as ExitCode {
            throw error
        } catch {
            FileHandle.standardError.write(Data("guanlan: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
