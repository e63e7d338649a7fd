import Bot
import Domain
import Foundation
import PostgresStorage
import Testing
import Transcripts

/// Every transcript again, on PostgreSQL, in process and through a real
/// socket. The first engine starts on an empty schema (migrated and filled
/// with the sample data, as on first start); each transcript then gets a
/// server-side copy of that schema. Runs when `GUANLAN_TEST_POSTGRES_URL` is set (`make test`
/// starts a throw-away server with `scripts/with-postgres.sh`).
enum PostgresTranscriptFixtures {
    static let url: String? = ProcessInfo.processInfo.environment["GUANLAN_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }

    static func makeEngine(settings: TranscriptSettings) throws -> any LineHandler {
        let clock = Clock(timeZone: TimeZone(secondsFromGMT: settings.utcOffsetSeconds)!) { settings.clock.now }
        let db = try PostgresDatabase(url: try PostgresScratch.copy(of: try template.get(), baseURL: url!), maxConnections: 4)
        return try TestEngine.sampleData.get().1.makeEngine(db: db, clock: clock)
    }

    /// The schema a first start filled: migrated, with the sample data.
    static let template: Result<String, any Error> = Result {
        let schemaURL = try PostgresScratch.newSchema(baseURL: url!)
        let db = try PostgresDatabase(url: schemaURL, maxConnections: 1)
        _ = try BotEnvironment.makeEngine(db: db, root: TranscriptDiscovery.packageRoot()!, clock: Clock())
        db.close()
        return PostgresScratch.schema(of: schemaURL)!
    }
}

@Suite(.enabled(if: PostgresTranscriptFixtures.url != nil)) struct TranscriptFilesPostgresTests {
    @Test(arguments: TranscriptFixtures.files)
    func inProcessOnPostgres(_ file: URL) throws {
        let runner = TranscriptRunner(makeHandler: PostgresTranscriptFixtures.makeEngine)
        let result = try runner.run(file: file, mode: .inProcess)
        #expect(result.passed, "\(result.report)")
    }

    @Test(arguments: TranscriptFixtures.files)
    func throughSocketOnPostgres(_ file: URL) async throws {
        let result = try await OffPool.run {
            let runner = TranscriptRunner(makeHandler: PostgresTranscriptFixtures.makeEngine)
            var servers: [Int: (path: String, stop: @Sendable () -> Void)] = [:]
            defer { servers.values.forEach { $0.stop() } }
            return try runner.run(file: file, mode: .socket(connect: { settings, handler in
                if servers[settings.generation] == nil { servers[settings.generation] = try TestServer.start(handler) }
                return try UnixSocketTransport(path: servers[settings.generation]!.path)
            }))
        }
        #expect(result.passed, "\(result.report)")
    }
}
