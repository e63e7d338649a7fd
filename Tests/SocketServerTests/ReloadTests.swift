import Foundation
import Testing
@testable import SocketServer

/// SIGHUP on the built `guanlan serve`: a good reload is counted, a bad file is
/// refused and the old engine keeps serving the same connection.
@Suite(.serialized) struct ReloadTests {
    @Test(.enabled(if: builtExecutable != nil, "needs the built guanlan executable"), .timeLimit(.minutes(2)))
    func hangupReloadsAndABadFileKeepsTheOldEngine() async throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let home = directory + "/home"
        let fm = FileManager.default
        try fm.createDirectory(atPath: home, withIntermediateDirectories: true)
        for folder in ["intents", "data"] {
            try fm.copyItem(atPath: SchemaTests.projectRoot.appendingPathComponent(folder).path, toPath: home + "/" + folder)
        }
        let executable = try #require(builtExecutable)
        let result = try await blocking { () -> (String?, Int?, String?, Int?) in
            let server = try ServerProcess(executable: executable, database: directory + "/g.db",
                                           socket: directory + "/s.sock", home: home)
            defer { _ = server.stop() }
            let client = try LineClient(path: directory + "/s.sock")
            func reloads() throws -> Int? {
                if case .int(let n)? = try JSONReply(client.sendJSON(#"{"id":0,"cmd":"stats"}"#)).data?["reloads"] { return n }
                return nil
            }
            func waitForReloads(_ expected: Int) throws -> Int? {
                for _ in 0..<100 {
                    if try reloads() == expected { return expected }
                    Thread.sleep(forTimeInterval: 0.05)
                }
                return try reloads()
            }
            let intent = home + "/intents/help.yaml"
            let good = try String(contentsOfFile: intent, encoding: .utf8)
            try "intent: [unclosed\n  - : :\n".write(toFile: intent, atomically: true, encoding: .utf8)
            server.signal(SIGHUP)
            Thread.sleep(forTimeInterval: 1)
            let afterBad = try reloads()
            let stillServing = try JSONReply(client.sendJSON(#"{"id":1,"text":"帮助"}"#)).intent
            try good.write(toFile: intent, atomically: true, encoding: .utf8)
            server.signal(SIGHUP)
            let afterGood = try waitForReloads(1)
            let served = try JSONReply(client.sendJSON(#"{"id":2,"text":"查询网格 香榭郦景3栋"}"#)).intent
            return (stillServing, afterBad, served, afterGood)
        }
        #expect(result.1 == 0, "a bad file is not a reload")
        #expect(result.0 == "help", "the old engine still serves")
        #expect(result.3 == 1)
        #expect(result.2 == "grid.lookup", "the same connection is served after the reload")
    }
}
