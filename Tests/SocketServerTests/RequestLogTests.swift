import Bot
import Foundation
import Logging
import Testing
@testable import SocketServer

/// Every request is logged with its id (`connection-sequence`) and the connection's peer.
@Suite struct RequestLogTests {
    @Test func requestIsLoggedWithItsIDAndThePeer() throws {
        let records = LogRecords()
        var logger = Logger(label: "test") { _ in RecordingLogHandler(records: records) }
        logger.logLevel = .debug
        logger[metadataKey: "peer"] = "pid=9 uid=8 gid=7"
        let responder = RequestResponder(handler: FakeHandler(), sessions: SessionRegistry(), stats: ServerStats(),
                                         openConnections: { 1 })
        let reply = responder.respond(to: .line(Array("echo 一".utf8)), connectionSession: Session(id: "c"),
                                      request: RequestContext(connection: 3, sequence: 7, logger: logger))
        #expect(reply == "回声：一\n\n")
        let entry = try #require(records.all.first)
        #expect(entry["request"] == "3-7")
        #expect(entry["peer"] == "pid=9 uid=8 gid=7")
        #expect(entry["intent"] == "test.echo")
    }

    @Test func atInfoLevelNothingIsLoggedPerRequest() {
        let records = LogRecords()
        var logger = Logger(label: "test") { _ in RecordingLogHandler(records: records) }
        logger.logLevel = .info
        let responder = RequestResponder(handler: FakeHandler(), sessions: SessionRegistry(), stats: ServerStats(),
                                         openConnections: { 1 })
        _ = responder.respond(to: .line(Array("echo 一".utf8)), connectionSession: Session(id: "c"),
                              request: RequestContext(connection: 1, sequence: 1, logger: logger))
        #expect(records.all.isEmpty)
    }
}

/// Log entries' metadata, as strings. `@unchecked Sendable`: `entries` is guarded by `lock`.
final class LogRecords: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [[String: String]] = []
    func add(_ entry: [String: String]) { lock.withLock { entries.append(entry) } }
    var all: [[String: String]] { lock.withLock { entries } }
}

struct RecordingLogHandler: LogHandler {
    let records: LogRecords
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(level: Logger.Level, message: Logger.Message, metadata explicit: Logger.Metadata?,
             source: String, file: String, function: String, line: UInt) {
        let merged = metadata.merging(explicit ?? [:]) { $1 }
        records.add(merged.mapValues { "\($0)" })
    }
}
