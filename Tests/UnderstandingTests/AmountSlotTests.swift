import Testing
@testable import Understanding

/// The single `amount` slot (in yuan) and the amounts that cannot fill it.
@Suite struct AmountSlotTests {
    func amount(_ text: String) -> SlotValue? {
        Fixtures.understander.understand(text, context: Fixtures.context).slots["amount"]
    }

    @Test func aSingleAmountFillsIt() {
        #expect(amount("企业服务 融资 500万") == .number(5_000_000))
    }

    /// 两百多万 was 200 yuan (the number before 多万 with 万 read as its unit): its low end now.
    @Test func aVagueAmountGivesItsLowEnd() {
        #expect(amount("企业服务 融资 两百多万") == .number(2_000_000))
    }

    /// Both ends said: no single amount to record; the dialogue asks for one.
    @Test(arguments: ["企业服务 融资 1万-5万元", "企业服务 融资 50到100万"])
    func aRangeLeavesItEmpty(text: String) {
        #expect(amount(text) == nil)
    }

    /// 500万美元 filled 5,000,000 as if it were yuan.
    @Test func anotherCurrencyLeavesItEmpty() {
        #expect(amount("企业服务 融资 500万美元") == nil)
    }
}
