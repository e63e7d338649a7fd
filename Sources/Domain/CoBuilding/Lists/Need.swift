import Foundation

/// Where a residents' need is in its loop: 待匹配 → 已匹配 → 已解决.
public enum NeedStatus: String, Sendable, CaseIterable {
    case open, matched, settled

    public var chinese: String {
        switch self {
        case .open: return "待匹配"
        case .matched: return "已匹配"
        case .settled: return "已解决"
        }
    }

    public init?(chinese: String) {
        guard let s = Self.allCases.first(where: { $0.chinese == chinese }) else { return nil }
        self = s
    }
}

/// What moves a need: a recorded match, its settlement, or undoing a match that fell through.
public enum NeedAction: String, Sendable, CaseIterable {
    case match, settle, reopen

    public var chinese: String {
        switch self {
        case .match: return "匹配"
        case .settle: return "办结"
        case .reopen: return "撤销匹配"
        }
    }

    /// The need loop as data, with the same table type as tickets.
    public static let transitions = TransitionTable<NeedStatus, NeedAction>([
        .init([.open], .match, .matched),
        .init([.matched], .settle, .settled),
        .init([.matched], .reopen, .open),
    ])
}

/// A residents' need (需求清单): what is wanted, where, and when.
public struct Need: Sendable, Equatable {
    public var id: String
    public var community: String
    public var place: String?
    public var kind: String
    public var description: String
    public var window: WeeklyWindow?
    public var status: NeedStatus
    /// 热线, 入户走访, 网格巡查 … where the need came from.
    public var source: String
    public var name: String?
    public var phone: String?
    public var createdAt: Date

    init(row: SQLRow) {
        id = row.string("id")
        community = row.string("community")
        place = row.optionalString("place")
        kind = row.string("kind")
        description = row.string("description")
        window = row.optionalString("wanted_window").flatMap(WeeklyWindow.init)
        status = NeedStatus(rawValue: row.string("status")) ?? .open
        source = row.string("source")
        name = row.optionalString("name")
        phone = row.optionalString("phone")
        createdAt = Date(timeIntervalSince1970: TimeInterval(row.int("created_at")))
    }
}
