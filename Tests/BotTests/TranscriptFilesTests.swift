import Foundation
import Testing
import Bot
import Transcripts
import Domain
import SQLiteStorage
import SocketServer
import Logging

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
    static let startServer: (@Sendable (any LineHandler) throws -> (path: String, stop: @Sendable () -> Void))? = { handler in
        try TestServer.start(handler)
    }

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
    func throughSocket(_ file: URL) async throws {
        // The runner and the servers' start/stop block, so they run on a GCD thread,
        // keeping Swift's cooperative pool free for the servers' connection tasks.
        let result = try await OffPool.run {
            let runner = TranscriptRunner(makeHandler: TranscriptFixtures.makeEngine!)
            let startServer = TranscriptFixtures.startServer!
            var servers: [Int: (path: String, stop: @Sendable () -> Void)] = [:]
            defer { servers.values.forEach { $0.stop() } }
            return try runner.run(file: file, mode: .socket(connect: { settings, handler in
                // One server per handler (a mid-file `@db fresh` makes a new one), one connection per session.
                if servers[settings.generation] == nil { servers[settings.generation] = try startServer(handler) }
                return try UnixSocketTransport(path: servers[settings.generation]!.path)
            }))
        }
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
        let (template, blueprint) = try sampleData.get()
        return blueprint.makeEngine(db: try template.inMemoryCopy(), clock: clock)
    }

    /// One database filled with the sample data and the understanding layer over it,
    /// made once: each engine gets a copy of the database (as `guanlan replay` does).
    static let sampleData: Result<(SQLiteDatabase, EngineBlueprint), any Error> = Result {
        let root = TranscriptDiscovery.packageRoot()!
        let template = try SQLiteDatabase(path: ":memory:")
        try BotEnvironment.prepare(template, root: root)
        return (template, try EngineBlueprint(db: template, root: root))
    }
}

/// A real socket server on a temporary path, started and stopped from synchronous test code.
enum TestServer {
    static func start(_ handler: any LineHandler) throws -> (path: String, stop: @Sendable () -> Void) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gl-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("s.sock").path
        let server = UnixSocketServer(path: path, handler: handler, sessions: SessionRegistry(),
                                      logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }),
                                      access: AccessPolicy(peerIsOperator: false))
        let started = Blocking.run { try await server.start() }
        try started.get()
        return (path, { _ = Blocking.run { await server.shutdown() } })
    }
}

/// Runs async work to completion from synchronous code (tests only).
enum Blocking {
    static func run<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) -> Result<T, any Error> {
        let semaphore = DispatchSemaphore(value: 0)
        let box = ResultBox<T>()
        Task.detached {
            do { box.result = .success(try await body()) } catch { box.result = .failure(error) }
            semaphore.signal()
        }
        semaphore.wait()
        return box.result!
    }

    final class ResultBox<T>: @unchecked Sendable {
        var result: Result<T, any Error>?
    }
}

/// Runs blocking work on a GCD thread and awaits it.
enum OffPool {
    static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try body() }) }
        }
    }
}
