import Bot
import Foundation
import Logging
@testable import SocketServer

/// A stand-in engine with just enough behaviour to observe the server:
/// `echo X`, `multi` (three lines), `sleep MS`, `count` (per session), `who`.
final class FakeHandler: LineHandler, @unchecked Sendable {  // counters guarded by `lock`
    private let lock = NSLock()
    private var counters: [String: Int] = [:]
    private var _handled = 0
    private var _busy = 0
    private var _maximumBusy = 0

    var handled: Int { lock.withLock { _handled } }
    /// The most `handle` calls that ran at the same time.
    var maximumBusy: Int { lock.withLock { _maximumBusy } }

    func handle(_ line: String, session: Session) -> Reply {
        // Like the real engine: the engine, not the front end, refuses bad text.
        if case .failure(let rejected) = LineInput.check(line) { return rejected.reply }
        if line.allSatisfy({ $0 == " " }) { return .failure(nil, code: "empty_line", message: "请输入指令。") }
        lock.withLock {
            _handled += 1
            _busy += 1
            _maximumBusy = max(_maximumBusy, _busy)
        }
        defer { lock.withLock { _busy -= 1 } }
        if line.hasPrefix("echo ") {
            return .done("test.echo", "回声：" + line.dropFirst(5))
        }
        if line.hasPrefix("sleep ") {
            let milliseconds = Int(line.dropFirst(6)) ?? 0
            Thread.sleep(forTimeInterval: Double(milliseconds) / 1000)
            return .done("test.sleep", "睡了 \(milliseconds) 毫秒")
        }
        switch line {
        case "multi":
            return .done("test.multi", "第一行\n第二行\n第三行")
        case "count":
            let value = lock.withLock {
                counters[session.id, default: 0] += 1
                return counters[session.id]!
            }
            return .done("test.count", "计数 \(value)", data: ["count": .int(value)])
        case "rights":
            return .done("test.rights", session.mayOperate ? "可操作" : "不可操作")
        case "who":
            return .done("test.who", "会话 \(session.id) 操作员 \(session.operatorName ?? "无")")
        default:
            return .failure(nil, code: "unknown", message: "不明白：\(line)")
        }
    }
}

/// A short temporary directory (a socket path must fit in 108 bytes).
func makeTemporaryDirectory() throws -> String {
    var template = Array("/tmp/gl-sock-XXXXXX".utf8CString)
    guard let result = mkdtemp(&template) else { throw CocoaError(.fileWriteUnknown) }
    return String(cString: result)
}

let quietLogger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

/// Starts a real server on a fresh socket, runs `body`, then shuts it down.
func withServer<T>(
    handler: any LineHandler = FakeHandler(),
    sessions: SessionRegistry = SessionRegistry(),
    limits: ServerLimits = ServerLimits(),
    access: AccessPolicy = AccessPolicy(),
    _ body: (UnixSocketServer, String) async throws -> T
) async throws -> T {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = directory + "/bot.sock"
    let server = UnixSocketServer(path: path, handler: handler, sessions: sessions, logger: quietLogger,
                                  shutdownGracePeriod: .seconds(2), limits: limits, access: access)
    try await server.start()
    do {
        let result = try await body(server, path)
        await server.shutdown()
        return result
    } catch {
        await server.shutdown()
        throw error
    }
}

/// Leaves a socket file at `path` with nobody listening, as a crashed server would.
func makeStaleSocketFile(at path: String) throws {
    let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
    var address = sockaddr_un()
    address.sun_family = sa_family_t(AF_UNIX)
    let bytes = Array(path.utf8)
    withUnsafeMutableBytes(of: &address.sun_path) { raw in
        raw.copyBytes(from: bytes)
        raw[bytes.count] = 0
    }
    let result = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
        }
    }
    close(fd)
    guard result == 0 else { throw CocoaError(.fileWriteUnknown) }
}

/// Runs blocking client code on a thread of its own.
///
/// The server's connection tasks run on Swift's cooperative pool (two threads
/// here): a test that blocked that pool in `recv` would starve the very server
/// it waits for. Checks (`#expect`) stay in the async test, on returned values.
func blocking<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread { continuation.resume(with: Result { try body() }) }
        thread.start()
    }
}

/// A JSON reply line's fields, decoded off the wire into Sendable values.
struct JSONReply: Sendable, Equatable {
    var id: JSONValue?
    var ok: Bool?
    var state: String?
    var intent: String?
    var text: String?
    var data: JSONValue?
    var errorCode: String?
    var errorMessage: String?

    init(_ line: String) throws {
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(line.utf8))
        id = value["id"]
        if case .bool(let b)? = value["ok"] { ok = b }
        state = value["state"]?.stringValue
        intent = value["intent"]?.stringValue
        text = value["text"]?.stringValue
        data = value["data"]
        errorCode = value["error"]?["code"]?.stringValue
        errorMessage = value["error"]?["message"]?.stringValue
    }
}
