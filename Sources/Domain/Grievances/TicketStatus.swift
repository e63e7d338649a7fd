/// The closed loop 发现 → 受理 → 化解 → 确认 → 反馈 as a state machine.
/// Illegal moves return a typed error; nothing else changes the status.
public enum TicketStatus: String, Sendable, CaseIterable {
    case reported, accepted, dispatched, resolved, confirmed, closed

    public var chinese: String {
        switch self {
        case .reported: return "已登记（发现）"
        case .accepted: return "已受理"
        case .dispatched: return "已派单"
        case .resolved: return "已化解"
        case .confirmed: return "已确认"
        case .closed: return "已反馈办结"
        }
    }

    public var isOpen: Bool { self != .closed }
}

/// An operator's move along the loop (CONTRACT slot `action`).
public enum TicketAction: String, Sendable, CaseIterable {
    case accept, dispatch, resolve, confirm, feedback, escalate, reopen, close

    public var chinese: String {
        switch self {
        case .accept: return "受理"
        case .dispatch: return "派单"
        case .resolve: return "化解"
        case .confirm: return "确认"
        case .feedback: return "回访反馈"
        case .escalate: return "升级"
        case .reopen: return "重新打开"
        case .close: return "办结"
        }
    }
}

public enum TicketTransition {
    /// The status after `action`, or nil when the move is not allowed from `status`.
    /// `escalate` keeps the status and raises the level instead.
    public static func next(from status: TicketStatus, action: TicketAction) -> TicketStatus? {
        switch (action, status) {
        case (.accept, .reported): return .accepted
        case (.dispatch, .reported), (.dispatch, .accepted): return .dispatched
        case (.resolve, .accepted), (.resolve, .dispatched): return .resolved
        case (.confirm, .resolved): return .confirmed
        case (.feedback, .confirmed), (.close, .confirmed), (.close, .resolved): return .closed
        case (.escalate, let s) where s.isOpen && s != .resolved && s != .confirmed: return s
        case (.reopen, .resolved), (.reopen, .confirmed), (.reopen, .closed): return .accepted
        default: return nil
        }
    }

    /// The level above, for escalation: block → community → subdistrict → district.
    public static func level(above level: String) -> String? {
        let order = ["block", "community", "subdistrict", "district"]
        guard let i = order.firstIndex(of: level), i + 1 < order.count else { return nil }
        return order[i + 1]
    }
}
