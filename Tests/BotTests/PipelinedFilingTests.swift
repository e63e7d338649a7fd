import Bot
import Domain
import Foundation
import SocketServer
import SQLiteStorage
import Testing
import Transcripts

/// A filing is answered from the group committer's completion (`PreparedReply.deferred`), not in
/// request order by construction: the connection must still answer pipelined lines in order.
@Suite struct PipelinedFilingTests {
    @Test func aSlowWriteInTheMiddleKeepsReplyOrder() async throws {
        let db = try SQLiteDatabase(path: ":memory:")
        let engine = try BotEnvironment.makeEngine(db: db, root: TranscriptDiscovery.packageRoot()!,
                                                   clock: Clock.frozen(iso: "2026-11-29T09:00:00+08:00")!)
        let replies = try await OffPool.run { () -> [String] in
            let server = try TestServer.start(engine)
            defer { server.stop() }
            // The committer is held for 300 ms, so the filing's reply comes long after the
            // lookups after it could have been answered.
            let held = DispatchSemaphore(value: 0)
            let released = DispatchSemaphore(value: 0)
            db.write({ _ in held.signal(); usleep(300_000) }) { _ in released.signal() }
            held.wait()
            let client = try LineClient(path: server.path)
            defer { client.close() }
            let lines = [#"{"id":1,"text":"查询网格 香榭郦景3栋"}"#,
                         #"{"id":2,"text":"报事 香榭郦景3栋电梯坏了 电话13800138000"}"#,
                         #"{"id":3,"text":"查询网格 香榭郦景5栋"}"#,
                         #"{"id":4,"text":"帮助"}"#]
            try client.write(Array(lines.map { $0 + "\n" }.joined().utf8))
            let replies = try lines.map { _ in try client.readLine() }
            released.wait()
            return replies
        }
        let objects = replies.map { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] ?? [:]
        }
        #expect(objects.map { $0["id"] as? Int } == [1, 2, 3, 4])
        #expect(objects.map { $0["intent"] as? String } == ["grid.lookup", "grievance.file", "grid.lookup", "help"])
        let ticket = (objects[1]["data"] as? [String: Any])?["ticket"] as? [String: Any]
        #expect((ticket?["id"] as? String)?.hasPrefix("GL20261129-") == true)
    }
}
