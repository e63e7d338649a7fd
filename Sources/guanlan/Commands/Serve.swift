import ArgumentParser
import Bot
import Foundation
import Logging
import SocketServer

/// `guanlan serve --socket PATH`: the Unix-socket server (docs/PROTOCOL.md).
/// SIGTERM/SIGINT stop accepting, finish requests in flight, remove the socket and exit 0.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Serve the line protocol on a Unix-domain socket.")

    @OptionGroup var data: DataOptions
    @Option(help: "Socket file path.") var socket: String
    @Option(help: "Socket file mode (octal).") var mode: String = "660"
    @Option(help: "Threads that run requests.") var threads: Int = 4

    func run() async throws {
        try await reportingErrors {
            guard let socketMode = mode_t(mode, radix: 8) else { throw CLIError("--mode 应为八进制权限，例如 660") }
            let engine = try data.makeEngine()
            var logger = Logger(label: "guanlan.serve")
            logger.logLevel = .info
            let server = UnixSocketServer(path: socket, handler: engine, sessions: SessionRegistry(), logger: logger,
                                          socketMode: socketMode, handlerThreads: threads)
            do {
                try await server.runUntilSignalled()
            } catch {
                throw CLIError("无法在 \(socket) 上监听：\(error)")
            }
        }
    }
}
