/// The "七步议事" method as data (`data/cobuild_meeting_steps.csv`, imported
/// into `cobuild_meeting_steps`): the steps in order, and the status loop they
/// make. A meeting's status is the last step it has completed; each step may
/// only follow the one before it (a repeatable step, 形成决议, may be recorded
/// again for a further decision); a meeting not yet held may be cancelled.
public struct MeetingProcedure: Sendable, Equatable {
    public struct Step: Sendable, Equatable {
        public var code: String
        public var order: Int
        public var name: String
        public var summary: String
        /// Recorded more than once (one decision per record).
        public var repeatable: Bool

        public init(code: String, order: Int, name: String, summary: String, repeatable: Bool) {
            self.code = code
            self.order = order
            self.name = name
            self.summary = summary
            self.repeatable = repeatable
        }
    }

    /// The status of a meeting called off before it was held.
    public static let cancelled = "cancelled"
    /// The step code that records a decision (the linked grievances are settled then).
    public static let decisionStep = "resolve"
    /// The step at which the meeting is held: cancelling is possible only before it.
    public static let conveneStep = "convene"

    public let steps: [Step]

    public init(steps: [Step]) { self.steps = steps.sorted { $0.order < $1.order } }

    public func step(_ code: String) -> Step? { steps.first { $0.code == code } }

    /// The step whose name (收集议题) or code is `word`.
    public func step(named word: String) -> Step? { steps.first { $0.name == word || $0.code == word } }

    public var first: Step? { steps.first }

    /// The loop: action = the step recorded (or `cancel`), state = the last step done.
    public var table: TransitionTable<String, String> {
        var rules: [TransitionTable<String, String>.Rule] = []
        for (i, step) in steps.enumerated() where i > 0 {
            var from: Set<String> = [steps[i - 1].code]
            if step.repeatable { from.insert(step.code) }
            rules.append(.init(from, step.code, step.code))
        }
        let convene = steps.firstIndex { $0.code == Self.conveneStep } ?? steps.count
        rules.append(.init(Set(steps.prefix(convene).map(\.code)), "cancel", Self.cancelled))
        return TransitionTable(rules)
    }

    /// The Chinese name of a status: the step's name, or 已取消.
    public func statusName(_ status: String) -> String {
        status == Self.cancelled ? "已取消" : step(status)?.name ?? status
    }

    /// The steps that may be recorded next, by name.
    public func nextSteps(after status: String) -> [Step] {
        table.actions(from: status).compactMap { step($0) }
    }

    /// Every step done: the meeting has been reviewed (反馈评议).
    public func isComplete(_ status: String) -> Bool { status == steps.last?.code }

    public static func load(_ conn: any SQLConnection) throws -> MeetingProcedure {
        MeetingProcedure(steps: try conn.query("SELECT * FROM cobuild_meeting_steps ORDER BY step_order").map {
            Step(code: $0.string("step_code"), order: $0.int("step_order"), name: $0.string("name"),
                 summary: $0.string("summary"), repeatable: $0.int("repeatable") == 1)
        })
    }
}
