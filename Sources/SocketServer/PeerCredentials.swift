import NIOCore

#if canImport(Glibc)
import Glibc
#endif

/// Who is on the other end of a Unix-socket connection (Linux `SO_PEERCRED`).
public struct PeerCredentials: Sendable, Equatable, CustomStringConvertible {
    public var pid: Int32
    public var uid: UInt32
    public var gid: UInt32

    public var description: String { "pid=\(pid) uid=\(uid) gid=\(gid)" }

    /// Mirrors the layout of `struct ucred`, which Glibc's Swift module hides.
    private struct UCred: Sendable {
        var pid: Int32 = 0
        var uid: UInt32 = 0
        var gid: UInt32 = 0
    }

    /// Reads the peer's credentials, or nil where the platform has no `SO_PEERCRED`.
    static func of(_ channel: any Channel) async -> PeerCredentials? {
        #if os(Linux)
        guard let provider = channel as? any SocketOptionProvider else { return nil }
        let future: EventLoopFuture<UCred> = provider.unsafeGetSocketOption(
            level: SocketOptionLevel(SOL_SOCKET), name: SocketOptionName(SO_PEERCRED))
        guard let cred = try? await future.get() else { return nil }
        return PeerCredentials(pid: cred.pid, uid: cred.uid, gid: cred.gid)
        #else
        return nil
        #endif
    }
}
