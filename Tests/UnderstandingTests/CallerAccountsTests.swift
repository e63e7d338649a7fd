import Foundation
import Testing
@testable import Understanding

/// Callers' accounts from rounds 85 onwards: the mechanisms their misses added,
/// each with the case that must not change.
@Suite struct CallerAccountsTests {
    func understand(_ text: String) -> Understanding { Fixtures.understander.understand(text, context: Fixtures.context) }
    func slots(_ text: String) -> Slots { understand(text).slots }

    @Test func anUnknownHouseNumberTakesTheEstatesUsualForm() {
        // 广培老村 lists 1号–15号: 二十三号 is 23号 as the data would write it, not 23栋.
        #expect(slots("广培老村二十三号 排水沟塞了 13512340987")["building"]?.string == "23号")
        #expect(slots("广培老村5号 排水沟塞了")["building"]?.string == "5号")
        // An estate of 栋 keeps 栋 for a number it lacks.
        #expect(slots("香榭郦景99栋 漏水")["building"]?.string == "99栋")
    }

    @Test func aBuildingAfterADashSaidAsAPause() {
        #expect(slots("鹭湖小区的，我们那栋——7栋——楼道灯全坏了，15011112222")["building"]?.string == "7栋")
    }

    @Test func grownUpsAndChildrenCountedTogether() {
        #expect(slots("电话15820001111，亲子阅读，今天上午，一个大人一个小孩")["party_size"]?.int == 2)
        #expect(slots("亲子阅读 两个大人、一个孩子 13800138000")["party_size"]?.int == 3)
        // One group alone is still its own count.
        #expect(slots("我带1个小孩 报名亲子阅读 13800138000")["party_size"]?.int == 1)
    }

    @Test func aResidentsConfirmationIsOutrankedByTheMoveSaid() {
        #expect(slots("GL20261115-0003 可以关了，居民确认没问题了")["action"]?.string == "close")
        #expect(slots("GL20261115-0003 居民确认没问题了")["action"]?.string == "confirm")
        #expect(slots("刚打电话给GL20261123-0005的报事人，她很满意")["action"]?.string == "feedback")
        #expect(slots("派单 GL20261123-0005 打电话给李明")["action"]?.string == "dispatch")
    }

    @Test func wagesWithheldAreReportedNotATicketMove() {
        // 电话也不接了 has 接了 in it; the account of unpaid work is the request.
        let u = understand("我在工地做了三个月，老板一分钱都没给，现在电话也不接了，工地就在君子布老村5号旁边，我手机15899901122，能帮我们讨一下吗")
        #expect(u.intent == "grievance.file")
        #expect(u.slots["category"]?.string == "劳资纠纷")
    }

    @Test func bookingsUndoneAndListedInEverydayWords() {
        #expect(understand("帮我把HD-005那个预约退了 电话15913367208").intent == "activity.cancel")
        #expect(understand("我之前预约的都有啥 忘了 号码是18823456789").intent == "activity.bookings")
        #expect(understand("我之前登记的那些活动，现在还排着队吗？手机13510102020").intent == "activity.bookings")
        // A class named with 我报名 is a booking, not a volunteer task.
        #expect(understand("星期一早上七点打太极 我报名 王建华 13632223344").intent == "activity.book")
    }

    @Test func aFirmsRequestAskedWhetherDone() {
        #expect(understand("帮我看一下QF20261120-0011是不是办完了").intent == "enterprise.status")
        #expect(understand("QF20261120-0011 已经办完了").intent == "enterprise.update")
    }

    @Test func aWindowSaidInClockWordsIsWrittenAsTyped() {
        #expect(slots("DW-003澜信物流登记资源：夜间车位30个，工作日晚上7点到第二天早上8点，错时共享")["window"]?.string == "工作日 19:00-次日08:00")
        #expect(slots("DW-009 会议室 1间 周六 早上九点到下午五点半 登记资源")["window"]?.string == "周六 09:00-17:30")
        // The end said without its part of the day shares the evening.
        #expect(slots("DW-003 登记资源 车位 晚上7点到10点")["window"]?.string == "19:00-22:00")
        // Typed clock times are kept as typed.
        #expect(slots("DW-003 登记资源 车位 20个 工作日19:00-次日08:00 错时共享")["window"]?.string == "工作日 19:00-次日08:00")
    }
}
