import ArgumentParser
import Bot
import Dispatch
import Foundation
import Logging
import SocketServer
import SQLiteStorage

/// `guanlan serve --socket PATH`: the Unix-socket server (docs/PROTOCOL.md).
/// SIGTERM/SIGINT stop accepting, finish requests in flight, remove the socket and exit 0;
/// SIGHUP reloads `intents/` and the data files (a bad file is refused, the old engine kept).
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Serve the line protocol on a Unix-domain socket.")

    @OptionGroup var data: DataOptions
    @Option(help: "Socket file path.") var socket: String
    @Option(help: "Socket file mode (octal).") var mode: String = "660"
    @Option(help: "Threads that run requests (writes waiting for a group commit hold one each).") var threads: Int = 16
    @Option(help: "Open connections at most; the next one is refused.") var maxConnections: Int = 1024
    @Option(help: "Close a connection after this many seconds without input (0: never).") var idleTimeout: Int = 300
    @Option(help: "Requests read ahead of their replies per connection.") var maxPipelined: Int = 64
    @Option(help: "Allow only these peer uids (comma-separated; with --allow-gid: either).") var allowUid: String?
    @Option(help: "Allow only peers in these groups, primary or supplementary (comma-separated gids).") var allowGid: String?
    @Option(help: "Only peers in these groups (primary or supplementary) may run operator commands (受理 派单 办结 …).") var operatorGid: String?
    @Option(help: "Texts whose understanding is kept for reuse (0: none; docs/PERFORMANCE.md).")
    var understandingCache: Int = UnderstandingCache.defaultCapacity
    @Option(help: "Log level: trace, debug (one line per request, with its id), info, notice, warning, error.") var logLevel: String = "info"

    func run() async throws {
        EventLoopSizing.matchAffinity()
        try await reportingErrors {
            guard let socketMode = mode_t(mode, radix: 8) else { throw CLIError("--mode 应为八进制权限，例如 660") }
            let access = AccessPolicy(uids: try Self.ids(allowUid, option: "--allow-uid"),
                                      gids: try Self.ids(allowGid, option: "--allow-gid"),
                                      operatorGIDs: try Self.ids(operatorGid, option: "--operator-gid"))
            let db = try data.openDatabase()
            let handler = ReloadableHandler(try data.makeEngine(db: db, understandingCacheSize: understandingCache))
            var logger = Logger(label: "guanlan.serve")
            guard let level = Logger.Level(rawValue: logLevel) else {
                throw CLIError("--log-level 应为 trace、debug、info、notice、warning、error 或 critical")
            }
            logger.logLevel = level
            let limits = ServerLimits(maximumConnections: maxConnections,
                                      idleTimeout: idleTimeout > 0 ? .seconds(idleTimeout) : nil,
                                      maximumPipelinedRequests: maxPipelined)
            // Under systemd socket activation the .socket unit made the socket: adopt it.
            let inherited = try SocketActivation.listeningDescriptor()
            let server = UnixSocketServer(path: socket, handler: handler, sessions: SessionRegistry(), logger: logger,
                                          socketMode: socketMode, handlerThreads: threads, limits: limits, access: access,
                                          listeningDescriptor: inherited)
            let reload = Self.reloadOnHangup(logger: logger, stats: server.stats) {
                handler.replace(with: try data.makeEngine(db: db, understandingCacheSize: understandingCache))
            }
            defer { reload.cancel() }
            do {
                try await server.runUntilSignalled()
            } catch {
                throw CLIError("无法在 \(socket) 上监听：\(error)")
            }
            if let sqlite = db as? SQLiteDatabase {
                // A filing whose connection was closed at the end of the grace period may
                // still be in its batch: it commits before the process exits.
                sqlite.finishWrites()
                let (batches, writes) = sqlite.groupCommits
                logger.notice("组提交统计", metadata: ["batches": "\(batches)", "writes": "\(writes)"])
            }
        }
    }

    /// Runs `reload` on every SIGHUP; a failure is logged and the old engine kept.
    static func reloadOnHangup(logger: Logger, stats: ServerStats,
                               _ reload: @escaping @Sendable () throws -> Void) -> any DispatchSourceSignal {
        signal(SIGHUP, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGHUP, queue: .global())
        source.setEventHandler {
            do {
                try reload()
                stats.reloaded()
                logger.notice("SIGHUP：已重新加载意图和数据文件")
            } catch {
                logger.error("SIGHUP：重新加载失败，继续使用原有配置", metadata: ["error": "\(error)"])
            }
        }
        source.resume()
        return source
    }

    static func ids(_ list: String?, option: String) throws -> Set<UInt32> {
        guard let list, !list.isEmpty else { return [] }
        var ids: Set<UInt32> = []
        for part in list.split(separator: ",") {
            guard let id = UInt32(part.trimmingCharacters(in: .whitespaces)) else {
                throw CLIError("\(option) 应为逗号分隔的数字，例如 1000,1001")
            }
            ids.insert(id)
        }
        return ids
    }
}
