import Bot
import Domain
import Foundation
import SQLiteStorage
import Testing
import Transcripts

/// A database that counts the writes asked of it.
///
/// `@unchecked Sendable`: `count` is read and written under `lock`.
final class WriteCountingDatabase: SQLDatabase, @unchecked Sendable {
    let inner: any SQLDatabase
    private let lock = NSLock()
    private var count = 0

    init(_ inner: any SQLDatabase) { self.inner = inner }

    var writes: Int { lock.withLock { count } }
    var engineName: String { inner.engineName }

    func read<T>(_ body: (any SQLConnection) throws -> T) throws -> T { try inner.read(body) }

    func write<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        lock.withLock { count += 1 }
        return try inner.write(body)
    }
}

/// The intents the engine answers in `prepare` (on a socket server's event
/// loop) must never write: a write waits for its group commit.
@Suite struct EngineReadOnlyTests {
    @Test(arguments: Engine.answeredWithoutWriting.sorted())
    func answeredIntentsNeverWrite(intent: String) throws {
        let db = WriteCountingDatabase(try SQLiteDatabase(path: ":memory:"))
        let engine = try BotEnvironment.makeEngine(db: db, root: TranscriptDiscovery.packageRoot()!,
                                                   clock: Clock.frozen(iso: "2026-11-29T09:00:00+08:00")!)
        // A ticket to look at, filed before counting.
        _ = engine.handle("报事 香榭郦景3栋电梯坏了 电话13800138000", session: Session(id: "setup"))
        let before = db.writes
        let spec = try #require(engine.understander.catalog.spec(intent))
        #expect(!spec.examples.isEmpty)
        for example in spec.examples {
            let session = Session(id: "t")
            guard case .ready(let reply) = engine.prepare(example.text, session: session) else {
                Issue.record("“\(example.text)” was not answered in prepare")
                continue
            }
            #expect(reply.intent == intent || reply.intent == nil, "“\(example.text)”: \(reply.intent ?? "-")")
        }
        #expect(db.writes == before)
    }

    /// A filing is left for a request thread, and `handle` is `prepare` then `run`.
    @Test func writesAreLeftForARequestThread() throws {
        let engine = try TestEngine.make(clock: Clock.frozen(iso: "2026-11-29T09:00:00+08:00")!)
        let prepared = engine.prepare("报事 香榭郦景3栋电梯坏了 电话13800138000", session: Session(id: "w"))
        guard case .blocking = prepared else {
            Issue.record("a filing was answered in prepare")
            return
        }
        #expect(prepared.run().data["ticket"]?["id"] != nil)
    }
}
