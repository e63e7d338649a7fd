import Foundation
import Testing
@testable import Understanding

/// A keyword slot's `reports`: words that say a state rather than ask for a
/// value (修好了 beside 办结). Any other word of the slot outranks them.
@Suite struct KeywordReportsTests {
    static func folder(slot: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("reports-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try "intent: x.move\nlabel: 工单\nsummary: 工单\ntriggers: [工单]\nslots:\n\(slot)"
            .write(to: dir.appendingPathComponent("x.move.yaml"), atomically: true, encoding: .utf8)
        return dir
    }

    static let action = """
          - name: action
            type: keyword
            values:
              resolve: [化解, 修好]
              close: [办结]
            reports: [修好]

        """

    func action(_ text: String, reports: Bool = true) throws -> String? {
        let slot = reports ? Self.action : Self.action.replacingOccurrences(of: "    reports: [修好]\n", with: "")
        let dir = try Self.folder(slot: slot)
        defer { try? FileManager.default.removeItem(at: dir) }
        let catalog = try IntentCatalog.load(from: dir)
        return Understander(catalog: catalog, gazetteer: Fixtures.gazetteer).understand(text, context: Fixtures.context).slots["action"]?.string
    }

    @Test func aMoveSaidAfterAReportedStateWins() throws {
        #expect(try action("工单 电梯修好了，办结") == "close")
        // Without `reports` the earlier word of the same length wins.
        #expect(try action("工单 电梯修好了，办结", reports: false) == "resolve")
    }

    @Test func aReportedStateAloneStillGivesItsValue() throws {
        #expect(try action("工单 电梯修好了") == "resolve")
    }

    @Test func aReportWordNotAmongTheValuesIsRefused() throws {
        let dir = try Self.folder(slot: Self.action.replacingOccurrences(of: "reports: [修好]", with: "reports: [搞定]"))
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect { try IntentCatalog.load(from: dir) } throws: { error in
            (error as? IntentFileError)?.message.contains("搞定") == true
        }
    }
}
