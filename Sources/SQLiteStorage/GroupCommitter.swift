import Foundation
import GRDB

/// Group commit: concurrent writes share one SQLite transaction, so one fsync
/// makes a whole batch durable.
///
/// The first writer to arrive while no batch is being written becomes the
/// leader: it takes every write waiting at that moment (up to `maximumBatch`),
/// runs each in its own SAVEPOINT inside one `BEGIN IMMEDIATE … COMMIT`, and
/// hands each caller its own outcome. A write that throws is rolled back to its
/// savepoint alone; the others in the batch still commit. Every caller returns
/// only after the COMMIT (and, with `synchronous = FULL`, its fsync) is done.
/// Writes that arrive meanwhile wait and form the next batch.
///
/// Each waiting caller sleeps on its own semaphore and is woken once: when its
/// outcome is known, or to lead the next batch (the oldest waiting write leads).
/// One shared condition broadcast after each batch woke every waiter, done or
/// not, and they queued again on its mutex: with 64 writers on one pinned core
/// that herd was a good part of a ticket's CPU (docs/PERFORMANCE.md).
///
/// `@unchecked Sendable`: `pending`, `leaderActive` and each job's `outcome` and
/// `leads` are read and written only while `lock` is held (a job's fields are
/// set before its semaphore is signalled, and read after its wait returns).
final class GroupCommitter: @unchecked Sendable {
    /// One caller's write and, once its batch is done, what became of it.
    final class Job {
        /// Dropped once the batch has run: `SQLiteDatabase.write` passes a non-escaping
        /// closure through `withoutActuallyEscaping`, which traps if it outlives the call,
        /// and the caller may return while the leader still holds the batch.
        var body: ((Database) throws -> Void)?
        var outcome: Result<Void, any Error>?
        /// Woken to lead the next batch (its own write is in it).
        var leads = false
        let wake = DispatchSemaphore(value: 0)
        init(_ body: @escaping (Database) throws -> Void) { self.body = body }
    }

    private let writer: any DatabaseWriter
    private let maximumBatch: Int
    private let lock = NSLock()
    private var pending: [Job] = []
    private var leaderActive = false
    /// Batches committed and writes in them, for the benchmark's batch size.
    private var batches = 0
    private var writes = 0

    init(writer: any DatabaseWriter, maximumBatch: Int = 256) {
        self.writer = writer
        self.maximumBatch = max(1, maximumBatch)
    }

    /// Batches run so far and the writes they held.
    var statistics: (batches: Int, writes: Int) { lock.withLock { (batches, writes) } }

    /// Runs `body` in the next batch; returns once that batch is durable.
    /// - Throws: what `body` threw (nothing of it is kept), or the batch's commit error.
    func submit(_ body: @escaping (Database) throws -> Void) throws {
        let job = Job(body)
        let leadsNow = lock.withLock {
            pending.append(job)
            if leaderActive { return false }
            leaderActive = true
            return true
        }
        if !leadsNow {
            job.wake.wait()
            if !job.leads { return try job.outcome!.get() }
        }
        lead()
        try job.outcome!.get()
    }

    /// Runs the waiting writes as one batch, hands out outcomes, and passes the
    /// lead to the oldest write still waiting (or leaves it free).
    private func lead() {
        let batch = lock.withLock {
            let batch = Array(pending.prefix(maximumBatch))
            pending.removeFirst(batch.count)
            return batch
        }
        let outcomes = execute(batch)
        let next: Job? = lock.withLock {
            for (job, outcome) in zip(batch, outcomes) {
                job.outcome = outcome
                job.body = nil
            }
            batches += 1
            writes += batch.count
            guard let next = pending.first else {
                leaderActive = false
                return nil
            }
            next.leads = true
            return next
        }
        // The leader's own job is in the batch; waking it is harmless (it does not wait on it).
        for job in batch { job.wake.signal() }
        next?.wake.signal()
    }

    /// Runs a batch in one transaction; one outcome per job, in order.
    private func execute(_ batch: [Job]) -> [Result<Void, any Error>] {
        var outcomes = [Result<Void, any Error>](repeating: .success(()), count: batch.count)
        do {
            try writer.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    for (index, job) in batch.enumerated() {
                        do {
                            try db.inSavepoint {
                                try job.body?(db)
                                return .commit
                            }
                        } catch {
                            outcomes[index] = .failure(error)
                            // An error that ended the whole transaction (disk full, I/O)
                            // fails the batch: nothing after it may run outside it.
                            guard db.isInsideTransaction else { throw BatchAborted(cause: error) }
                        }
                    }
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

    private struct BatchAborted: Error {
        var cause: any Error
    }
}
