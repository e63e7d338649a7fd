import Foundation

/// Scores the understanding layer on a labelled set of utterances (JSON Lines:
/// `{"text": …, "intent": … or null, "slots": {…}}`): intent accuracy, slot
/// accuracy (only the listed slots are scored), the confusions and every miss.
/// Used by `guanlan eval` and by the test that holds the measured floor.
public struct UtteranceEvaluation: Sendable {
    public struct Labelled: Sendable {
        public var text: String
        public var intent: String?
        /// Expected values written as text (numbers as their decimal form).
        public var slots: [String: String]
    }

    public struct Score: Sendable {
        public var intentsRight = 0, intents = 0, slotsRight = 0, slots = 0
        public var misses: [String] = []
        public var confusion: [String: Int] = [:]
        /// Per slot: labelled, found (a value given where one was labelled), right.
        public var perSlot: [String: (labelled: Int, found: Int, right: Int)] = [:]
        /// Utterances answered with a clarify (two intents too close to call).
        public var clarified = 0
        public var intentAccuracy: Double { intents == 0 ? 0 : Double(intentsRight) / Double(intents) }
        public var slotAccuracy: Double { slots == 0 ? 0 : Double(slotsRight) / Double(slots) }

        public var summary: String {
            String(format: "utterances: %d; intent accuracy %.1f%% (%d/%d); slot accuracy %.1f%% (%d/%d)",
                   intents, intentAccuracy * 100, intentsRight, intents, slotAccuracy * 100, slotsRight, slots)
        }

        /// One line per slot: precision (right / found) and recall (right / labelled).
        public var slotLines: [String] {
            perSlot.sorted { $0.key < $1.key }.map { name, c in
                "  slot \(name): " + String(format: "precision %.1f%% (%d/%d), recall %.1f%% (%d/%d)",
                       c.found == 0 ? 0.0 : Double(c.right) / Double(c.found) * 100, c.right, c.found,
                       c.labelled == 0 ? 0.0 : Double(c.right) / Double(c.labelled) * 100, c.right, c.labelled)
            }
        }
    }

    public let cases: [Labelled]

    public init(cases: [Labelled]) { self.cases = cases }

    /// Reads a JSON Lines file; a malformed line is an error naming its number.
    public static func load(_ url: URL) throws -> UtteranceEvaluation {
        let text = try String(contentsOf: url, encoding: .utf8)
        var cases: [Labelled] = []
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let text = object["text"] as? String else {
                throw IntentFileError(file: url.path, line: n + 1, message: "不是有效的标注行（需要 text、intent、slots）")
            }
            let slots = (object["slots"] as? [String: Any] ?? [:]).mapValues { value in
                (value as? String) ?? (value as? NSNumber).map { "\($0.doubleValue)" } ?? "\(value)"
            }
            cases.append(Labelled(text: text, intent: object["intent"] as? String, slots: slots))
        }
        return UtteranceEvaluation(cases: cases)
    }

    public func score(with understander: Understander, context: ParseContext) -> Score {
        var s = Score()
        for c in cases {
            let u = understander.understand(c.text, context: context)
            s.intents += 1
            if !u.close.isEmpty { s.clarified += 1 }
            if u.intent == c.intent { s.intentsRight += 1 } else {
                s.confusion["\(c.intent ?? "null") → \(u.intent ?? "null")", default: 0] += 1
                s.misses.append("intent «\(c.text)»: \(u.intent ?? "null") ≠ \(c.intent ?? "null")")
            }
            for (name, expected) in c.slots.sorted(by: { $0.key < $1.key }) {
                s.slots += 1
                let right = Self.same(u.slots[name], expected)
                var counts = s.perSlot[name] ?? (0, 0, 0)
                counts.labelled += 1
                if u.slots[name] != nil { counts.found += 1 }
                if right { counts.right += 1 }
                s.perSlot[name] = counts
                if right { s.slotsRight += 1 } else {
                    s.misses.append("slot «\(c.text)» \(name): \(u.slots[name]?.string ?? "nil") ≠ \(expected)")
                }
            }
        }
        return s
    }

    static func same(_ found: SlotValue?, _ expected: String) -> Bool {
        guard let found else { return false }
        if found.string == expected { return true }
        if case .string = found { return false }
        guard let a = found.double, let b = Double(expected) else { return false }
        return abs(a - b) < 1e-6
    }
}
