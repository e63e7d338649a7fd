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

    @Test func aCatalogueClassAskedAfterIsASessionSearch() {
        // 有没有义诊 / 有没有托管 asks after the sessions; with a unit it asks after the members' services.
        #expect(understand("下周六上午有没有义诊").intent == "activity.search")
        #expect(understand("放学后有没有托管的地方，小孩上三年级").intent == "activity.search")
        #expect(understand("谁家在搞义诊啊，想带我爸去量量血压").intent == "cobuild.service.search")
        #expect(understand("大富社区有没有单位做四点半课堂那种托管的").intent == "cobuild.service.search")
    }

    @Test func aBuildingAtALaterMentionLeavesTheAccountOutsideThePlace() {
        let u = understand("来电人称华庭小区大门口每天早上都被大货车堵住，孩子上学过不去，电话13145678901，住华庭小区20栋")
        #expect(u.intent == "grievance.file")
        #expect(u.slots["building"]?.string == "20栋")
        #expect(u.slots["name"] == nil)
    }

    @Test func howTheCallerFeltIsNoName() {
        #expect(slots("瑞景豪庭15栋有人家里吵架动手了，女的在楼道里哭喊救命，来电人很害怕，电话15999990000")["name"] == nil)
        #expect(slots("来电人王秀英说香榭郦景3栋电梯坏了")["name"]?.string == "王秀英")
    }

    @Test func progressAskedAroundOtherWords() {
        #expect(understand("你好，上次反映的那个违建给了我个编号GL20261103-0007，说要转到区里，到底转了没有？").intent == "grievance.status")
        #expect(understand("我老婆上个月报了件事，编号GL20261030-0011，她让我问问怎么一直显示没办结。").intent == "grievance.status")
        #expect(understand("深圳市瑞丰电子有限公司找厂房那个事有回复没有").intent == "enterprise.status")
        #expect(understand("我那个工单 GL20261128-0030 有回复没有").intent == "grievance.status")
    }

    @Test func partnerAndSelfAreTwo() {
        #expect(slots("她说要给老伴和自己约周四的手机课堂，电话13976543210")["party_size"]?.int == 2)
    }

    @Test func aFirmsContactIsTheirName() {
        let u = understand("我是深圳市凯达智能装备有限公司的汪宁，想租办公室")
        #expect(u.slots["name"]?.string == "汪宁")
        // Only the name leaves the account: the firm stays.
        #expect(u.slots["description"]?.string.contains("有限公司的") == true)
        #expect(slots("想贷三百万做流动资金，我是财务谢洋，13800001215")["name"]?.string == "谢洋")
        // Not a name: what the firm's staff are owed.
        #expect(slots("公司的员工工资拖欠 香榭郦景3栋")["name"] == nil)
    }

    @Test func aPlaceKeptForSomeone() {
        #expect(slots("明天早上七点的太极拳还有位置吗？有的话给我留一个，我叫李秀英，手机13033334444")["party_size"]?.int == 1)
    }

    @Test func aClinicIsOutOfScopeButAClassBookedWithTheSameWordsIsNot() {
        #expect(understand("我想挂个号，明天上午看骨科，观澜人民医院的，你们能帮我约吗").intent == nil)
        #expect(understand("下个月5号上午九点的健康义诊帮我挂个号，我跟我老伴两个人，电话13311112222").intent == "activity.book")
    }

    @Test func anAccountWithAQuestionOrAnOutOfScopeWordIsStillAReport() {
        // A question at the end (这样合理吗？) does not stop a worded account from being filed.
        #expect(understand("我在牛湖老村6号租房，房东突然说要收回房子，给我三天搬走，合同还有半年呢，这样合理吗？我叫韦小红，手机13590873214").intent == "grievance.file")
        // 社保 is a service we do not offer, but an unsigned labour contract is a report.
        #expect(understand("厂里不给签劳动合同，社保也不买，干了一年了，我住在华庭苑，手机13255554444").intent == "grievance.file")
        #expect(understand("君悦公馆2栋三楼有个老人好几天没见出门了，敲门也没人应，能不能让社区来看一下？我叫朱敏，15876543219").intent == "grievance.file")
    }

    @Test func reportedSpeechIsNoTicketMove() {
        #expect(understand("永安家园11栋那个楼道灯不亮好久了，物业说报上去了也没人来，13011110000").intent == "grievance.file")
        #expect(slots("GL20261126-0011 报上去")["action"]?.string == "escalate")
    }

    @Test func whoTheCallerIsToThePersonBeforeTheirName() {
        #expect(slots("康乐苑3栋的电梯从上个月坏到现在。我是她儿媳妇郑艳，13544556677")["name"]?.string == "郑艳")
        #expect(slots("龙腾苑门口的红绿灯坏了好几天，我是家长何丽娟，13728394050")["name"]?.string == "何丽娟")
    }

    @Test func aHeadCountTurnsAQuestionAboutPlacesIntoABooking() {
        #expect(understand("听说12月12号有篮球赛，在哪里打，还能报名吗").intent == "activity.search")
        #expect(understand("下周三的山歌还能报名吗 我们三个人").intent == "activity.book")
        #expect(slots("周四晚上7点瑜伽，我和我闺蜜，电话18677776666")["party_size"]?.int == 2)
    }

    @Test func aPhoneMakesAQuestionAboutPlacesABooking() {
        #expect(understand("今天下午两点的电工入门还能报吗？我想学点手艺，电话13476543210 李建军").intent == "activity.book")
        #expect(understand("今天下午两点的电工入门还能报吗？").intent == "activity.search")
    }

    @Test func groupsCountedNounFirst() {
        #expect(slots("今天上午十点的亲子阅读还能报吗？我带孩子，大人一个小孩两个，电话18820096613")["party_size"]?.int == 3)
        #expect(slots("明天下午四点半课后托管 孩子一个 家长电话13244445555")["party_size"]?.int == 1)
    }

    @Test func aFirmsRequestAskedAfterByItsId() {
        #expect(understand("QF20261126-0001 那个执照变更的事，处理好了吗？").intent == "enterprise.status")
        #expect(understand("前几天我们申请了助企行走访，编号qf20261125-0011，领导那边定时间了没有").intent == "enterprise.status")
        // Without the firm's id the same words ask after a ticket.
        #expect(understand("我上次反映的路灯，处理好了吗？13800138000").intent == "grievance.status")
    }

    @Test func aNameEndingInAnEverydayWord() {
        // 来 ends the name at the end of a clause (叫李福来); before more words it is "comes" (李明来处理).
        #expect(slots("我爸想去学智能手机，周四上午十点那场，他电话13066690012，叫李福来")["name"]?.string == "李福来")
        #expect(slots("店主陈国栋 13715523360 门口天天有人摆摊，龙腾雅居")["name"]?.string == "陈国栋")
    }

    @Test func aBookingIdWithUndoingWordsIsACancellation() {
        #expect(understand("我之前预约的YY20261127-0004不去了，帮我取消").intent == "activity.cancel")
        #expect(understand("我报了哪些活动，帮我查一下，电话13812345678").intent == "activity.bookings")
        #expect(understand("15019873344 这个号码之前报过事，能查到吗？想知道结果").intent == "grievance.status")
    }

    @Test func anAccountAskingWhetherItIsFairIsAReport() {
        #expect(understand("我们紫荆花园12栋的物业把公共绿地圈起来收停车费，业主都没同意，这合理吗？我姓周，13877001122").intent == "grievance.file")
        #expect(understand("我是富康名苑的业主，开发商当时承诺的幼儿园到现在都没建，孩子上学要跑好远，你们能帮忙问问吗，13922334455").intent == "grievance.file")
    }

    @Test func aTicketIdTurnsFiguresIntoThatTicketsProgress() {
        #expect(understand("君子布社区的工单化解情况怎么样").intent == "stats")
        #expect(understand("GL20261128-0007 化解情况怎么样").intent == "grievance.status")
    }

    @Test func namesAfterARoleOrACall() {
        #expect(slots("来电人称其父亲瘫痪在床，想申请救助，住在大水田老村，电话13645678901，来电人叫周晓燕")["name"]?.string == "周晓燕")
        #expect(slots("网格巡查发现：南国公馆2栋一楼商铺门口乱堆杂物，联系人物业经理何伟13822110099")["name"]?.string == "何伟")
        #expect(slots("泰华小区停车场有辆车的车窗被撬了，我是车主李强，电话13544332211")["name"]?.string == "李强")
    }

    @Test func forgettingWhichDayOneBookedAsksForOnesBookings() {
        #expect(understand("我忘了自己约的是哪天的课了，电话是15277665544").intent == "activity.bookings")
        #expect(understand("来电人询问其电话18676543210预约的活动情况").intent == "activity.bookings")
    }

    @Test func aNameSetApartByAFullStopBeforeTheMobile() {
        #expect(slots("和平家园9栋隔壁邻居养的狗天天叫，我孩子都被吓哭了。张丽 13903210987")["name"]?.string == "张丽")
    }

    @Test func aClassNoLongerNeededIsCancelledButACarParkPlaceIsTheUnits() {
        #expect(understand("明天下午四点半的托管不用了，孩子奶奶来了可以接，电话15989017790").intent == "activity.cancel")
        #expect(understand("YS20261128-0002 那个车位不用了，帮我退了").intent == "cobuild.resource.cancel")
    }

    @Test func progressAskedAfterReportingForWeeks() {
        #expect(understand("工资的事我们反映了半个月了，编号是GL20261115-0020，到底有没有人管啊").intent == "grievance.status")
        // 还没动静 with a supervision word is the operator's move.
        #expect(slots("GL20261119-0003拖了十来天了还没动静，督办一下")["action"]?.string == "supervise")
    }

    @Test func anUnlicensedClinicIsAReportNotALicenceRequest() {
        let u = understand("阳光小区门口那家诊所好像是黑诊所，没有执照还给人打针，我电话13233445566")
        #expect(u.intent == "grievance.file")
        #expect(u.slots["category"]?.string == "医疗健康")
    }

    @Test func theOperatorCallsASessionOffOrAddsAClass() {
        #expect(slots("12月2号的HD-010山歌传唱老师请假，那场取消")["action"]?.string == "cancel_session")
        #expect(slots("新增一个活动，桂花社区要办插花课")["action"]?.string == "add")
        // A resident's own booking undone is still a cancellation.
        #expect(understand("帮我把HD-005那个预约退了 电话15913367208").intent == "activity.cancel")
    }

    @Test func aUnitAskedToLendIsANeed() {
        #expect(understand("我们康乐新村停车太难了，附近单位能不能把车位借给我们用，大富社区").intent == "cobuild.need.add")
        #expect(understand("RW20261128-0002这个志愿任务我想报个名，我叫许刚").intent == "cobuild.volunteer.signup")
    }

    @Test func placesLeftAndASessionGivenUp() {
        #expect(understand("HD-014那个篮球赛还能报吗，还剩几个位置").intent == "activity.search")
        #expect(understand("我报的HD-014篮球赛不打了，13411112222").intent == "activity.cancel")
        #expect(understand("HD-009 的预约帮我取消 13811223344").intent == "activity.cancel")
    }

    @Test func aTicketAskedAfterAsDispatchedIsAProgressQuestion() {
        #expect(understand("想知道GL20261118-0021那单派下去没有").intent == "grievance.status")
        #expect(understand("我投诉了好几天了都没人理 13800138123 帮我查查").intent == "grievance.status")
    }

    @Test func aCallersNameEndsBefore来电() {
        #expect(slots("居民王秀英来电，称其在东方苑打工的工地老板拖欠工资三个月，电话13622228888")["name"]?.string == "王秀英")
    }

    @Test func meetingsHeldBeforeAreASearch() {
        #expect(understand("大富社区之前开过的党群议事会都有哪些？").intent == "cobuild.meeting.search")
        #expect(understand("大富社区下周三开个党群议事会").intent == "cobuild.meeting.schedule")
    }

    @Test func aReasonGivenForCallingASessionOffIsTheOperator() {
        #expect(slots("下周三的山歌传唱因为场地维修取消这一场")["action"]?.string == "cancel_session")
        // A resident with a phone who cannot come still cancels their own place.
        #expect(understand("明天的书法我有事，取消这场 13800138000").intent == "activity.cancel")
    }

    @Test func aWeekdaysNumeralIsNoCount() {
        // 下周三两个人: two people on Wednesday, not 32.
        #expect(slots("下周三两个人去书法班")["party_size"]?.int == 2)
        #expect(slots("周六三个人报书法")["party_size"]?.int == 3)
        #expect(slots("我们三个人去书法班")["party_size"]?.int == 3)
        // 三点两个人: a clock, then a count (两 is no decimal digit nor a minute said alone).
        let s = slots("周三下午三点两个人报书法")
        #expect(s["party_size"]?.int == 2)
        #expect(s["time"]?.string == "2026-12-02T15:00:00+08:00")
        #expect(slots("初三两个人报书法")["party_size"]?.int == 2)
        #expect(slots("十二个人报名书法")["party_size"]?.int == 12)
    }

    @Test func aBareClockSaidAfterAPartOfTheDayIsWithinIt() {
        #expect(slots("书香家园那边周四晚上有瑜伽，七点的，帮我报上")["time"]?.string == "2026-12-03T19:00:00+08:00")
        #expect(slots("明天上午的太极，九点半的帮我约")["time"]?.string == "2026-11-30T09:30:00+08:00")
        // A clock outside the part said is not that part's.
        #expect(slots("明天下午的书法，早上八点提醒我")["time"]?.string != "2026-11-30T20:00:00+08:00")
    }

    @Test func theCallersNameAfter我是() {
        let s = slots("香榭郦景3栋电梯坏了，我是刘建军 13798765401")
        #expect(s["name"]?.string == "刘建军")
        #expect(s["description"]?.string == "香榭郦景3栋电梯坏了")
        // An estate with its building after 我是 is where the caller lives.
        #expect(slots("我是金港苑7栋的租户，张国强，13312345670")["name"]?.string == "张国强")
    }

    @Test func 到底AfterAHouseNumberIsNoRangeOfDates() {
        #expect(slots("我是快递员，大富老村11号到底是哪个社区的")["building"]?.string == "11号")
    }

    @Test func anAccountAtAPlaceIsNotCalledOffBy算了() {
        #expect(understand("匿名反映，万象花园三栋有人聚众赌钱，电话就不留了吧……算了留一个 13055556666").intent == "grievance.file")
        #expect(understand("公交站牌被车撞歪了，车都不停了，我住观峰新村9栋，13566667777").intent == "grievance.file")
        #expect(understand("算了算了，不报了，我自己去找物业").intent == "cancel")
    }

    @Test func aNeedIdIsNoFirmsRequest() {
        #expect(understand("XQ20261102-0002 对方单位不给开放了，需求重新打开").intent == "cobuild.need.update")
        #expect(understand("QF20261102-0002 重新打开").intent == "enterprise.update")
    }

    @Test func aPartOfTheDayNamingASessionIsOnTheDaySaid() {
        // 这周四 said on a Sunday to book is the coming Thursday; 晚上那场 is that day's evening.
        #expect(slots("帮我约一下这周四的瑜伽 晚上那场 电话15766667777")["time"]?.string == "2026-12-03T18:00:00+08:00")
        // 晚上 telling when something happens is not a session.
        #expect(slots("我想约ZY20261008-0003的车位，明天用，晚上亲戚过来没地方停，电话13911223344")["time"]?.string
                == "2026-11-30T00:00:00+08:00")
    }

    @Test func aTicketIdSpeaksAgainstANewReport() {
        let u = understand("上礼拜投诉楼上噪音那个单子 GL20261120-0007 怎么一直没人联系我")
        #expect(u.intent == "grievance.status")
        #expect(u.slots["ticket_id"]?.string == "GL20261120-0007")
    }

    @Test func aHeadCountIsNoBookingBesideAServiceWeDoNotOffer() {
        #expect(understand("麻烦帮我订个酒店，下周三两个人住").intent == nil)
        // A problem told beside it is still a report.
        #expect(understand("我妈在星河新村那个社康打疫苗，排了一上午队说没货了，下次又说要预约，预约电话打不通，能不能帮忙问问。13927761120").intent
                == "grievance.file")
        #expect(understand("周三书法 两个人 13800138000").intent == "activity.book")
    }

    @Test func rounds119And120() {
        // 有个税务上的问题 is a firm's tax question, not 个税 (personal income tax, out of scope).
        #expect(understand("我们公司有个税务上的问题，去年的研发费用加计扣除没弄明白，想找专业的人问问").intent == "enterprise.request")
        #expect(understand("能帮我查一下个税退多少吗").intent == nil)
        #expect(understand("0003那张，GL20261128-0003，派下去给网格").slots["action"]?.string == "dispatch")
        #expect(understand("桂花社区那边的亲邻之家最近搞什么").intent == "activity.search")
        // A community's figures, not one's own bookings.
        #expect(understand("桂花社区的化解率和预约情况").intent == "stats")
        #expect(understand("我之前登记的会议室需求XQ20261102-0001，有单位愿意借了吗").intent == "cobuild.need.search")
    }

    @Test func rounds121And122() {
        // 辞退了 has 退了 in it: dismissal at a place is a report, not a cancelled booking.
        #expect(understand("我爸上个月在厂里干活把手压伤了，老板不给报工伤，还把他辞退了，我们住在祥和公馆9栋，13798761234").intent == "grievance.file")
        #expect(understand("取消一下我在HD-014报的名，电话13911113333").intent == "activity.cancel")
        #expect(understand("刚回访完GL20261121-0030，居民很不满意，说根本没人来处理过").slots["action"]?.string == "feedback")
        #expect(understand("睇下新澜社区所有D级嘅单").slots["grade"]?.string == "D")
        // A greeting is no time; a time said with no day gives way to one said with its day.
        #expect(slots("早上好，楼上那户的大狗昨天把我孙子扑倒了，我们住在润城新村11栋，电话13912121212")["time"]?.string == "2026-11-28T00:00:00+08:00")
        #expect(slots("我下班一般七点以后了，下周二晚上有瑜伽吗")["time"]?.string == "2026-12-01T18:00:00+08:00")
    }

    @Test func rounds125And126() {
        #expect(understand("帮忙订一下HD-037 下周日两点那场 电话13544556677").intent == "activity.book")
        #expect(slots("来电人王秀兰想报下周日上午十点的亲子阅读，天悦华府那个亲邻之家，电话13500387412")["venue"]?.string == "QL-07")
        #expect(understand("我妈上个月报的低保那个单子，号码是GL20261103-0012，她天天问我批下来没有，帮忙看看").intent == "grievance.status")
        #expect(understand("我们中科微生物想申请研发补助，今年研发投入挺大的，去年报过一次没批下来").intent == "enterprise.request")
        #expect(understand("我家在丰泽苑11栋，物业不管事，想直接找网格员，他叫什么").intent == "grid.lookup")
        #expect(slots("居民求助：金域新村8栋，老公喝醉了就打她，现在还在打，电话13690011223")["category"]?.string == "人身安全")
    }

    @Test func rounds127And128() {
        // 约一下下个月: 一下 and then 下个月, not 下下个月.
        #expect(slots("我电话13412341234，约一下下个月第一个周六的义诊，两个人")["time"]?.string == "2026-12-05T00:00:00+08:00")
        #expect(slots("帮我看一下下周三的书法")["time"]?.string == "2026-12-02T00:00:00+08:00")
        #expect(slots("下下周三的书法有吗")["time"]?.string == "2026-12-09T00:00:00+08:00")
        #expect(understand("QF20261120-0003 企业说贷款批下来了，可以办结").slots["action"]?.string == "close")
        #expect(understand("重新打开QF20261118-0004，企业说贷款没批下来").slots["action"]?.string == "reopen")
        #expect(understand("网上买的衣服想退货，怎么弄").intent == nil)
    }
}
