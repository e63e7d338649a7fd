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

    /// A fire hazard (a fire hydrant stolen, e-bikes charged in the stairwell) is
    /// 治安消防 like a fire, but from its own row: grade B, no emergency, no 119 advice.
    @Test func aFireHazardIsNotAnEmergency() throws {
        let rules = try GrievanceRules.load(from: IntentExamplesTests.root.appendingPathComponent("data"))
        let hazard = rules.classify("晨光花园十九座消防栓被盗")
        #expect(hazard.name == "治安消防")
        #expect(hazard.grade == "B")
        #expect(!hazard.urgent && hazard.advice.isEmpty)
        let fire = rules.classify("楼道里有人在充电瓶车，现在冒烟了")
        #expect(fire.name == "治安消防")
        #expect(fire.urgent && fire.grade == "A")
        // A fire feared is not a fire: the hazard's row, not the emergency's.
        let feared = rules.classify("书香家园8栋 有人在楼道里充电瓶车 好危险 怕着火")
        #expect(feared.name == "治安消防" && !feared.urgent)
        #expect(!rules.classify("楼下烧烤摊烟很大，还好没有着火").urgent)
        // A smoke alarm going off may be a fire.
        #expect(rules.classify("[烟感告警] 位置:华庭小区12栋3单元楼道 状态:报警").urgent)
        let u = IntentExamplesTests.understander.understand("天悦苑19栋好几辆电动车推进楼道里充电 电话13510063382", context: IntentExamplesTests.context)
        #expect(u.slots["category"] == .string("治安消防"))
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
