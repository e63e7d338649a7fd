/// Who may connect, by the peer's credentials (`SO_PEERCRED`).
///
/// Empty lists allow everyone. Otherwise a peer is let in when its uid is in
/// `uids` or its primary gid is in `gids`.
public struct AccessPolicy: Sendable, Equatable {
    public var uids: Set<UInt32>
    public var gids: Set<UInt32>

    public init(uids: Set<UInt32> = [], gids: Set<UInt32> = []) {
        self.uids = uids
        self.gids = gids
    }

    public var allowsEveryone: Bool { uids.isEmpty && gids.isEmpty }

    /// Whether `peer` may use the server; an unknown peer only when everyone may.
    public func allows(_ peer: PeerCredentials?) -> Bool {
        if allowsEveryone { return true }
        guard let peer else { return false }
        return uids.contains(peer.uid) || gids.contains(peer.gid)
    }
}
