import NIOCore

#if canImport(Glibc)
import Glibc
#endif

/// Who is on the other end of a Unix-socket connection (Linux `SO_PEERCRED`).
public struct PeerCredentials: Sendable, Equatable, CustomStringConvertible {
    public var pid: Int32
    public var uid: UInt32
    public var gid: UInt32
    /// Supplementary groups of the peer's user (`getgrouplist`), filled in only when
    /// an access policy asks about groups; the primary `gid` counts either way.
    public var supplementaryGroups: Set<UInt32> = []

    public init(pid: Int32, uid: UInt32, gid: UInt32, supplementaryGroups: Set<UInt32> = []) {
        self.pid = pid
        self.uid = uid
        self.gid = gid
        self.supplementaryGroups = supplementaryGroups
    }

    /// Whether the peer is in any of `groups`, by primary or supplementary group.
    public func isInAny(of groups: Set<UInt32>) -> Bool {
        groups.contains(gid) || !groups.isDisjoint(with: supplementaryGroups)
    }

    public var description: String { "pid=\(pid) uid=\(uid) gid=\(gid)" }

    /// Mirrors the layout of `struct ucred`, which Glibc's Swift module hides.
    private struct UCred: Sendable {
        var pid: Int32 = 0
        var uid: UInt32 = 0
        var gid: UInt32 = 0
    }

    /// Reads the peer's credentials, or nil where the platform has no `SO_PEERCRED`.
    /// Completes at once when called on the channel's event loop.
    static func of(_ channel: any Channel) -> EventLoopFuture<PeerCredentials?> {
        #if os(Linux)
        guard let provider = channel as? any SocketOptionProvider else { return channel.eventLoop.makeSucceededFuture(nil) }
        let future: EventLoopFuture<UCred> = provider.unsafeGetSocketOption(
            level: SocketOptionLevel(SOL_SOCKET), name: SocketOptionName(SO_PEERCRED))
        return future.map { PeerCredentials(pid: $0.pid, uid: $0.uid, gid: $0.gid) }.recover { _ in nil }
        #else
        return channel.eventLoop.makeSucceededFuture(nil)
        #endif
    }
}
