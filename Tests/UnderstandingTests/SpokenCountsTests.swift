import Foundation
import Testing
@testable import Understanding

/// Counts and names as callers say them in a story (rounds 43–46).
@Suite struct SpokenCountsTests {
    func slots(_ text: String) -> Slots { Fixtures.understander.understand(text, context: Fixtures.context).slots }

    @Test func aTotalSaidWithGongIsTheParty() {
        #expect(slots("今天上午十点的亲子阅读，我带两个孩子一起，一共三个人，电话13987654321")["party_size"]?.int == 3)
        #expect(slots("预约 亲子阅读 两个孩子 总共是三个人 13987654321")["party_size"]?.int == 3)
        // Without a total the first count stands.
        #expect(slots("预约 亲子阅读 两个人 13987654321")["party_size"]?.int == 2)
    }

    @Test func liaEndsANumber() {
        let u = Fixtures.understander.understand("下周六上午九点那个义诊我们俩一起去，电话15911112222", context: Fixtures.context)
        #expect(!u.entities.contains { $0.type == .number && $0.text == "俩一" })
        #expect(u.slots["party_size"]?.int == 2)
    }

    @Test func kinCountedTogether() {
        #expect(slots("下下周六篮球友谊赛，我们两兄弟想报名，电话13500112233")["party_size"]?.int == 2)
        #expect(slots("预约 书法 三姐妹一起 13500112233")["party_size"]?.int == 3)
        #expect(slots("星期三下午三点嘅山歌，想同我老友两个一齐去，电话13422223333")["party_size"]?.int == 2)
        #expect(slots("下周三下午三点唱山歌，我们两个姐妹一起去，电话13600006666")["party_size"]?.int == 2)
    }

    @Test func aVerbOfTellingEndsAName() {
        #expect(PersonName.find(in: "来电人王秀英说她住在丰泽小区十二栋") == "王秀英")
        #expect(PersonName.find(in: "来电人刘秀英反映：楼上漏水") == "刘秀英")
        #expect(PersonName.find(in: "联系人王五 13800001111") == "王五")
    }

    @Test func aPatchIsNoMoney() {
        let u = Fixtures.understander.understand("我奶奶住在福安雅居十二栋，想找个管那一块的人帮忙，有没有联系人", context: Fixtures.context)
        #expect(!u.entities.contains { $0.type == .money })
        #expect(u.intent == "grid.lookup")
        #expect(Fixtures.understander.understand("借了我五块钱", context: Fixtures.context).entities.contains { $0.type == .money })
    }

    @Test func aProblemAtAPlaceOutweighsAnOutOfScopeWord() {
        // 看病 is out of scope, but a need told at a place with a fallback word is a report.
        let u = Fixtures.understander.understand("我妈在富康新村3栋住，退休金不够看病，家里连米都快没了，不知道社区能不能帮一把。我电话13100002222",
                                                 context: Fixtures.context)
        #expect(u.intent == "grievance.file")
        // An account at a place with no fallback word stays out of scope.
        #expect(Fixtures.understander.understand("香榭郦景3栋 想挂个专家号", context: Fixtures.context).intent == nil)
    }

    @Test func aFamiliarNameAfterWoShi() {
        #expect(PersonName.find(in: "井盖被撬走了，俺是老刘，电话15012340001") == "老刘")
        #expect(PersonName.find(in: "我是小王，香榭郦景3栋漏水") == "小王")
        #expect(PersonName.find(in: "我是老年人") == nil)
    }

    @Test func eachPartOfACatalogueNameWithoutItsSuffix() {
        let terms = ActivityVocabulary.terms(from: ["技能培训·电工入门"])
        #expect(terms.contains("电工入门") && terms.contains("电工") && terms.contains("技能培训"))
    }

    @Test func anAboutWordBeforeAUnitIsNoAmount() {
        #expect(slots("小公司要找个一百来平的办公室，便宜点的")["amount"] == nil)
        #expect(slots("企业服务 融资 500")["amount"] != nil)
    }
}
