import Foundation
import Testing
@testable import Understanding

/// The labelled development set (`Fixtures/utterances.jsonl`): utterances as
/// operators type them and residents say them, each with its intent (null when
/// out of scope) and the slots it must give. Only the listed slots are scored.
/// Prints intent accuracy, slot accuracy, the confusions and every miss, and
/// holds the measured floor so that a change cannot quietly make it worse.
@Suite struct UtteranceSetTests {
    static let evaluation: UtteranceEvaluation = (try? UtteranceEvaluation.load(
        PackageRoot.url.appendingPathComponent("Tests/UnderstandingTests/Fixtures/utterances.jsonl"))) ?? UtteranceEvaluation(cases: [])

    static var cases: [UtteranceEvaluation.Labelled] { evaluation.cases }

    static func score() -> UtteranceEvaluation.Score {
        evaluation.score(with: Fixtures.understander, context: Fixtures.context)
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
