import Bot
import Foundation
import Testing
@testable import SocketServer

/// The built `guanlan` next to this test bundle, if `swift build` made it.
let builtExecutable: String? = {
    let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for candidate in [directory, directory.deletingLastPathComponent()] {
        let path = candidate.appendingPathComponent("guanlan").path
        if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    let fallback = FileManager.default.currentDirectoryPath + "/.build/debug/guanlan"
    return FileManager.default.isExecutableFile(atPath: fallback) ? fallback : nil
}()

/// `guanlan serve` as a child process, on its own database and socket.
final class ServerProcess: @unchecked Sendable {  // `process` is used from one test thread at a time
    let process = Process()
    let socket: String

    /// - Parameter home: `GUANLAN_HOME` (where `intents/` and `data/` are read), if not the project's.
    init(executable: String, database: String, socket: String, home: String? = nil) throws {
        self.socket = socket
        process.executableURL = URL(fileURLWithPath: executable)
        if let home {
            process.environment = ProcessInfo.processInfo.environment.merging(["GUANLAN_HOME": home]) { _, new in new }
        }
        process.arguments = ["serve", "--db", database, "--socket", socket, "--now", "2026-11-29T09:00:00+08:00",
                             "--threads", "32"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until it answers (a new database is migrated and filled first).
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if process.isRunning, let client = try? LineClient(path: socket, timeout: 5),
               (try? client.sendText("/stats")) != nil { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        process.terminate()
        throw LineClientError.timedOut
    }

    func signal(_ number: Int32) {
        kill(process.processIdentifier, number)
    }

    func kill9() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// SIGTERM, then the exit status.
    func stop() -> Int32 {
        process.terminate()
        process.waitUntilExit()
        return process.terminationStatus
    }
}

/// Collects the ticket ids that clients were told about.
final class IssuedIDs: @unchecked Sendable {  // `ids` guarded by `lock`
    private let lock = NSLock()
    private var ids: [String] = []
    func add(_ id: String) { lock.withLock { ids.append(id) } }
    var all: [String] { lock.withLock { ids } }
}

@Suite(.serialized) struct DurabilityTests {
    static let fileTicket = "报事 香榭郦景3栋电梯坏了 电话13800138000"

    /// Files tickets on `connections` connections until the server goes away or `perClient` are filed.
    static func fileTickets(socket: String, connections: Int, perClient: Int, into issued: IssuedIDs) {
        let group = DispatchGroup()
        for client in 0..<connections {
            group.enter()
            Thread {
                defer { group.leave() }
                guard let connection = try? LineClient(path: socket, timeout: 10) else { return }
                for n in 0..<perClient {
                    let request = #"{"id":"\#(client)-\#(n)","text":"\#(fileTicket)"}"#
                    guard let line = try? connection.sendJSON(request), var reply = try? JSONReply(line) else { return }
                    if reply.state == "clarify" {
                        // The same place and problem again: the bot offers to merge; file it anyway.
                        let anyway = #"{"id":"\#(client)-\#(n)b","text":"仍然新建工单"}"#
                        guard let again = try? connection.sendJSON(anyway), let second = try? JSONReply(again) else { return }
                        reply = second
                    }
                    if let id = reply.data?["ticket"]?["id"]?.stringValue { issued.add(id) }
                }
            }.start()
        }
        group.wait()
    }

    @Test(.enabled(if: builtExecutable != nil, "needs the built guanlan executable"), .timeLimit(.minutes(2)))
    func everyTicketAClientWasToldAboutSurvivesKillNine() async throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let database = directory + "/guanlan.db"
        let socket = directory + "/bot.sock"
        let executable = try #require(builtExecutable)

        let (before, after, missing, exitStatus) = try await blocking {
            let first = try ServerProcess(executable: executable, database: database, socket: socket)
            let issued = IssuedIDs()
            let killer = Thread {
                // Kill once tickets are flowing, while all 50 clients are mid-stream.
                let deadline = Date().addingTimeInterval(20)
                while issued.all.count < 200 && Date() < deadline { Thread.sleep(forTimeInterval: 0.005) }
                first.kill9()
            }
            killer.start()
            Self.fileTickets(socket: socket, connections: 50, perClient: 100_000, into: issued)
            let before = issued.all

            // Restart over the stale socket file, on the same database.
            let second = try ServerProcess(executable: executable, database: database, socket: socket)
            let checker = try LineClient(path: socket, timeout: 10)
            var missing: [String] = []
            for id in before {
                let reply = try JSONReply(checker.sendJSON(#"{"id":"q","text":"查询工单 \#(id)"}"#))
                if reply.data?["ticket"]?["id"]?.stringValue != id { missing.append(id) }
            }
            let later = IssuedIDs()
            Self.fileTickets(socket: socket, connections: 10, perClient: 5, into: later)
            return (before, later.all, missing, second.stop())
        }
        print("kill -9: \(before.count) tickets confirmed to 50 clients before the kill, \(before.count - missing.count) found after restart")
        #expect(before.count >= 200)
        #expect(Set(before).count == before.count, "ids are unique")
        #expect(missing.isEmpty, "tickets lost after kill -9: \(missing.prefix(5))")
        #expect(after.count == 50)
        #expect(Set(after).isDisjoint(with: before), "ids are never reused")
        #expect(exitStatus == 0)
    }
}
