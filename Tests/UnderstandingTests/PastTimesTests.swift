import Testing
@testable import Understanding

/// Rounds 202–205 (2026-12-02): a time told as what happened is the last one, not the
/// next; what a caller says they do not know is no question; the end of a search's
/// time belongs to the start it took. Now is Sunday 2026-11-29 09:00.
@Suite struct PastTimesTests {
    func understand(_ text: String) -> Understanding { Fixtures.understander.understand(text, context: Fixtures.context) }
    func time(_ text: String) -> String? { understand(text).slots["time"]?.string }

    @Test func aClockTimeAlreadyPastInAReportIsToday() {
        #expect(time("香榭郦景7栋楼上从早上八点就开始电钻，电话13926541187") == "2026-11-29T08:00:00+08:00")
        #expect(time("夜班回来凌晨三点，碧桂苑5栋的电梯卡在9楼不动了，13800000001") == "2026-11-29T03:00:00+08:00")
        // Still ahead today: stays today. A booking still looks ahead (早上七点 said at nine: tomorrow).
        #expect(time("报事 香榭郦景3栋 下午三点停水") == "2026-11-29T15:00:00+08:00")
        #expect(time("预约 早上七点 太极拳 1人") == "2026-11-30T07:00:00+08:00")
    }

    @Test func aWeekdayToldAsWhatHappenedIsTheLastOne() {
        #expect(time("党员陈斌，周五去了松茂花园16栋1701，老爷子一个人住") == "2026-11-27T00:00:00+08:00")
        // 下周五 names its week: not moved.
        #expect(time("预约 周五 太极拳 1人") == "2026-12-04T00:00:00+08:00")
    }

    @Test func cantoneseEveningsAndMornings() {
        #expect(time("华庭小区16栋有户人琴晚开始哭喊 13560607070") == "2026-11-28T18:00:00+08:00")
        #expect(time("喂 怡景华府8栋今朝开始冇水 13823232323") == "2026-11-29T06:00:00+08:00")
        #expect(time("报事 永安家园15栋 前晚有人撬了我的电动车锁") == "2026-11-27T18:00:00+08:00")
    }

    @Test func notKnowingWhomToAskIsNoQuestion() {
        let u = understand("唉，我已经不知道找谁了。儿媳每天跑到我们家楼下闹，天天骂。我们住在阳光小区19栋。电话13828307762。")
        #expect(u.intent == "grievance.file")
        #expect(u.slots["phone"]?.string == "13828307762")
        // Asked outright, it is still a look-up.
        #expect(understand("我刚搬来泰华小区2栋，有事都不知道找谁，我们这栋的网格员是哪位").intent == "grid.lookup")
    }

    @Test func aTrainingBusinessIsNoClass() {
        let u = understand("我住在书香豪庭13栋，楼下这家培训机构每天下午四点到晚上九点几十个家长在楼下挤，车堵着路，电话13510227748。")
        #expect(u.intent == "grievance.file")
        #expect(u.slots["activity"] == nil)
    }

    @Test func theEndOfTheTimeTheSearchTook() {
        let s = understand("我孙子周末在家就玩手机，下周末有什么适合小朋友的活动吗？").slots
        #expect(s["time"]?.string == "2026-12-05T00:00:00+08:00")
        #expect(s["time_end"]?.string == "2026-12-07T00:00:00+08:00")
    }

    @Test func aStateReportedAfterTheMoveIsNotTheMove() {
        #expect(understand("办结 QF20261118-0001 招聘会已对接 企业招满了").slots["action"]?.string == "close")
        #expect(understand("QF20261118-0001 已对接 工商银行").slots["action"]?.string == "match")
    }
}

/// Rounds 206–209: which of several times a line means, and counts said the northern way.
@Suite struct TimesAmongOthersTests {
    func slots(_ text: String) -> Slots { Fixtures.understander.understand(text, context: Fixtures.context).slots }

    @Test func aNightSlotsNameGivesWayToTheDaySaid() {
        #expect(slots("帮居民约一个ZY20261009-0005的夜间车位，12月1号晚上，车牌粤B7K325，电话13510039927")["time"]?.string
                == "2026-12-01T18:00:00+08:00")
    }

    @Test func aWeekGivesWayToTheDayItHappened() {
        #expect(slots("香榭郦景12栋的电梯这礼拜停了三回了，今天早上我婆婆被关在里面二十分钟才出来，电话13926784410")["time"]?.string
                == "2026-11-29T06:00:00+08:00")
        // A week alone stays a week.
        #expect(slots("大富社区这周的工单列一下")["time"]?.string == "2026-11-23T00:00:00+08:00")
    }

    @Test func justMeSaidTheNorthernWay() {
        #expect(slots("俺想报个名，那个瑜伽，周二晚上七点的，就俺一个，电话13937120045")["party_size"]?.int == 1)
    }
}

/// Rounds 214–217: a phone number corrected mid-sentence, and forwards named by their source.
@Suite struct CorrectedDetailsTests {
    func slots(_ text: String) -> Slots { Fixtures.understander.understand(text, context: Fixtures.context).slots }

    @Test func theNumberSaidAfterACorrectionIsTheOne() {
        #expect(slots("下周四晚上七点的瑜伽，我要报一个，电话13512001200，不对不对，是13512001210")["phone"]?.string == "13512001210")
        #expect(slots("广培老村11号楼道电线老化，我叫阿芳，电话13500001234，哦不是，是13500001243")["phone"]?.string == "13500001243")
        // One number alone is never second-guessed.
        #expect(slots("香榭郦景3栋 不对 是5栋 电梯坏了 电话13500001234")["phone"]?.string == "13500001234")
        // A later correction word with no number after it takes back something else (round 238).
        #expect(slots("观峰家园12栋门禁坏了，电话是13566667777……哦不对，是13566667771，我说错了一位。")["phone"]?.string == "13566667771")
        // 啊不 and 不是 standing alone correct a building (rounds 238 and 240).
        #expect(slots("我们青林公馆5栋那个，啊不，是6栋，6栋的化粪池又满了")["building"]?.string == "6栋")
    }

    @Test func forwardsNamedBySource() {
        #expect(slots("12345派单 来电人：黄先生 13501239876 反映牛湖社区福安小区6栋后面有人私搭铁皮房")["channel"]?.string == "系统对接")
        #expect(slots("今天巡到润城豪庭10栋，发现小区围墙倒了一截，没砸到人，先报上来，网格员电话13800000327")["channel"]?.string == "网格巡查")
    }
}

/// Rounds 218–221: a community said in another clause names the estate's community without the
/// account told between the two becoming part of the place.
@Suite struct CommunitySaidApartTests {
    @Test func theAccountBetweenIsNotThePlace() {
        let u = Fixtures.understander.understand("君悦豪庭的，6栋，地下车库进水了，昨天晚上那场雨下完就这样，电话18826614490，小区是大富社区",
                                                 context: Fixtures.context)
        #expect(u.intent == "grievance.file")
        #expect(u.slots["community"]?.string == "大富社区")
        #expect(u.entities.first { $0.type == .address }?.text == "君悦豪庭的,6栋")
        // Said together, the community and the estate are one place.
        let together = Fixtures.understander.understand("大富社区香榭郦景3栋电梯坏了", context: Fixtures.context)
        #expect(together.entities.first { $0.type == .address }?.text == "大富社区香榭郦景3栋")
    }
}
