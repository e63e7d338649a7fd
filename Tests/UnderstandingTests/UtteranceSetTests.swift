import Foundation
import Testing
@testable import Understanding

/// The labelled development set (`Fixtures/utterances.jsonl`): utterances as
/// operators type them and residents say them, each with its intent (null when
/// out of scope) and the slots it must give. Only the listed slots are scored.
/// Prints intent accuracy, slot accuracy, the confusions and every miss, and
/// holds the measured floor so that a change cannot quietly make it worse.
@Suite struct UtteranceSetTests {
    struct Labelled: Sendable {
        var text: String
        var intent: String?
        /// Expected values written as text (numbers as their decimal form).
        var slots: [String: String]
    }

    static let cases: [Labelled] = {
        let url = PackageRoot.url.appendingPathComponent("Tests/UnderstandingTests/Fixtures/utterances.jsonl")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(whereSeparator: \.isNewline).compactMap { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let text = object["text"] as? String else { return nil }
            let slots = (object["slots"] as? [String: Any] ?? [:]).mapValues { value in
                (value as? String) ?? (value as? NSNumber).map { "\($0.doubleValue)" } ?? "\(value)"
            }
            return Labelled(text: text, intent: object["intent"] as? String, slots: slots)
        }
    }()

    static func same(_ found: SlotValue?, _ expected: String) -> Bool {
        guard let found else { return false }
        if found.string == expected { return true }
        if case .string = found { return false }
        guard let a = found.double, let b = Double(expected) else { return false }
        return abs(a - b) < 1e-6
    }

    struct Score {
        var intentsRight = 0, intents = 0, slotsRight = 0, slots = 0
        var misses: [String] = []
        var confusion: [String: Int] = [:]
        var intentAccuracy: Double { intents == 0 ? 0 : Double(intentsRight) / Double(intents) }
        var slotAccuracy: Double { slots == 0 ? 0 : Double(slotsRight) / Double(slots) }
    }

    static func score() -> Score {
        var s = Score()
        for c in cases {
            let u = Fixtures.understander.understand(c.text, context: Fixtures.context)
            s.intents += 1
            if u.intent == c.intent { s.intentsRight += 1 } else {
                s.confusion["\(c.intent ?? "null") → \(u.intent ?? "null")", default: 0] += 1
                s.misses.append("intent «\(c.text)»: \(u.intent ?? "null") ≠ \(c.intent ?? "null")")
            }
            for (name, expected) in c.slots.sorted(by: { $0.key < $1.key }) {
                s.slots += 1
                if same(u.slots[name], expected) { s.slotsRight += 1 } else {
                    s.misses.append("slot «\(c.text)» \(name): \(u.slots[name]?.string ?? "nil") ≠ \(expected)")
                }
            }
        }
        return s
    }

    @Test func accuracyOnTheDevelopmentSet() {
        #expect(Self.cases.count >= 150)
        let s = Self.score()
        let intents = Set(Self.cases.map { $0.intent ?? "null" })
        print(String(format: "utterances: %d (%d intents incl. null); intent accuracy %.1f%% (%d/%d); slot accuracy %.1f%% (%d/%d)",
                     Self.cases.count, intents.count, s.intentAccuracy * 100, s.intentsRight, s.intents,
                     s.slotAccuracy * 100, s.slotsRight, s.slots))
        for (pair, n) in s.confusion.sorted(by: { $0.value > $1.value }) { print("  confusion \(pair): \(n)") }
        for miss in s.misses { print("  miss \(miss)") }
        // Floors: the figures measured when the set was written, rounded down.
        #expect(s.intentAccuracy >= 0.95)
        #expect(s.slotAccuracy >= 0.93)
    }

    @Test func everyContractIntentIsInTheSet() {
        let intents = Set(Self.cases.compactMap(\.intent))
        for intent in Fixtures.understander.catalog.specs.map(\.intent) { #expect(intents.contains(intent), "\(intent)") }
        #expect(Self.cases.contains { $0.intent == nil })
    }
}
