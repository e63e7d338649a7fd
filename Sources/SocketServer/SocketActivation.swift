import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// systemd socket activation (`sd_listen_fds(3)`): the listening socket is
/// created by a `guanlan.socket` unit and handed over as file descriptor 3,
/// with `LISTEN_PID` set to this process and `LISTEN_FDS` to the count.
///
/// Only the first descriptor is used; it must be a listening Unix stream socket.
public enum SocketActivation {
    /// The first descriptor passed by the service manager.
    public static let firstDescriptor: CInt = 3

    /// The listening descriptor passed to this process, or nil when none was.
    /// Unsets `LISTEN_PID`, `LISTEN_FDS` and `LISTEN_FDNAMES` (children must not
    /// take them for theirs) and marks the descriptor close-on-exec.
    ///
    /// - Throws: `SocketServerError.notAListeningSocket` when descriptor 3 is not a
    ///   listening Unix stream socket.
    public static func listeningDescriptor(environment: [String: String] = ProcessInfo.processInfo.environment) throws(SocketServerError) -> CInt? {
        guard let pid = environment["LISTEN_PID"].flatMap({ Int32($0) }), pid == getpid(),
              let count = environment["LISTEN_FDS"].flatMap({ Int($0) }), count >= 1 else { return nil }
        for name in ["LISTEN_PID", "LISTEN_FDS", "LISTEN_FDNAMES"] { unsetenv(name) }
        let fd = firstDescriptor
        guard option(fd, SO_ACCEPTCONN) == 1, option(fd, SO_TYPE) == CInt(SOCK_STREAM.rawValue),
              option(fd, SO_DOMAIN) == AF_UNIX else { throw .notAListeningSocket(descriptor: fd) }
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        return fd
    }

    private static func option(_ fd: CInt, _ name: CInt) -> CInt? {
        var value: CInt = 0
        var length = socklen_t(MemoryLayout<CInt>.size)
        return getsockopt(fd, SOL_SOCKET, name, &value, &length) == 0 ? value : nil
    }
}
