import ArgumentParser
import Bot
import Domain
import Foundation
import SQLiteStorage

/// Options every command that reads or writes data accepts (CONTRACT §1).
struct DataOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: "SQLite database file (default: $GUANLAN_DB or ~/.local/share/guanlan/guanlan.db).")
    var dbPath: String?

    @Option(name: .customLong("database"), help: "Database URL: sqlite:PATH or a path (also $GUANLAN_DATABASE_URL).")
    var databaseURL: String?

    @OptionGroup var clock: ClockOptions

    /// The SQLite path chosen by the options and environment.
    func sqlitePath() throws -> String {
        let env = ProcessInfo.processInfo.environment
        if let dbPath { return dbPath }
        if let url = databaseURL ?? env["GUANLAN_DATABASE_URL"].flatMap({ $0.isEmpty ? nil : $0 }) {
            if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
                throw CLIError("暂不支持 PostgreSQL（多实例部署在后续版本提供），请使用 SQLite：--db PATH")
            }
            return url.hasPrefix("sqlite:") ? String(url.dropFirst("sqlite:".count)) : url
        }
        if let path = env["GUANLAN_DB"], !path.isEmpty { return path }
        let base = env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (NSHomeDirectory() + "/.local/share")
        return base + "/guanlan/guanlan.db"
    }

    /// Opens the database and builds the engine, or fails with a Chinese message.
    func makeEngine() throws -> Engine {
        try makeEngine(db: openDatabase())
    }

    /// Opens the database chosen by the options, or fails with a Chinese message.
    func openDatabase() throws -> SQLiteDatabase {
        let path = try sqlitePath()
        do {
            return try SQLiteDatabase(path: path)
        } catch {
            throw CLIError("无法打开数据库 \(path)：\(error)")
        }
    }

    /// Builds the engine on an open database: reads `intents/` and the data files afresh.
    func makeEngine(db: SQLiteDatabase) throws -> Engine {
        let path = db.path
        do {
            return try BotEnvironment.makeEngine(db: db, root: BotEnvironment.resourceRoot(), clock: try clock.make())
        } catch let error as ImportError {
            throw CLIError("示例数据有误：\(error)")
        } catch let error as StorageError {
            throw CLIError("数据库 \(path) 不可用：\(error)")
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
