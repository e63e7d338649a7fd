/// A status machine as data: for each action, the status it leads to from
/// each status where it is allowed. Shared by grievance tickets and
/// enterprise requests so that both follow the same rules: a move not in the
/// table is refused with a typed error and changes nothing.
public struct TransitionTable<Status: Hashable & Sendable, Action: Hashable & Sendable>: Sendable {
    private let moves: [Action: [Status: Status]]

    /// - Parameter moves: action → (from → to).
    public init(_ moves: [Action: [Status: Status]]) { self.moves = moves }

    /// The status after `action` from `status`, or nil when not allowed.
    public func next(from status: Status, action: Action) -> Status? { moves[action]?[status] }

    /// The actions allowed from `status` (for "what can I do next" hints).
    public func actions(from status: Status) -> [Action] { moves.compactMap { $0.value[status] == nil ? nil : $0.key } }
}
