/// An enterprise request's loop: 受理 → 对接中 → 已办结 (reopened to 对接中).
public enum EnterpriseRequestStatus: String, Sendable, CaseIterable {
    case accepted, matching, closed

    public var chinese: String {
        switch self {
        case .accepted: return "已受理"
        case .matching: return "对接中"
        case .closed: return "已办结"
        }
    }
}

/// An operator's move on an enterprise request.
public enum EnterpriseRequestAction: String, Sendable, CaseIterable {
    case match, close, reopen

    public var chinese: String {
        switch self {
        case .match: return "开始对接"
        case .close: return "办结"
        case .reopen: return "重新打开"
        }
    }

    /// The loop as data, on the same `TransitionTable` as grievance tickets.
    public static let table = TransitionTable<EnterpriseRequestStatus, EnterpriseRequestAction>([
        .init([.accepted], .match, .matching),
        .init([.accepted, .matching], .close, .closed),
        .init([.closed], .reopen, .matching),
    ])
}
