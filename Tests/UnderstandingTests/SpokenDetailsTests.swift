import Foundation
import Testing
@testable import Understanding

/// Details said the way callers say them, from rounds 131–134: the mechanisms
/// their misses added, each beside the case that must not change.
@Suite struct SpokenDetailsTests {
    func understand(_ text: String) -> Understanding { Fixtures.understander.understand(text, context: Fixtures.context) }
    func slots(_ text: String) -> Slots { understand(text).slots }

    @Test func aNameBesideAMobileTypedInGroups() {
        // 186 7654 3210: the number in three groups still sets the name apart, before it or after it.
        #expect(slots("报名下周二晚上七点的瑜伽，华盛华府亲邻之家，王丽，电话 186 7654 3210")["name"]?.string == "王丽")
        #expect(slots("我想报名下周六的书法班 我和我女儿 两个 电话 138 2345 6789 王丽")["name"]?.string == "王丽")
        // An id's digits in groups are not a phone: no name after them.
        #expect(slots("取消 YY20261129-0001 谢谢")["name"] == nil)
    }

    @Test func howTheCallerAsksToBeCalled() {
        #expect(slots("下周日下午两点的电工入门课还能报吗？能的话帮我报一个，叫我周志明就行，13828701164")["name"]?.string == "周志明")
        #expect(slots("宿舍在大水田老村12号，三个月工资一分没发，联系我陈志明 13590876543")["name"]?.string == "陈志明")
        #expect(slots("GL20261129-0001 转派俾杨婷")["name"]?.string == "杨婷")
        // 叫我 before a verb is no name.
        #expect(slots("香榭郦景3栋漏水 物业叫我自己修 13800138000")["name"] == nil)
    }

    @Test func aParentAndChildCountAsTwo() {
        #expect(slots("想给我女儿报个亲子阅读，下个礼拜天，就我们娘俩，手机15800002222")["party_size"]?.int == 2)
        #expect(slots("我们父子俩报名篮球友谊赛 12月12号 13800138000")["party_size"]?.int == 2)
    }

    @Test func aWeekdayAfterOneIsNoWeek() {
        // 约一个周五的太极: Friday, not a week's length.
        let t = slots("给我妈约一个周五的太极 书香豪庭那边有没有 手机13655551234")["time"]?.string
        #expect(t == "2026-12-04T00:00:00+08:00")
        // A week's length is still one.
        #expect(understand("停水一个周了 香榭郦景3栋").entities.contains { $0.type == .duration })
    }

    @Test func aHabitIsNoTime() {
        // 她天天早上在公园练 tells a habit; the session is 周五那场.
        #expect(slots("给我老妈约个太极拳，她天天早上在公园练，周五那场，电话13700001111")["time"]?.string == "2026-12-04T00:00:00+08:00")
        // With a clock it still names a time.
        #expect(understand("每天早上七点 太极拳").entities.contains { $0.type == .time })
    }

    @Test func aHeadcountTypedAfterASpace() {
        #expect(slots("银星电子招普工 三十个 急")["headcount"]?.int == 30)
        #expect(slots("银星电子招普工三十个")["headcount"]?.int == 30)
    }

    @Test func aPhoneSpeaksAgainstListsThatNeverCarryOne() {
        // 怎么定的 asks after a meeting; with a place, a phone and 拆迁 it is a resident's worry to file.
        #expect(understand("业主群里都在传东方苑要拆迁了，是真的吗？补偿标准是怎么定的，我家是东方苑2栋的 13733332222").intent == "grievance.file")
        #expect(understand("上次议事会的决议是怎么定的").intent == "cobuild.meeting.search")
    }

    @Test func aLoanNotRepaidAtAPlaceIsAReport() {
        // 电话都不接了 has 接了 in it; a place speaks against an operator's move.
        #expect(understand("我表哥两年前借了我五万块，一直拖着不还，现在电话都不接了，我住金港花园 13955556666").intent == "grievance.file")
        #expect(slots("GL20261129-0001 接了")["action"]?.string == "accept")
    }

    @Test func aWeekdaysNumeralStartsNoLength() {
        // 周二天悦华府: Tuesday at 天悦华府, not 二天 (two days).
        let u = understand("周二天悦华府的瑜伽课还有位没")
        #expect(u.intent == "activity.search")
        #expect(u.slots["time"]?.string == "2026-12-01T00:00:00+08:00")
        #expect(understand("停水二天了 香榭郦景3栋").entities.contains { $0.type == .duration })
    }

    @Test func grandchildrenCounted() {
        #expect(slots("两个孙子放学没人带，给他们报明天的课后托管，凤凰小区那里，电话13066554433")["party_size"]?.int == 2)
    }

    @Test func aPlaceSaidWithAt() {
        let place = slots("帮忙安排个党群议事会，君子布社区，12月9号下午三点，在社区党群服务中心，议题：金域豪庭电动车充电难")["place"]?.string
        #expect(place == "社区党群服务中心")
    }

    @Test func aRoadReportWithoutAnEstate() {
        // No estate the bot knows, but a fault and 找人修 / 不知道叫什么路: a report to file (the place is asked).
        #expect(understand("观澜大道那个路口的红绿灯坏了，一直闪黄灯，你们赶紧找人修一下").intent == "grievance.file")
        let u = understand("观澜这边有个路口红绿灯一直闪黄灯，不知道叫什么路，就在一个加油站旁边。电话13800991234")
        #expect(u.intent == "grievance.file")
        #expect(u.slots["place_unknown"]?.string == "yes")
    }

    @Test func aMobileThenACountOneSpaceOn() {
        // 电话13798872201 1位: the phone, then the party; not one twelve-digit number.
        let u = slots("约书法 下周六上午九点半 HD-029 电话13798872201 1位")
        #expect(u["phone"]?.string == "13798872201")
        #expect(u["party_size"]?.int == 1)
        // Groups of one mobile are still joined.
        #expect(slots("约书法 下周六 HD-029 电话 137 9887 2201")["phone"]?.string == "13798872201")
    }

    @Test func meAndSomeoneTypedWithSpaces() {
        #expect(slots("约个健康义诊 十二月五号 我同我老公 电话 137 2233 4455")["party_size"]?.int == 2)
    }

    @Test func aWeekdayIsNoName() {
        #expect(slots("给我报个名 瑜伽 周二 13800138000")["name"] == nil)
        #expect(slots("报名 瑜伽 周二 周杰 13800138000")["name"]?.string == "周杰")
    }

    @Test func aWeekdayBeforeAnEstateIsNoSum() {
        // 周一万象花园: Monday at 万象花园, not ten thousand yuan.
        let u = understand("帮我妈报个名，周一万象花园的太极拳，她叫李淑芬，电话13544443333")
        #expect(u.slots["time"]?.string == "2026-11-30T00:00:00+08:00")
        #expect(!u.entities.contains { $0.type == .money })
        #expect(understand("企业服务 融资 一万 深圳市鸿澜科技有限公司").entities.contains { $0.type == .money })
    }

    @Test func aReportPassedOnByTheBuildingsLeader() {
        // 楼栋长反映 / 网格员入户时听…说: a report retold, not a question about who the leader is.
        #expect(understand("楼栋长反映金地小区4栋有人老把垃圾袋扔楼道里，臭得很").intent == "grievance.file")
        #expect(understand("网格员入户时听租户说晨光花园6栋顶楼又搭了两层").intent == "grievance.file")
        #expect(understand("我租的房子在银湖新村10栋，想找楼栋长说点事，怎么联系他").intent == "grid.lookup")
    }

    @Test func aMeetingsPlaceAfterItsTime() {
        let place = slots("想搞个书记茶话会，桂花社区，下周五下午三点在社区会议室，大家一起聊聊松茂花园加装电梯的事")["place"]?.string
        #expect(place == "社区会议室")
    }
}
