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

    /// A filing is deferred where the database completes writes later (SQLite's group committer:
    /// the socket server starts it on its event loop), left for a request thread where it does not,
    /// and `handle` is `prepare` then `run` either way.
    @Test func writesAreDeferredOrLeftForARequestThread() throws {
        let clock = Clock.frozen(iso: "2026-11-29T09:00:00+08:00")!
        let filing = "报事 香榭郦景3栋电梯坏了 电话13800138000"
        let engine = try TestEngine.make(clock: clock)
        let deferred = engine.prepare(filing, session: Session(id: "w"))
        guard case .deferred = deferred else {
            Issue.record("a filing on SQLite was not deferred")
            return
        }
        #expect(deferred.run().data["ticket"]?["id"] != nil)

        let db = WriteCountingDatabase(try SQLiteDatabase(path: ":memory:"))
        let blockingEngine = try BotEnvironment.makeEngine(db: db, root: TranscriptDiscovery.packageRoot()!, clock: clock)
        let writesBefore = db.writes
        let blocking = blockingEngine.prepare(filing, session: Session(id: "w"))
        guard case .blocking = blocking else {
            Issue.record("a filing on a database without completions was not left for a request thread")
            return
        }
        #expect(blocking.run().data["ticket"]?["id"] != nil)
        #expect(db.writes == writesBefore + 1)
    }

    /// Handlers started on the event loop (`IntentHandler.writesOnlyWithCompletion`) never wait on a
    /// write: every example, a repeat filing and its "并入" answer write only through completions.
    @Test func deferredHandlersWriteOnlyThroughCompletions() throws {
        let db = CompletionCountingDatabase(try SQLiteDatabase(path: ":memory:"))
        let engine = try BotEnvironment.makeEngine(db: db, root: TranscriptDiscovery.packageRoot()!,
                                                   clock: Clock.frozen(iso: "2026-11-29T09:00:00+08:00")!)
        let before = db.counts
        #expect(engine.intentsWritingOnlyWithCompletion == ["grievance.file"])
        for intent in engine.intentsWritingOnlyWithCompletion {
            let spec = try #require(engine.understander.catalog.spec(intent))
            for example in spec.examples {
                _ = engine.handle(example.text, session: Session(id: "t"))
            }
        }
        let session = Session(id: "repeat")
        _ = engine.handle("报事 香榭郦景3栋电梯坏了 电话13800138000", session: session)
        let again = engine.handle("报事 香榭郦景3栋电梯坏了 电话13900139000", session: session)
        #expect(again.state == .clarify)
        let attached = engine.handle("1", session: session)
        #expect(attached.data["attached"] == .bool(true))
        #expect(db.counts.blocking == before.blocking)
        #expect(db.counts.completion > before.completion + 1)
    }
}

/// A database that completes writes later, like SQLite, and counts blocking writes apart from
/// writes with a completion (the migrations and the sample data are written before any request).
///
/// `@unchecked Sendable`: the counts are read and written under `lock`.
final class CompletionCountingDatabase: SQLDatabase, @unchecked Sendable {
    let inner: any SQLDatabase
    private let lock = NSLock()
    private var blocking = 0
    private var completion = 0

    init(_ inner: any SQLDatabase) { self.inner = inner }

    var counts: (blocking: Int, completion: Int) { lock.withLock { (blocking, completion) } }
    var engineName: String { inner.engineName }
    var writesAsynchronously: Bool { true }

    func read<T>(_ body: (any SQLConnection) throws -> T) throws -> T { try inner.read(body) }

    func write<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        lock.withLock { blocking += 1 }
        return try inner.write(body)
    }

    func write<T>(_ body: @escaping @Sendable (any SQLConnection) throws -> T,
                  completion done: @escaping @Sendable (Result<T, any Error>) -> Void) {
        lock.withLock { completion += 1 }
        inner.write(body, completion: done)
    }
}
