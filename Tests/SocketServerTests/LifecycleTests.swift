import Bot
import Foundation
import Testing
@testable import SocketServer

@Suite struct LifecycleTests {
    @Test func socketFileGetsTheModeAndIsRemovedAtShutdown() async throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/bot.sock"
        let server = UnixSocketServer(path: path, handler: FakeHandler(), sessions: SessionRegistry(),
                                      logger: quietLogger, socketMode: 0o600)
        try await server.start()
        var info = stat()
        #expect(lstat(path, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o600)
        await server.shutdown()
        #expect(!FileManager.default.fileExists(atPath: path))
        await server.shutdown()  // twice is harmless
    }

    @Test func staleSocketFileIsReplaced() async throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/bot.sock"
        try makeStaleSocketFile(at: path)
        #expect(FileManager.default.fileExists(atPath: path))
        let server = UnixSocketServer(path: path, handler: FakeHandler(), sessions: SessionRegistry(), logger: quietLogger)
        try await server.start()
        let reply = try await blocking { try LineClient(path: path).sendText("echo 新") }
        #expect(reply == "回声：新")
        await server.shutdown()
    }

    @Test func secondServerOnTheSamePathIsRefused() async throws {
        try await withServer { _, path in
            let second = UnixSocketServer(path: path, handler: FakeHandler(), sessions: SessionRegistry(), logger: quietLogger)
            await #expect(throws: SocketServerError.alreadyListening(path: path)) { try await second.start() }
            await second.waitUntilClosed()
            let reply = try await blocking { try LineClient(path: path).sendText("echo 仍在") }
            #expect(reply == "回声：仍在")
        }
    }

    @Test func regularFileInTheWayIsLeftAlone() async throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/bot.sock"
        try Data("keep".utf8).write(to: URL(fileURLWithPath: path))
        let server = UnixSocketServer(path: path, handler: FakeHandler(), sessions: SessionRegistry(), logger: quietLogger)
        await #expect(throws: SocketServerError.notASocket(path: path)) { try await server.start() }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep")
    }

    @Test func shutdownLetsTheRequestInFlightFinish() async throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/bot.sock"
        let handler = FakeHandler()
        let server = UnixSocketServer(path: path, handler: handler, sessions: SessionRegistry(), logger: quietLogger)
        try await server.start()
        let client = try LineClient(path: path)
        let box = ClientBox(client)
        let first = try await blocking { try box.client.sendText("echo 先") }
        #expect(first == "回声：先")
        try client.send("sleep 300")
        while handler.handled < 2 { try await Task.sleep(for: .milliseconds(5)) }
        let started = ContinuousClock.now
        await server.shutdown()
        #expect(ContinuousClock.now - started >= .milliseconds(200))
        // The reply was written before the connection closed.
        #expect(try client.readTextReply() == "睡了 300 毫秒")
        #expect(throws: LineClientError.closedByServer) { try client.readLine() }
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(throws: (any Error).self) { try LineClient(path: path) }
    }

    @Test func idleConnectionsDoNotHoldUpShutdown() async throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/bot.sock"
        let server = UnixSocketServer(path: path, handler: FakeHandler(), sessions: SessionRegistry(), logger: quietLogger)
        try await server.start()
        let clients = try (0..<5).map { _ in try LineClient(path: path) }
        let box = ClientBox(clients[0])
        let first = try await blocking { try box.client.sendText("echo 一") }
        #expect(first == "回声：一")
        let started = ContinuousClock.now
        await server.shutdown()
        #expect(ContinuousClock.now - started < .seconds(2))
        for client in clients {
            #expect(throws: LineClientError.closedByServer) { try client.readLine() }
        }
    }

    @Test func clientsConnectingDuringShutdownAreAnsweredOrClosed() async throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/bot.sock"
        let server = UnixSocketServer(path: path, handler: FakeHandler(), sessions: SessionRegistry(), logger: quietLogger)
        try await server.start()
        let connector = Task {
            try await blocking { () -> [String] in
                var timedOut: [String] = []
                for n in 0..<300 {
                    guard let client = try? LineClient(path: path, timeout: 3) else { continue }
                    do {
                        _ = try client.sendText("echo \(n)")
                    } catch LineClientError.timedOut {
                        timedOut.append("\(n)")
                    } catch {}
                }
                return timedOut
            }
        }
        try await Task.sleep(for: .milliseconds(20))
        await server.shutdown()
        #expect(try await connector.value.isEmpty)
    }

    @Test func cancellingRunShutsDown() async throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/bot.sock"
        let server = UnixSocketServer(path: path, handler: FakeHandler(), sessions: SessionRegistry(), logger: quietLogger)
        let running = Task { try await server.run() }
        // The file appears at bind, a moment before listen: wait until a connect succeeds.
        for _ in 0..<400 {
            if (try? LineClient(path: path)) != nil { break }
            try await Task.sleep(for: .milliseconds(5))
        }
        let reply = try await blocking { try LineClient(path: path).sendText("echo 跑") }
        #expect(reply == "回声：跑")
        running.cancel()
        try await running.value
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}

/// Hands a client to `blocking`; the test uses it from one thread at a time.
final class ClientBox: @unchecked Sendable {
    let client: LineClient
    init(_ client: LineClient) { self.client = client }
}
