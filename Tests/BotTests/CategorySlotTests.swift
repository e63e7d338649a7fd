import Bot
import Domain
import Foundation
import Testing
import Understanding

/// A filing's `category` slot comes from `data/grievance_categories.csv`, the
/// table filing classifies by, so what `parse` says is what the ticket gets.
@Suite struct CategorySlotTests {
    @Test(arguments: [
        ("闻到好大一股煤气味，华庭小区十一栋二单元，快点！", "治安消防"),
        ("厂里拖欠我们三个月工资了老板跑路了，我们都在银星科技园9栋那个厂做事", "劳资纠纷"),
        ("隔壁邻居养了三条狗，半夜一直叫，住丰泽小区9栋", "邻里纠纷"),
    ])
    func theSlotIsTheCategoryFilingRecords(text: String, category: String) throws {
        let u = IntentExamplesTests.understander.understand(text, context: IntentExamplesTests.context)
        #expect(u.intent == "grievance.file")
        #expect(u.slots["category"] == .string(category))
        let rules = try GrievanceRules.load(from: IntentExamplesTests.root.appendingPathComponent("data"))
        #expect(rules.classify(text).name == category)
    }

    @Test func replacingValuesChangesOnlyThatSlot() throws {
        let catalog = try BotEnvironment.loadCatalog(root: IntentExamplesTests.root)
        let replaced = catalog.replacingValues(intent: "grievance.file", slot: "category", with: [("测试类", ["测试词"]), ("空类", [])])
        let slot = replaced.specs.first { $0.intent == "grievance.file" }!.slots.first { $0.name == "category" }!
        #expect(slot.values == ["测试类": ["测试词"]])
        #expect(slot.valueOrder == ["测试类"])
        #expect(replaced.specs.count == catalog.specs.count)
    }
}
