import ArgumentParser
import Domain
import Foundation
import PostgresStorage

/// `guanlan migrate --from sqlite:PATH --to postgres://…`: copies a whole
/// database (tickets with their histories, bookings, requests, reference data,
/// id counters) into an empty one, and verifies every table's row count.
struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Copy a whole database into an empty one (e.g. SQLite → PostgreSQL) and verify the counts.")

    @Option(help: "Source database URL: sqlite:PATH (or a path).") var from: String
    @Option(help: "Target database URL: postgres://… (must be empty).") var to: String

    func run() async throws {
        try await reportingErrors {
            let source = DatabaseLocation(url: from), target = DatabaseLocation(url: to)
            if case .sqlite(let path) = source, !FileManager.default.fileExists(atPath: path) {
                throw CLIError("源数据库不存在：\(path)")
            }
            guard source.description != target.description else { throw CLIError("源数据库和目标数据库相同：\(source)") }
            let copy = DatabaseCopy(from: try source.open(), to: try target.open())
            do {
                let counts = try copy.run()
                for c in counts { print("\(c.table)\t\(c.rows)") }
                print("已迁移 \(counts.count) 张表、\(counts.reduce(0) { $0 + $1.rows }) 行，从 \(source) 到 \(target)，行数核对一致。")
            } catch let error as DatabaseCopy.Failure {
                throw CLIError("迁移失败：\(error)")
            } catch let error as StorageError {
                throw CLIError("迁移失败，目标数据库未改动：\(error)")
            }
        }
    }
}
