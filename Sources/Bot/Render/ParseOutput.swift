import Understanding

/// The `guanlan parse` JSON object (CONTRACT §2).
public enum ParseOutput {
    public static func json(_ u: Understanding) -> String {
        struct Out: Encodable {
            let text: String
            let intent: String?
            let confidence: Double
            let slots: Slots
            let entities: [Entity]
            let close: [Understanding.Candidate]
            let question: String?

            struct Choice: Encodable { let intent: String; let label: String }
            struct Clarify: Encodable { let question: String; let choices: [Choice] }

            func encode(to encoder: Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(text, forKey: .text)
                try c.encode(intent, forKey: .intent) // explicit null when out of scope
                try c.encode((confidence * 100).rounded() / 100, forKey: .confidence)
                try c.encode(slots, forKey: .slots)
                try c.encode(entities, forKey: .entities)
                // Two intents too close to call: `intent` is the better one at low
                // confidence, and `clarify` lists both for the caller to ask.
                if let question, !close.isEmpty {
                    try c.encode(Clarify(question: question, choices: close.map { Choice(intent: $0.intent, label: $0.label) }), forKey: .clarify)
                }
            }

            enum CodingKeys: String, CodingKey { case text, intent, confidence, slots, entities, clarify }
        }
        return JSONLine.encode(Out(text: u.text, intent: u.intent, confidence: u.confidence, slots: u.slots, entities: u.entities,
                                   close: u.close, question: u.clarifyQuestion))
    }
}
