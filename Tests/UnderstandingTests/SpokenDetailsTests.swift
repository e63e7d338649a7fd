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
}
