/// The closed loop 发现 → 受理 → 化解 → 确认 → 反馈 as a state machine.
/// Illegal moves are a typed error; nothing else changes the status.
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
    /// Still being worked on (the deadline runs): not yet 化解.
    public var isPending: Bool { self == .reported || self == .accepted || self == .dispatched }
}

/// An operator's move along the loop (CONTRACT slot `action`, plus `return`
/// 退回 and `supervise` 督办).
public enum TicketAction: String, Sendable, CaseIterable {
    case accept, dispatch, resolve, confirm, feedback, escalate, reopen, close
    case `return`, supervise

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
        case .return: return "退回"
        case .supervise: return "督办"
        }
    }
}

/// The resident's rating at 回访 (CONTRACT slot `rating`).
public enum TicketRating: String, Sendable, CaseIterable {
    case satisfied, basically_satisfied, unsatisfied

    public var chinese: String {
        switch self {
        case .satisfied: return "满意"
        case .basically_satisfied: return "基本满意"
        case .unsatisfied: return "不满意"
        }
    }
}

/// A move that is not in the table: refused, nothing changes.
public struct IllegalTicketTransition: Error, Sendable, Equatable {
    public var from: TicketStatus
    public var action: TicketAction
    public init(from: TicketStatus, action: TicketAction) {
        self.from = from
        self.action = action
    }
}

/// One legal move of a ticket: from, action, (rating), to. Made only by
/// `TicketTransition.make`, which refuses moves not in the table.
public struct TicketTransition: Sendable, Equatable {
    public let from: TicketStatus
    public let action: TicketAction
    public let rating: TicketRating?
    public let to: TicketStatus

    /// 不满意 at 回访 reopens the ticket for another round.
    public var reopens: Bool { action == .reopen || (action == .feedback && to == .accepted) }

    public static let table = TransitionTable<TicketStatus, TicketAction>([
        .init([.reported], .accept, .accepted),
        .init([.reported, .accepted, .dispatched], .dispatch, .dispatched),
        .init([.accepted, .dispatched], .resolve, .resolved),
        .init([.resolved], .confirm, .confirmed),
        .init([.resolved, .confirmed], .feedback, .closed),
        .init([.resolved, .confirmed], .close, .closed),
        .init([.reported, .accepted, .dispatched], .escalate, nil),
        .init([.reported, .accepted, .dispatched], .supervise, nil),
        .init([.reported, .accepted, .dispatched], .return, .reported),
        .init([.resolved, .confirmed, .closed], .reopen, .accepted),
    ])

    public static func make(from status: TicketStatus, action: TicketAction,
                            rating: TicketRating? = nil) throws(IllegalTicketTransition) -> TicketTransition {
        guard var to = table.next(from: status, action: action) else { throw IllegalTicketTransition(from: status, action: action) }
        if action == .feedback && rating == .unsatisfied { to = .accepted }
        return TicketTransition(from: status, action: action, rating: rating, to: to)
    }

    /// The status after `action`, or nil when the move is not allowed from `status`.
    public static func next(from status: TicketStatus, action: TicketAction, rating: TicketRating? = nil) -> TicketStatus? {
        try? make(from: status, action: action, rating: rating).to
    }

    public static let levels = ["block", "community", "subdistrict", "district"]

    /// The level above, for escalation: block → community → subdistrict → district.
    public static func level(above level: String) -> String? {
        guard let i = levels.firstIndex(of: level), i + 1 < levels.count else { return nil }
        return levels[i + 1]
    }
}
