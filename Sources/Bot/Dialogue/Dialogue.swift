import Understanding

/// A conversation in progress: an intent whose required slots are not all
/// filled yet, or a question with choices waiting for an answer. A value type;
/// the engine computes the next one from the current one and the new line.
public struct Dialogue: Sendable, Equatable {
    /// The intent being filled in, e.g. `grievance.file`.
    public var intent: String
    /// What is known so far.
    public var slots: Slots
    /// The slot the last question asked for, if any.
    public var awaiting: String?
    /// When the last reply was a `clarify`: the options, each a set of slots
    /// that settles the ambiguity when chosen (by number or by name).
    public var choices: [Choice]
    /// Short Chinese label for the prompt (报事, 预约 …).
    public var label: String

    public struct Choice: Sendable, Equatable {
        public var title: String
        public var slots: Slots
        /// When the question was which intent was meant (报事 or 查询网格?):
        /// the intent this choice switches the dialogue to.
        public var intent: String?
        public init(title: String, slots: Slots, intent: String? = nil) {
            self.title = title
            self.slots = slots
            self.intent = intent
        }
    }

    public init(intent: String, slots: Slots, awaiting: String? = nil, choices: [Choice] = [], label: String) {
        self.intent = intent
        self.slots = slots
        self.awaiting = awaiting
        self.choices = choices
        self.label = label
    }

    public var promptLabel: String { label }
}
