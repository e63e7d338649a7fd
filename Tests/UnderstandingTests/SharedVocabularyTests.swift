import Foundation
import Testing
@testable import Understanding

/// `values_from`: a keyword slot's values kept once in `intents/vocabularies/`
/// for several intents (the co-building kinds).
@Suite struct SharedVocabularyTests {
    /// An intents folder with one intent taking its `kind` values from `vocabulary`.
    static func folder(intentSlot: String, vocabulary: String?) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vocab-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("vocabularies"), withIntermediateDirectories: true)
        try "intent: x.need\nlabel: 需求\nsummary: 需求\ntriggers: [需求]\nslots:\n\(intentSlot)"
            .write(to: dir.appendingPathComponent("x.need.yaml"), atomically: true, encoding: .utf8)
        if let vocabulary {
            try vocabulary.write(to: dir.appendingPathComponent("vocabularies/kind.yaml"), atomically: true, encoding: .utf8)
        }
        return dir
    }

    @Test func aSlotTakesTheVocabularysValuesInFileOrder() throws {
        let dir = try Self.folder(intentSlot: "  - name: kind\n    type: keyword\n    values_from: kind\n",
                                  vocabulary: "车位: [车位, 停车]\n托管: [托管, 看小孩]\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let catalog = try IntentCatalog.load(from: dir)
        let slot = try #require(catalog.spec("x.need")?.slot("kind"))
        #expect(slot.valueOrder == ["车位", "托管"])
        #expect(slot.values?["托管"] == ["托管", "看小孩"])
        let u = Understander(catalog: catalog, gazetteer: Fixtures.gazetteer).understand("需求 周末看小孩", context: Fixtures.context)
        #expect(u.slots["kind"]?.string == "托管")
    }

    @Test func aMissingVocabularyNamesItsFile() throws {
        let dir = try Self.folder(intentSlot: "  - name: kind\n    type: keyword\n    values_from: kinds\n", vocabulary: nil)
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect { try IntentCatalog.load(from: dir) } throws: { error in
            (error as? IntentFileError)?.message.contains("intents/vocabularies/kinds.yaml") == true
        }
    }

    @Test func valuesAndValuesFromTogetherAreRefused() throws {
        let dir = try Self.folder(intentSlot: "  - name: kind\n    type: keyword\n    values_from: kind\n    values:\n      车位: [车位]\n",
                                  vocabulary: "车位: [车位]\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(throws: IntentFileError.self) { try IntentCatalog.load(from: dir) }
    }

    @Test func aValueWithoutWordsIsRefused() throws {
        let dir = try Self.folder(intentSlot: "  - name: kind\n    type: keyword\n    values_from: kind\n", vocabulary: "车位: []\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(throws: IntentFileError.self) { try IntentCatalog.load(from: dir) }
    }

    @Test func theShippedIntentsShareOneKindList() throws {
        let catalog = try IntentCatalog.load(from: PackageRoot.url.appendingPathComponent("intents"))
        let users = catalog.specs.filter { $0.slot("kind")?.valuesFrom == "cobuild-kind" }
        #expect(users.count == 5)
        #expect(Set(users.map { $0.slot("kind")!.valueOrder }).count == 1)
        #expect(users.first?.slot("kind")?.valueOrder.first == "车位")
    }
}
