import Dispatch

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension UnixSocketServer {
    /// Serves until SIGINT or SIGTERM arrives, then shuts down gracefully and returns.
    ///
    /// The signals are routed through `DispatchSource` (their default action is
    /// turned off while serving and restored afterwards), so the process is not
    /// killed in the middle of a database write.
    public func runUntilSignalled(_ signals: [Int32] = [SIGINT, SIGTERM]) async throws {
        let sources = signals.map { number -> any DispatchSourceSignal in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [logger] in
                logger.notice("收到信号，正在关闭", metadata: ["signal": "\(number)"])
                Task { await self.shutdown() }
            }
            source.resume()
            return source
        }
        defer {
            for source in sources { source.cancel() }
            for number in signals { signal(number, SIG_DFL) }
        }
        try await start()
        await waitUntilClosed()
    }
}
