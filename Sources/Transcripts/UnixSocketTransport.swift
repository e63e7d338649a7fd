import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A client connection to `guanlan serve --socket PATH` (CONTRACT §3): a text
/// line is answered by reply lines ended by an empty line; a JSON line by one
/// JSON line. Blocking, one request at a time. The test suite uses it for the
/// socket half of every transcript:
///
/// ```swift
/// .socket(connect: { settings, handler in
///     let path = try server(for: handler, generation: settings.generation) // start/reuse one
///     return try UnixSocketTransport(path: path)
/// })
/// ```
public final class UnixSocketTransport: TranscriptTransport {
    public struct SocketError: Error, CustomStringConvertible {
        public var description: String
    }

    private var fd: Int32
    private var buffer: [UInt8] = []

    /// Connects to the socket at `path`; reads time out after `timeout` seconds.
    public init(path: String, timeout: TimeInterval = 10) throws {
        #if canImport(Glibc)
        fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        #else
        fd = socket(AF_UNIX, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw SocketError(description: "socket(): \(String(cString: strerror(errno)))") }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard bytes.count < capacity else {
            Glibc_close(fd)
            throw SocketError(description: "socket path too long (\(bytes.count) bytes, at most \(capacity - 1)): \(path)")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        var tv = timeval()
        tv.tv_sec = .init(timeout)
        tv.tv_usec = .init((timeout - timeout.rounded(.down)) * 1_000_000)
        _ = setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard result == 0 else {
            let message = String(cString: strerror(errno))
            Glibc_close(fd)
            throw SocketError(description: "connect(\(path)): \(message)")
        }
    }

    deinit { close() }

    public func send(text: String) throws -> String {
        try write(text)
        var lines: [String] = []
        while true {
            let line = try readLine()
            if line.isEmpty { return lines.joined(separator: "\n") }
            lines.append(line)
        }
    }

    public func send(json: String) throws -> String {
        try write(json)
        return try readLine()
    }

    public func close() {
        if fd >= 0 { Glibc_close(fd); fd = -1 }
    }

    private func write(_ line: String) throws {
        guard fd >= 0 else { throw SocketError(description: "connection closed") }
        var bytes = Array(line.utf8)
        bytes.append(UInt8(ascii: "\n"))
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { raw in
                #if canImport(Glibc)
                Glibc.send(fd, raw.baseAddress, raw.count, Int32(MSG_NOSIGNAL))
                #else
                Darwin.send(fd, raw.baseAddress, raw.count, 0)
                #endif
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw SocketError(description: "send: \(String(cString: strerror(errno)))")
            }
            sent += n
        }
    }

    /// One line without its `\n` (and a `\r` before it).
    private func readLine() throws -> String {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                var line = Array(buffer[..<newline])
                buffer.removeSubrange(...newline)
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                return String(decoding: line, as: UTF8.self)
            }
            guard fd >= 0 else { throw SocketError(description: "connection closed") }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN || errno == EWOULDBLOCK { throw SocketError(description: "timed out waiting for a reply") }
                throw SocketError(description: "recv: \(String(cString: strerror(errno)))")
            }
            if n == 0 { throw SocketError(description: "the server closed the connection before replying") }
            buffer += chunk[..<n]
        }
    }
}

#if canImport(Glibc)
private func Glibc_close(_ fd: Int32) { _ = Glibc.close(fd) }
#else
private func Glibc_close(_ fd: Int32) { _ = Darwin.close(fd) }
#endif
