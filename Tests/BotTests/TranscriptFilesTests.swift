import Foundation
import Testing
import Bot
import Transcripts
import Domain
import SQLiteStorage

/// Runs every transcript under the package's `transcripts/` folder twice: in
/// process and through a real Unix socket (docs/TRANSCRIPTS.md).
///
/// Each transcript gets the real engine on a fresh in-memory database with the
/// sample data, its clock driven by the file's `@now`.
enum TranscriptFixtures {
    static let makeEngine: (@Sendable (TranscriptSettings) throws -> any LineHandler)? = { settings in
        try TestEngine.make(settings: settings)
    }
    /// Starts a socket server for `handler`; returns its socket path and a stop function.
    static let startServer: (@Sendable (any LineHandler) throws -> (path: String, stop: @Sendable () -> Void))? = nil

    static var files: [URL] {
        guard let root = TranscriptDiscovery.packageRoot() else { return [] }
        let folder = root.appendingPathComponent("transcripts")
        guard FileManager.default.fileExists(atPath: folder.path) else { return [] }
        return (try? TranscriptDiscovery.files(in: [folder])) ?? []
    }
}

@Suite struct TranscriptFilesTests {
    @Test(.enabled(if: TranscriptFixtures.makeEngine != nil), arguments: TranscriptFixtures.files)
    func inProcess(_ file: URL) throws {
        let runner = TranscriptRunner(makeHandler: TranscriptFixtures.makeEngine!)
        let result = try runner.run(file: file, mode: .inProcess)
        #expect(result.passed, "\(result.report)")
    }

    @Test(.enabled(if: TranscriptFixtures.makeEngine != nil && TranscriptFixtures.startServer != nil),
          arguments: TranscriptFixtures.files)
    func throughSocket(_ file: URL) throws {
        let runner = TranscriptRunner(makeHandler: TranscriptFixtures.makeEngine!)
        let startServer = TranscriptFixtures.startServer!
        var servers: [Int: (path: String, stop: @Sendable () -> Void)] = [:]
        defer { servers.values.forEach { $0.stop() } }
        let result = try runner.run(file: file, mode: .socket(connect: { settings, handler in
            // One server per handler (a mid-file `@db fresh` makes a new one), one connection per session.
            if servers[settings.generation] == nil { servers[settings.generation] = try startServer(handler) }
            return try UnixSocketTransport(path: servers[settings.generation]!.path)
        }))
        #expect(result.passed, "\(result.report)")
    }
}

/// The real engine for tests: fresh in-memory SQLite with the sample data.
enum TestEngine {
    static func make(settings: TranscriptSettings) throws -> Engine {
        let clock = Clock(timeZone: TimeZone(secondsFromGMT: settings.utcOffsetSeconds)!) { settings.clock.now }
        return try make(clock: clock)
    }

    static func make(clock: Clock) throws -> Engine {
        let root = TranscriptDiscovery.packageRoot()!
        return try BotEnvironment.makeEngine(db: try SQLiteDatabase(path: ":memory:"), root: root, clock: clock)
    }
}
