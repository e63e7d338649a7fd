import Foundation
import Domain
import GRDB

/// Group commit: concurrent writes share one SQLite transaction, so one fsync
/// makes a whole batch durable.
///
/// Writes are handed to one committer (a serial dispatch queue, running only
/// while there is work): it takes every write waiting (up to `maximumBatch`),
/// runs them inside one `BEGIN IMMEDIATE … COMMIT`, and then hands each write
/// its own outcome through its completion. Writes that arrive meanwhile form
/// the next batch. Nobody waits on a thread for the fsync unless it asks to
/// (`submit(_:)` blocks; `submit(_:completion:)` returns at once), so a socket
/// server files with its event loop and this one queue, instead of a request
/// thread parked per write (64 of them on one core thrashed: docs/PERFORMANCE.md).
///
/// A write that throws is rolled back alone; the others in its batch still
/// commit. A batch runs without savepoints while every write succeeds; when one
/// throws, a batch of several is rolled back and run again with a savepoint per
/// write (`execute`). A completion is called only after the COMMIT
/// (with `synchronous = FULL`, its fsync) of the transaction holding the write.
///
/// Completions run on the committer queue, in batch order: they must be quick
/// and must not wait on a write themselves (that would wait on the queue they
/// run on; `submit(_:)` checks).
///
/// `@unchecked Sendable`: `pending`, `draining` and the counters are read and
/// written only while `lock` is held; batches run on `queue` only.
final class GroupCommitter: @unchecked Sendable {
    typealias Body = (Database) throws -> Void
    typealias Completion = (Result<Void, any Error>) -> Void

    private struct Job {
        var body: Body
        var completion: Completion
    }

    private let writer: any DatabaseWriter
    private let maximumBatch: Int
    private let queue = DispatchQueue(label: "guanlan.group-commit")
    private let lock = NSLock()
    private var pending: [Job] = []
    /// A drain is queued or running: later writes join its next batch.
    private var draining = false
    /// The ids of the transaction running now (`IdentifierBatch`): set and read only inside
    /// `execute`'s transaction, by it and the bodies it runs (one batch at a time, the drain
    /// waiting on GRDB's writer meanwhile). One per transaction attempt, flushed before COMMIT.
    private(set) var identifiers: IdentifierBatch?
    /// Batches committed and writes in them, for the benchmark's batch size.
    private var batches = 0
    private var writes = 0

    init(writer: any DatabaseWriter, maximumBatch: Int = 256) {
        self.writer = writer
        self.maximumBatch = max(1, maximumBatch)
    }

    /// Batches run so far and the writes they held.
    var statistics: (batches: Int, writes: Int) { lock.withLock { (batches, writes) } }

    /// Runs `body` in the next batch; `completion` gets its outcome once that
    /// batch is durable (or what `body` threw, nothing of it kept; or the
    /// batch's commit error). Returns at once.
    func submit(_ body: @escaping Body, completion: @escaping Completion) {
        let starts = lock.withLock {
            pending.append(Job(body: body, completion: completion))
            if draining { return false }
            draining = true
            return true
        }
        if starts { queue.async { self.drain() } }
    }

    /// Runs `body` in the next batch; returns once that batch is durable.
    /// - Throws: what `body` threw (nothing of it is kept), or the batch's commit error.
    func submit(_ body: @escaping Body) throws {
        dispatchPrecondition(condition: .notOnQueue(queue))
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var outcome: Result<Void, any Error>?
        submit(body) { result in
            outcome = result
            done.signal()
        }
        done.wait()
        try outcome!.get()
    }

    /// Returns once every write submitted before the call has completed
    /// (graceful shutdown: nothing in flight is cut off by the exit).
    func waitUntilIdle() {
        dispatchPrecondition(condition: .notOnQueue(queue))
        queue.sync {}
    }

    /// Runs batches until nothing waits.
    private func drain() {
        while true {
            var bodies: [Body] = []
            var completions: [Completion] = []
            lock.withLock {
                for job in pending.prefix(maximumBatch) {
                    bodies.append(job.body)
                    completions.append(job.completion)
                }
                pending.removeFirst(bodies.count)
                if bodies.isEmpty { draining = false }
            }
            if bodies.isEmpty { return }
            let outcomes = execute(bodies)
            // The bodies are dropped before any completion runs: `SQLiteDatabase.write`
            // passes a non-escaping closure through `withoutActuallyEscaping`, which traps
            // if it outlives the call, and its caller returns as soon as it is completed.
            bodies.removeAll()
            lock.withLock {
                batches += 1
                writes += completions.count
            }
            // One `CompletionBatch`: what the completions hand to other threads may go over
            // once for the whole batch (the socket server's reply mailbox wakes its loop once).
            CompletionBatch.run {
                for (completion, outcome) in zip(completions, outcomes) { completion(outcome) }
            }
        }
    }

    /// Runs a batch in one transaction; one outcome per write, in order.
    ///
    /// A batch of several writes runs first without savepoints (two statements less per
    /// write); only when one of them throws is that transaction rolled back and the batch
    /// run again with a savepoint per write, so that the failure is its writer's alone.
    /// A body may therefore run twice (`SQLDatabase.write` allows it: bodies touch nothing
    /// but the database).
    private func execute(_ bodies: [Body]) -> [Result<Void, any Error>] {
        if bodies.count > 1 {
            do {
                try writer.writeWithoutTransaction { db in
                    try db.inTransaction(.immediate) {
                        let batch = startIdentifiers()
                        defer { identifiers = nil }
                        for body in bodies {
                            do { try body(db) } catch { throw RunWithSavepoints() }
                        }
                        try batch.flush(GRDBConnection(db: db))
                        return .commit
                    }
                }
                return Array(repeating: .success(()), count: bodies.count)
            } catch is RunWithSavepoints {
                // Rolled back: run again below, each write in its own savepoint.
            } catch {
                return Array(repeating: .failure(error), count: bodies.count)
            }
        }
        return executeWithSavepoints(bodies)
    }

    private func executeWithSavepoints(_ bodies: [Body]) -> [Result<Void, any Error>] {
        var outcomes = [Result<Void, any Error>](repeating: .success(()), count: bodies.count)
        do {
            try writer.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    let batch = startIdentifiers()
                    defer { identifiers = nil }
                    if bodies.count == 1 {
                        // Alone in its transaction: a failure rolls back nothing else.
                        do { try bodies[0](db) } catch {
                            outcomes[0] = .failure(error)
                            throw BatchAborted(cause: error)
                        }
                        try batch.flush(GRDBConnection(db: db))
                        return .commit
                    }
                    for (index, body) in bodies.enumerated() {
                        let mark = batch.mark()
                        do {
                            try db.inSavepoint {
                                try body(db)
                                return .commit
                            }
                        } catch {
                            batch.rollBack(to: mark)
                            outcomes[index] = .failure(error)
                            // An error that ended the whole transaction (disk full, I/O)
                            // fails the batch: nothing after it may run outside it.
                            guard db.isInsideTransaction else { throw BatchAborted(cause: error) }
                        }
                    }
                    // Outside every savepoint: the last id of the writes kept.
                    try batch.flush(GRDBConnection(db: db))
                    return .commit
                }
            }
        } catch {
            let cause = (error as? BatchAborted)?.cause ?? error
            for index in outcomes.indices {
                if case .success = outcomes[index] { outcomes[index] = .failure(cause) }
            }
        }
        return outcomes
    }

    /// A fresh batch of ids for the transaction starting (a retried batch starts from the rows again).
    private func startIdentifiers() -> IdentifierBatch {
        let batch = IdentifierBatch()
        identifiers = batch
        return batch
    }

    private struct RunWithSavepoints: Error {}

    private struct BatchAborted: Error {
        var cause: any Error
    }
}
