import Foundation
import Testing
@testable import Understanding

/// Field words (`intents/field-words.txt`): English words of other systems'
/// key=value lines stand for the catalogue's Chinese words, as fields only.
@Suite struct FieldWordsTests {
    func understand(_ text: String) -> Understanding {
        Fixtures.understander.understand(text, context: Fixtures.context)
    }

    @Test(arguments: [
        ("op=close ticket=GL20261120-0107", "grievance.update", "action", "close"),
        ("OP=CLOSE ticket=GL20261120-0107", "grievance.update", "action", "close"),
        ("action=dispatch ticket=GL20261120-0107 assignee=李明", "grievance.update", "action", "dispatch"),
        ("req type=financing amount=3000000 purpose=流动资金", "enterprise.request", "service_type", "financing"),
        ("dashboard=tickets community=桂花社区 grade=A status=dispatched", "grievance.list", "grade", "A"),
        ("dashboard=tickets community=桂花社区 grade=A status=dispatched", "grievance.list", "status", "dispatched"),
    ])
    func aFieldStandsForItsWord(text: String, intent: String, slot: String, value: String) {
        let u = understand(text)
        #expect(u.intent == intent)
        #expect(u.slots[slot]?.string == value)
    }

    /// The same English words in running text, or inside a longer word, are not fields.
    @Test(arguments: ["please close the door", "closed=1", "enclose=GL", "financing公司电话多少"])
    func notAField(text: String) {
        let u = understand(text)
        #expect(u.intent != "grievance.update")
        #expect(u.intent != "enterprise.request")
    }

    /// A field word's trigger spans the English word, so the description does not keep half of it.
    @Test func theDescriptionDropsTheWholeFieldWord() {
        let u = understand("req type=financing amount=3000000 purpose=流动资金")
        let description = u.slots["description"]?.string
        #expect(description?.contains("流动资金") == true)
        #expect(description?.contains("nancing") == false)
    }

    @Test func aFieldWordForAnUnknownWordIsRefused() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fields-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "intent: x.move\nlabel: 工单\nsummary: 工单\ntriggers: [办结]\n".write(to: dir.appendingPathComponent("x.move.yaml"), atomically: true, encoding: .utf8)
        try "close 办结\nopen 重新打开\n".write(to: dir.appendingPathComponent("field-words.txt"), atomically: true, encoding: .utf8)
        #expect { try IntentCatalog.load(from: dir) } throws: { error in
            (error as? IntentFileError).map { $0.message.contains("重新打开") && $0.line == 2 } == true
        }
    }
}
