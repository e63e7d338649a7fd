import Foundation
import Testing
import Bot
import Transcripts

/// Runs every transcript under the package's `transcripts/` folder twice: in
/// process and through a real Unix socket (docs/TRANSCRIPTS.md).
///
/// WIRING (to do once the engine and the socket server exist): set `makeEngine`
/// to build the real engine for a transcript's settings (fresh database with the
/// sample data, clock from `settings.clock`), and `startServer` to start the
/// SocketServer on a temporary socket path for a handler. Until then the two
/// tests are disabled.
enum TranscriptFixtures {
    static let makeEngine: (@Sendable (TranscriptSettings) throws -> any LineHandler)? = nil
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
