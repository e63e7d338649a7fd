import Bot
import Foundation
import Testing
import Transcripts
import Understanding

/// Every example in `intents/*.yaml` runs as a test: positive examples must be
/// understood as their intent with the slots they list; negatives must not.
@Suite struct IntentExamplesTests {
    static let root = TranscriptDiscovery.packageRoot()!
    static let understander = try! BotEnvironment.makeUnderstander(root: root)
    static let context = ParseContext(now: ISO8601DateFormatter().date(from: "2026-11-29T01:00:00Z")!,
                                      timeZone: TimeZone(secondsFromGMT: 8 * 3600)!)

    struct Case: CustomTestStringConvertible, Sendable {
        var spec: IntentSpec
        var example: IntentSpec.Example
        var testDescription: String { "\(spec.intent): \(example.text)" }
    }

    static var positives: [Case] {
        understander.catalog.specs.flatMap { spec in spec.examples.map { Case(spec: spec, example: $0) } }
    }

    static var negatives: [(String, String)] {
        understander.catalog.specs.flatMap { spec in spec.negatives.map { (spec.intent, $0) } }
    }

    @Test(arguments: positives)
    func exampleIsUnderstood(_ c: Case) {
        let u = Self.understander.understand(c.example.text, context: Self.context)
        #expect(u.intent == c.spec.intent, "\(c.spec.source):\(c.example.line ?? 0) «\(c.example.text)» → \(u.intent ?? "nil")")
        for (slot, value) in c.example.slots ?? [:] {
            #expect(u.slots[slot]?.string == value.string, "\(c.spec.source):\(c.example.line ?? 0) slot \(slot): \(u.slots[slot]?.string ?? "nil") ≠ \(value)")
        }
    }

    @Test(arguments: negatives)
    func negativeIsNotThisIntent(_ intent: String, _ text: String) {
        let u = Self.understander.understand(text, context: Self.context)
        #expect(u.intent != intent, "«\(text)» must not be \(intent)")
    }

    @Test func everyIntentOfTheContractHasAFileWithExamples() {
        let required = ["grievance.file", "grievance.status", "grievance.update", "grievance.list", "grid.lookup",
                        "activity.search", "activity.book", "activity.cancel", "activity.bookings", "enterprise.request",
                        "enterprise.status", "stats", "help", "cancel"]
        for intent in required {
            let spec = Self.understander.catalog.spec(intent)
            #expect(spec != nil, "missing intents/\(intent).yaml")
            #expect(!(spec?.examples.isEmpty ?? true), "\(intent) has no examples")
        }
    }

    @Test func outOfScopeTextHasNoIntentButKeepsEntities() {
        let u = Self.understander.understand("今天天气不错 13800138000", context: Self.context)
        #expect(u.intent == nil)
        #expect(u.slots.isEmpty)
        #expect(u.entities.contains { $0.type == .phone })
    }
}

@Suite struct IntentCatalogLoadingTests {
    @Test func aBadSlotTypeNamesTheFileAndLine() {
        let yaml = """
        intent: x.y
        label: 测试
        summary: 测试
        triggers: [测试]
        slots:
          - name: a
            type: nonsense
        """
        #expect {
            _ = try IntentCatalog.parse(yaml, file: "intents/x.y.yaml")
        } throws: { error in
            let e = error as? IntentFileError
            return e?.file == "intents/x.y.yaml" && e?.line == 6 && e!.message.contains("nonsense")
        }
    }

    @Test func aMissingFieldNamesTheFile() {
        #expect(throws: IntentFileError.self) { _ = try IntentCatalog.parse("intent: x\nlabel: y\n", file: "f.yaml") }
    }

    @Test func aYAMLSyntaxErrorNamesTheLine() {
        #expect {
            _ = try IntentCatalog.parse("intent: x\nlabel: [unclosed\nsummary: s\n", file: "f.yaml")
        } throws: { error in
            (error as? IntentFileError).map { $0.line >= 2 } ?? false
        }
    }

    @Test func aRequiredSlotNeedsAQuestion() {
        let yaml = "intent: x\nlabel: y\nsummary: s\ntriggers: [t]\nslots:\n  - name: phone\n    type: phone\n    required: true\n"
        #expect(throws: IntentFileError.self) { _ = try IntentCatalog.parse(yaml, file: "f.yaml") }
    }
}
