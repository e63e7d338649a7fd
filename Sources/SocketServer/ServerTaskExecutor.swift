import Dispatch

/// Runs the server's tasks (accept loop, one task per connection) on a thread
/// of their own instead of Swift's cooperative pool.
///
/// The pool has as many threads as cores (two here). A process that also
/// blocks some of them — a test or a transcript runner talking to the server
/// through a blocking `LineClient`, say — would otherwise starve the server it
/// waits for. The work done here is light (the blocking `handle` calls run on
/// the `NIOThreadPool`), so one serial queue is enough.
///
/// `@unchecked Sendable`: its only state is a `DispatchQueue`, which is thread-safe.
@available(macOS 15, *)
final class ServerTaskExecutor: TaskExecutor, @unchecked Sendable {
    private let queue: DispatchQueue

    init(label: String) {
        queue = DispatchQueue(label: label)
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async {
            job.runSynchronously(on: self.asUnownedTaskExecutor())
        }
    }
}
