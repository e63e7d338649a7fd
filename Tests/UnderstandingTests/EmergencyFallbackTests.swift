import Foundation
import Testing
@testable import Understanding

/// An emergency's word at a place files a report even in a line that also
/// asks something (`IntentCatalog.replacingValues` adds the urgent keywords to
/// the descriptive fallback).
@Suite struct EmergencyFallbackTests {
    @Test func anEmergencyToldWithAQuestionIsAReport() {
        let u = Fixtures.understander.understand("喂，是观澜街道吗？我屋企喺桂香老村9号，隔篱屋个老人家晕低咗喺门口，我打咗120，你哋都派人嚟睇下，电话13692223333",
                                                 context: Fixtures.context)
        #expect(u.intent == "grievance.file")
        #expect(u.slots["category"]?.string == "人身安全")
        #expect(u.slots["estate"]?.string == "桂香老村")
    }

    @Test func theUrgentWordsJoinTheDescriptiveFallbackOnly() throws {
        let file = try #require(Fixtures.understander.catalog.specs.first { $0.intent == "grievance.file" })
        let descriptive = try #require(file.fallbacks.first { $0.descriptive == true })
        #expect(descriptive.words.contains("晕低"))
        #expect(descriptive.words.contains("电梯困人"))
        // A non-urgent category's word is not added (its row is not `urgent`).
        #expect(!descriptive.words.contains("消防栓"))
    }
}
