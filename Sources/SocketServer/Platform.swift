import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// All libc access of the socket module: Unix-socket files, connecting, errno.
enum Platform {
    /// What is at a socket path before the server binds it.
    enum PathStatus: Equatable {
        case absent
        /// A socket file with a live listener behind it.
        case listening
        /// A socket file nobody accepts on (left by a crashed server).
        case stale
        case notASocket
    }

    static func status(ofSocketPath path: String) throws(SocketServerError) -> PathStatus {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            if errno == ENOENT { return .absent }
            throw .system(call: "lstat", errno: errno)
        }
        guard (info.st_mode & S_IFMT) == S_IFSOCK else { return .notASocket }
        do {
            let fd = try connectedSocket(path: path)
            _ = close(fd)
            return .listening
        } catch .system(_, let code) where code == ECONNREFUSED || code == ENOENT {
            return .stale
        } catch {
            throw error
        }
    }

    /// A blocking stream socket connected to `path`.
    static func connectedSocket(path: String) throws(SocketServerError) -> Int32 {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        let bytes = Array(path.utf8)
        guard bytes.count < capacity else { throw .pathTooLong(path: path) }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        #if canImport(Glibc)
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        #else
        let fd = socket(AF_UNIX, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw .system(call: "socket", errno: errno) }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard result == 0 else {
            let code = errno
            _ = close(fd)
            throw .system(call: "connect", errno: code)
        }
        return fd
    }

    /// Device and inode of a file, to recognise our own socket at shutdown.
    static func identity(ofPath path: String) -> FileIdentity? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    struct FileIdentity: Equatable, Sendable {
        var device: UInt64
        var inode: UInt64
    }

    static func removeFile(_ path: String) throws(SocketServerError) {
        guard unlink(path) == 0 || errno == ENOENT else { throw .system(call: "unlink", errno: errno) }
    }

    static func setMode(_ mode: mode_t, path: String) throws(SocketServerError) {
        guard chmod(path, mode) == 0 else { throw .system(call: "chmod", errno: errno) }
    }

    /// The login name for a uid (thread-safe `getpwuid_r`), or nil.
    static func userName(uid: UInt32) -> String? {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var scratch = [CChar](repeating: 0, count: 1024)
        let status = getpwuid_r(uid_t(uid), &entry, &scratch, scratch.count, &result)
        guard status == 0, result != nil, let name = entry.pw_name else { return nil }
        return String(cString: name)
    }

    /// Every group of the user with `uid` (its primary `gid` and the supplementary
    /// groups from /etc/group or NSS, via `getgrouplist`); just `gid` when the uid
    /// has no login name.
    static func groups(uid: UInt32, gid: UInt32) -> Set<UInt32> {
        guard let name = userName(uid: uid) else { return [gid] }
        var count: Int32 = 32
        while true {
            var list = [gid_t](repeating: 0, count: Int(count))
            let before = count
            #if canImport(Darwin)
            let found = list.withUnsafeMutableBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: Int32.self, capacity: buffer.count) {
                    getgrouplist(name, Int32(bitPattern: gid), $0, &count)
                }
            }
            #else
            let found = getgrouplist(name, gid_t(gid), &list, &count)
            #endif
            if found >= 0 { return Set(list.prefix(Int(count)).map { UInt32($0) }).union([gid]) }
            // Too small: `count` now says how many there are (or double when it does not).
            count = count > before ? count : before * 2
            if count > 65_536 { return [gid] }
        }
    }

    /// CPUs this process may run on (its affinity mask: `taskset -c 0` gives 1), or nil
    /// where that cannot be read. NIO sizes its event loop group by the machine's cores.
    /// Read from `/proc/self/status` (`Cpus_allowed: ff,ffffffff`): Glibc's module does
    /// not export `sched_getaffinity`.
    static func usableCoreCount() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Cpus_allowed:") })
        else { return nil }
        var count = 0
        for group in line.dropFirst("Cpus_allowed:".count).split(separator: ",") {
            guard let bits = UInt64(group.trimmingCharacters(in: .whitespaces), radix: 16) else { return nil }
            count += bits.nonzeroBitCount
        }
        return count > 0 ? count : nil
    }
}
