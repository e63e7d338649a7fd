import Foundation
import Testing
@testable import SocketServer

/// systemd socket activation: `guanlan serve` adopts a listening socket passed
/// as descriptor 3 with LISTEN_FDS / LISTEN_PID, serves on it, and leaves the
/// socket file (the .socket unit's) in place when it stops.
@Suite struct SocketActivationTests {
    /// Binds and listens on `argv[1]`, puts the socket at descriptor 3, sets the
    /// variables as systemd does (LISTEN_PID is this pid, kept across exec) and
    /// execs the rest of the arguments.
    static let launcher = """
    import os, socket, sys
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.bind(sys.argv[1]); s.listen(64)
    if s.fileno() != 3:
        os.dup2(s.fileno(), 3)
    os.set_inheritable(3, True)
    env = dict(os.environ, LISTEN_FDS="1", LISTEN_PID=str(os.getpid()))
    os.execve(sys.argv[2], sys.argv[2:], env)
    """

    @Test(.enabled(if: builtExecutable != nil, "needs the built guanlan executable"), .timeLimit(.minutes(2)))
    func servesOnThePassedSocketAndLeavesItsFile() async throws {
        let executable = try #require(builtExecutable)
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let socket = directory + "/activated.sock"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", Self.launcher, socket, executable, "serve",
                             "--db", directory + "/g.db", "--socket", socket, "--now", "2026-11-29T09:00:00+08:00"]
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        let reply = try await blocking { () -> String? in
            // The socket exists before the server is up: connects queue in the backlog.
            for _ in 0..<600 {
                if let client = try? LineClient(path: socket, timeout: 30), let reply = try? client.sendText("/stats") {
                    return reply
                }
                Thread.sleep(forTimeInterval: 0.05)
            }
            return nil
        }
        process.terminate()
        process.waitUntilExit()
        let log = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(reply?.hasPrefix("连接 1") == true, "\(log)")
        #expect(process.terminationStatus == 0, "\(log)")
        #expect(log.contains("由 systemd 传入"))
        // The server did not make the file, so it does not remove it.
        var info = stat()
        #expect(lstat(socket, &info) == 0)
    }

    @Test func noVariablesNoDescriptor() throws {
        #expect(try SocketActivation.listeningDescriptor(environment: [:]) == nil)
        // Meant for another process.
        #expect(try SocketActivation.listeningDescriptor(environment: ["LISTEN_PID": "1", "LISTEN_FDS": "1"]) == nil)
    }
}
