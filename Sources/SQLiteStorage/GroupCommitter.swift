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
/// `@unchecked Sendable`: `pending`, `leaderActive` and each job's `outcome`
/// are read and written only while `condition` is locked.
final class GroupCommitter: @unchecked Sendable {
    /// One caller's write and, once its batch is done, what became of it.
    final class Job {
        let body: (Database) throws -> Void
        var outcome: Result<Void, any Error>?
        init(_ body: @escaping (Database) throws -> Void) { self.body = body }
    }

    private let writer: any DatabaseWriter
    private let maximumBatch: Int
    private let condition = NSCondition()
    private var pending: [Job] = []
    private var leaderActive = false

    init(writer: any DatabaseWriter, maximumBatch: Int = 256) {
        self.writer = writer
        self.maximumBatch = max(1, maximumBatch)
    }

    /// Runs `body` in the next batch; returns once that batch is durable.
    /// - Throws: what `body` threw (nothing of it is kept), or the batch's commit error.
    func submit(_ body: @escaping (Database) throws -> Void) throws {
        let job = Job(body)
        condition.lock()
        pending.append(job)
        while job.outcome == nil {
            if leaderActive {
                condition.wait()
                continue
            }
            leaderActive = true
            let batch = Array(pending.prefix(maximumBatch))
            pending.removeFirst(batch.count)
            condition.unlock()
            let outcomes = execute(batch)
            condition.lock()
            for (job, outcome) in zip(batch, outcomes) { job.outcome = outcome }
            leaderActive = false
            condition.broadcast()
        }
        let outcome = job.outcome!
        condition.unlock()
        try outcome.get()
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
                                try job.body(db)
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
