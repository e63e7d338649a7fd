/// Who may connect, by the peer's credentials (`SO_PEERCRED`).
///
/// Empty lists allow everyone. Otherwise a peer is let in when its uid is in
/// `uids` or one of its groups (primary, or supplementary as `getgrouplist` gives
/// them for the peer's user) is in `gids`. With `operatorGIDs`, only peers in one
/// of those groups may run operator-only commands (受理 派单 办结 …).
public struct AccessPolicy: Sendable, Equatable {
    public var uids: Set<UInt32>
    public var gids: Set<UInt32>
    public var operatorGIDs: Set<UInt32>
    /// Record the peer's login name as the operator of what a connection does
    /// (when a request names no `operator`). Off in transcript tests, so that a
    /// conversation reads the same in-process and over the socket.
    public var peerIsOperator: Bool

    public init(uids: Set<UInt32> = [], gids: Set<UInt32> = [], operatorGIDs: Set<UInt32> = [], peerIsOperator: Bool = true) {
        self.uids = uids
        self.gids = gids
        self.operatorGIDs = operatorGIDs
        self.peerIsOperator = peerIsOperator
    }

    /// Whether `peer` may run operator-only commands.
    public func mayOperate(_ peer: PeerCredentials?) -> Bool {
        if operatorGIDs.isEmpty { return true }
        guard let peer else { return false }
        return peer.isInAny(of: operatorGIDs)
    }

    /// Whether a decision depends on the peer's groups (so they must be looked up).
    public var asksAboutGroups: Bool { !gids.isEmpty || !operatorGIDs.isEmpty }

    public var allowsEveryone: Bool { uids.isEmpty && gids.isEmpty }

    /// Whether `peer` may use the server; an unknown peer only when everyone may.
    public func allows(_ peer: PeerCredentials?) -> Bool {
        if allowsEveryone { return true }
        guard let peer else { return false }
        return uids.contains(peer.uid) || peer.isInAny(of: gids)
    }
}
