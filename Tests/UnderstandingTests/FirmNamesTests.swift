import Testing
@testable import Understanding

/// Registered firms said by their short forms resolve to the full name; a
/// short form inside the place a line names (银星科技园) is not a firm.
@Suite struct FirmNamesTests {
    @Test func shortFormsDropTheCityTheLegalFormAndEachTrade() {
        #expect(FirmNames.shortForms(of: "深圳市鸿澜科技有限公司") == ["鸿澜科技", "鸿澜"])
        #expect(FirmNames.shortForms(of: "深圳市汇川文化传播有限公司") == ["汇川文化传播", "汇川文化", "汇川"])
        #expect(FirmNames.shortForms(of: "深圳市博远新材料股份有限公司") == ["博远新材料", "博远"])
    }

    @Test func aShortFormTwoFirmsShareNamesNeither() {
        let aliases = FirmNames.aliases(of: ["深圳市银星电子有限公司", "深圳市银星科技有限公司"])
        #expect(aliases["银星电子"] == "深圳市银星电子有限公司")
        #expect(aliases["银星科技"] == "深圳市银星科技有限公司")
        #expect(aliases["银星"] == nil)
    }

    @Test(arguments: [
        ("汇川文化想申请人才住房", "深圳市汇川文化传播有限公司"),
        ("鸿澜科技那个贷款申请到哪一步了", "深圳市鸿澜科技有限公司"),
        ("星辰电子想找个300平的办公室，最好在桂花社区", "深圳市星辰电子有限公司"),
    ])
    func theSlotIsTheFullName(text: String, name: String) {
        let u = Fixtures.understander.understand(text, context: Fixtures.context)
        #expect(u.intent == "enterprise.request" || u.intent == "enterprise.status")
        #expect(u.slots["enterprise"] == .string(name))
    }

    @Test func aFirmsShortFormInsideThePlaceIsNotTheFirm() {
        let u = Fixtures.understander.understand("厂里拖欠工资老板跑路了，我们都在银星科技园9栋那个厂做事", context: Fixtures.context)
        #expect(u.intent == "grievance.file")
        #expect(u.slots["enterprise"] == nil)
    }
}

/// An intent may list several fallbacks, each tried on its own.
@Suite struct FallbackListTests {
    @Test func aListOfFallbacksIsRead() throws {
        let yaml = """
        intent: x.y
        label: 测试
        summary: 测试
        fallback:
          - entity: grid
            words: []
          - entity: estate
            words: [网格]
        """
        let spec = try IntentCatalog.parse(yaml, file: "intents/x.y.yaml")
        #expect(spec.fallbacks.map(\.entity) == ["grid", "estate"])
        #expect(spec.fallbacks[1].words == ["网格"])
    }

    @Test(arguments: ["DF-01-02", "大富老村3号 网格", "新澜老村 3号 网格？"])
    func aGridCodeAloneOrAnEstateWithTheWordGridIsALookup(text: String) {
        #expect(Fixtures.understander.understand(text, context: Fixtures.context).intent == "grid.lookup")
    }

    @Test func aGridPatrolReportIsAGrievance() {
        let u = Fixtures.understander.understand("网格巡查发现 德润华府3栋外墙瓷砖脱落 上报人网格员夏秀英 电话13800000689", context: Fixtures.context)
        #expect(u.intent == "grievance.file")
        #expect(u.slots["channel"] == .string("网格巡查"))
    }
}
