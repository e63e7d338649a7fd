import Domain
import Foundation
import SQLiteStorage

/// A fresh database with the sample data, for domain tests.
enum TestDatabase {
    static let root: URL = {
        var dir = URL(fileURLWithPath: #filePath)
        while !FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
            dir = dir.deletingLastPathComponent()
        }
        return dir
    }()

    static var dataDirectory: URL { root.appendingPathComponent("data") }

    static let clock = Clock.frozen(iso: "2026-11-29T09:00:00+08:00")!

    /// A file database in a temporary folder (WAL needs a file for concurrency tests).
    static func file() throws -> (SQLiteDatabase, String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("guanlan-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("test.db").path
        let db = try SQLiteDatabase(path: path)
        try seed(db)
        return (db, path)
    }

    static func memory() throws -> SQLiteDatabase {
        let db = try SQLiteDatabase(path: ":memory:")
        try seed(db)
        return db
    }

    static func seed(_ db: any SQLDatabase) throws {
        try Migrations.migrate(db)
        try SampleDataImporter(dataDirectory: dataDirectory, isValidCreditCode: { $0.count == 18 }).importAll(into: db)
    }

    static func rules() throws -> GrievanceRules { try GrievanceRules.load(from: dataDirectory) }
}
