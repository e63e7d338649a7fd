#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A blocking client for the bot's socket, for tests and the transcript
/// runner's socket mode. One request at a time, or pipelined with `send` and
/// the `read…` methods. Not thread-safe: use one client from one thread.
///
/// ```swift
/// let client = try LineClient(path: "/run/guanlan.sock")
/// let text = try client.sendText("查询网格 香榭郦景3栋")   // reply lines, framing removed
/// let json = try client.sendJSON(#"{"id":"r1","text":"帮助"}"#)
/// client.close()
/// ```
public final class LineClient {
    private var fd: Int32
    private var buffer: [UInt8] = []
    private var start = 0

    /// Connects to the socket at `path`.
    /// - Parameter timeout: seconds a read may wait before `LineClientError.timedOut`.
    public init(path: String, timeout: Double = 30) throws {
        fd = try Platform.connectedSocket(path: path)
        var limit = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - timeout.rounded(.down)) * 1_000_000))
        _ = setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        _ = setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close() }

    /// Sends a text command and returns its reply without the closing empty line.
    public func sendText(_ line: String) throws -> String {
        try send(line)
        return try readTextReply()
    }

    /// Sends a JSON request line and returns the one JSON line that answers it.
    public func sendJSON(_ line: String) throws -> String {
        try send(line)
        return try readLine()
    }

    /// Sends one line (a newline is added).
    public func send(_ line: String) throws {
        try write(Array(line.utf8) + [UInt8(ascii: "\n")])
    }

    /// Sends raw bytes as they are (for malformed input and pipelining).
    public func write(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { raw in
                Glibc.send(fd, raw.baseAddress, raw.count, Int32(MSG_NOSIGNAL))
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw LineClientError.system(call: "send", errno: errno)
            }
            offset += count
        }
    }

    /// Reads one line, without its newline.
    public func readLine() throws -> String {
        while true {
            if let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffer[start..<newline], as: UTF8.self)
                start = newline + 1
                return line
            }
            try fill()
        }
    }

    /// Reads a text reply: lines up to the empty line that ends it, joined by `\n`.
    public func readTextReply() throws -> String {
        var lines: [String] = []
        while true {
            let line = try readLine()
            if line.isEmpty { return lines.joined(separator: "\n") }
            lines.append(line)
        }
    }

    /// Half-closes: tells the server no more requests follow; replies can still be read.
    public func finishSending() {
        _ = shutdown(fd, Int32(SHUT_WR))
    }

    public func close() {
        if fd >= 0 {
            _ = Glibc.close(fd)
            fd = -1
        }
    }

    private func fill() throws {
        if start > 0 {
            buffer.removeSubrange(0..<start)
            start = 0
        }
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                buffer.append(contentsOf: chunk[0..<count])
                return
            }
            if count == 0 { throw LineClientError.closedByServer }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: throw LineClientError.timedOut
            default: throw LineClientError.system(call: "recv", errno: errno)
            }
        }
    }
}

public enum LineClientError: Error, Equatable {
    case closedByServer
    case timedOut
    case system(call: String, errno: Int32)
}
