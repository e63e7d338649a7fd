import Foundation
import Testing
@testable import Understanding

/// Details of callers' own accounts (rounds 55–56): landmarks, corrected
/// counts, dialect parts of the day, ids spelt out, ages, retold reports.
@Suite struct StoryDetailsTests {
    func understand(_ text: String) -> Understanding { Fixtures.understander.understand(text, context: Fixtures.context) }
    func slots(_ text: String) -> Slots { understand(text).slots }

    @Test func aPlayingFieldIsALandmarkNotTheActivity() {
        let u = understand("喂，凤凰小区篮球场旁边那个5栋，电梯又卡住不动了，电话13826774501")
        #expect(u.intent == "grievance.file")
        #expect(u.slots["building"]?.string == "5栋")
        // The activity itself still counts.
        #expect(slots("下周六篮球赛报名 2人")["activity"]?.string == "篮球")
    }

    @Test func aCountAfterACorrectionReplacesTheFirst() {
        #expect(slots("我们三口人想去看12月12号下午三点的篮球赛，算了，两个人吧，电话13798021546")["party_size"]?.int == 2)
        // Without a correction the first count stands.
        #expect(slots("我们三口人想去看12月12号下午三点的篮球赛，电话13798021546")["party_size"]?.int == 3)
    }

    @Test func partiesSaidInWords() {
        #expect(slots("12月5号上午九点的义诊，我想带我老伴一起去，电话13912340876")["party_size"]?.int == 2)
        #expect(slots("俺自个儿去，下周六的书法")["party_size"]?.int == 1)
        #expect(slots("给我家小孩报一个名，周六的书法")["party_size"]?.int == 1)
        #expect(slots("我们两个老姐妹想报周三的太极")["party_size"]?.int == 2)
        // "Me and two friends" is three, said as such.
        #expect(slots("星期五早上7点的太极拳，我和两个老伙计一起，三个人，联系电话13533332222")["party_size"]?.int == 3)
    }

    @Test func aHeadCountSaidAfterAPlaceIsNotPartOfIt() {
        let task = slots("发布志愿任务 库坑社区 下周六上午9点到12点 地点 丰泽小区 3人 内容 楼道清理")
        #expect(task["place"]?.string == "丰泽小区")
        #expect(task["headcount"]?.int == 3)
        #expect(slots("发布志愿任务 大水田社区 下周六上午9点到11点 地点 东方新村 内容 清理小广告 5人")["title"]?.string == "清理小广告")
        #expect(slots("队长说要在下周六上午9点到12点搞个清洁活动，大富社区，地点 和平小区，需要6个人，内容 楼道卫生清理")["place"]?.string == "和平小区")
        // A number that belongs to the place stays (香榭郦景3栋), and so does a count not set apart.
        #expect(slots("发布志愿任务 大富社区 下周日上午九点 地点 香榭郦景3栋门口 内容 垃圾分类宣传")["place"]?.string == "香榭郦景3栋门口")
    }

    @Test func theClassNamedAfterACorrectionIsTheOneBooked() {
        let u = understand("我想给孩子报书香家园的亲子阅读……不对，是周六的书法班，两个人，电话15914428290")
        #expect(u.intent == "activity.book")
        #expect(u.slots["activity"]?.string == "书法")
        // Without a correction the first class named stands.
        #expect(slots("我想给孩子报书香家园的亲子阅读，周六的，两个人")["activity"]?.string == "亲子阅读")
    }

    @Test func dialectPartsOfTheDay() {
        #expect(slots("涯想去周二夜晡七点个瑜伽，一个人，电话13509987634")["time"]?.string == "2026-12-01T19:00:00+08:00")
    }

    @Test func anIdSpeltOutWithItsSequence() {
        #expect(slots("你好，我拿到一个编号，G L 2 0 2 6 1 1 2 6 - 0 0 1 1，不知道现在处理得怎样了")["ticket_id"]?.string == "GL20261126-0011")
        // Grouped digits, then a phone: the sequence stays four digits.
        let u = understand("GL 2026 1127 0015 13812345678")
        #expect(u.entities.first { $0.type == .ticketId }?.value == .string("GL20261127-0015"))
    }

    @Test func anAgeIsNotTheYear() {
        let u = understand("同志啊，我今年七十八了，住在碧桂华府的十栋，电梯坏了，今天早上八点又停了")
        #expect(u.slots["time"]?.string == "2026-11-29T08:00:00+08:00")
        #expect(slots("今年十二月五号 书法")["time"]?.string == "2026-12-05T00:00:00+08:00")
    }

    @Test func aReportRetoldAtAPlaceIsFiled() {
        // The place and problem told again with 反映过: filed (no labelled progress check names a place).
        #expect(understand("喂，我是和平小区的，3栋后面，那个下水道又堵了，污水漫出来一地，上周反映过说马上来，到现在还没人来，13512398765").intent == "grievance.file")
        #expect(understand("我那个事到底有没有人去看啊？都好几天了，号码13302874519查一下").intent == "grievance.status")
    }

    @Test func noOneHurtIsNotAnInjury() {
        #expect(slots("網格巡查：碧桂華府７棟外牆瓷磚脫落，砸壞一輛車，暫無人員受傷，聯繫人13312345678")["category"]?.string != "人身安全")
        #expect(slots("香榭郦景3栋 楼道有人受伤了")["category"]?.string == "人身安全")
    }

    @Test func moreTraditionalCharacters() {
        #expect(slots("我係住桂花老村十五號嘅，門口條水溝塞咗，落雨水浸到入屋，13825519907")["category"]?.string == "市政设施")
    }

    @Test func aCountInChineseNumeralsWithItsMeasure() {
        #expect(slots("登记资源：澜信物流DW-003愿意拿出二十个车位，晚上七点到第二天早上八点，错时共享")["quantity"]?.string == "20个")
        #expect(CoBuildingPhrases.quantity(in: "两间会议室") == "2间")
        // 一 alone is no count, except before the measure of a room, a set or a machine (round 253).
        #expect(CoBuildingPhrases.quantity(in: "有一个想法") == nil)
        #expect(CoBuildingPhrases.quantity(in: "还有一件事") == nil)
        #expect(CoBuildingPhrases.quantity(in: "DW-014 新增资源 会议室一间 周六 14:00-17:00") == "1间")
        #expect(CoBuildingPhrases.quantity(in: "可以借一台投影仪") == "1台")
    }

    @Test func northernDayWords() {
        #expect(slots("后儿个晚上七点那瑜伽给我整一个名额，电话13012345678")["time"]?.string == "2026-12-01T19:00:00+08:00")
    }

    @Test func anOldVillageHouseNumberAfterLiving() {
        #expect(slots("我在黎光老村租房子，住6号，房东私自在楼顶又加盖了一层租出去，电话15900001111")["building"]?.string == "6号")
        #expect(slots("经过库坑老村那个巷子，就是8号那栋旁边，看见有个老人家倒在地上叫不醒")["building"]?.string == "8号")
        // A date with 号 is no house number.
        #expect(slots("库坑老村 住12号那天去看")["building"] == nil)
    }

    @Test func aClassForChildrenIsAnActivity() {
        let u = understand("我家小朋友放学没人带，有没有托管班")
        #expect(u.intent == "activity.search")
        #expect(u.slots["activity"]?.string == "托管")
        // A unit's service is still a service.
        #expect(understand("有没有单位提供托管服务").intent == "cobuild.service.search")
    }

    @Test func theWholeNameAfterTheSurname() {
        let u = slots("香榭郦景3栋 电梯坏了 我姓黄，黄秀英。电话13800001111")
        #expect(u["name"]?.string == "黄秀英")
        #expect(u["description"]?.string == "香榭郦景3栋 电梯坏了")
        #expect(slots("香榭郦景3栋 电梯坏了 我姓黄，黄色的门")["name"]?.string == "黄")
    }

    @Test func whoseNumberLeavesTheDescriptionWithIt() {
        #expect(slots("香榭郦景3栋 电梯坏了，我电话13512345678，谢谢")["description"]?.string == "香榭郦景3栋 电梯坏了,谢谢")
        #expect(slots("香榭郦景3栋 电梯坏了，反映人电话13212345678")["description"]?.string == "香榭郦景3栋 电梯坏了")
    }

    @Test func aMonthDayWithADotBeforeAPartOfTheDay() {
        #expect(slots("12.12下午3点篮球友谊赛 我们5个人组队来 13148826651")["time"]?.string == "2026-12-12T15:00:00+08:00")
        // Without one it stays a number.
        #expect(!understand("融资 12.12万").entities.contains { $0.type == .time })
    }

    @Test func aBookingVerbEndsAName() {
        #expect(slots("帮居民李秀英约礼拜五早上七点的太极拳，电话13533331111")["name"]?.string == "李秀英")
    }

    @Test func theCommandWordStaysInsideAnAccount() {
        #expect(slots("公司刚成立，营业执照的经营范围想变更，不知道去哪里办，电话13528841163")["description"]?.string
                == "公司刚成立,营业执照的经营范围想变更,不知道去哪里办")
        #expect(slots("报事 香榭郦景3栋 电梯坏了")["description"]?.string == "香榭郦景3栋 电梯坏了")
        #expect(slots("匿名举报 香榭郦景3栋楼顶违章搭建")["description"]?.string.contains("举报") == false)
    }

    @Test func aVisitNoteWithAResidentsNumberIsAReport() {
        // No labelled visit record carries a phone; a resident's problem with one is filed (channel 入户走访).
        let u = understand("入户走访时了解到：金地小区15栋的张阿婆生活困难，低保还没批下来，联系电话13677770001")
        #expect(u.intent == "grievance.file")
        #expect(u.slots["channel"]?.string == "入户走访")
        #expect(understand("今天去了香榭郦景3栋结对户入户走访，老人身体还行").intent == "cobuild.visit.record")
    }

    @Test func aHouseNumberWithAWordOfWhere() {
        #expect(slots("涯系库坑老村个，涯屋门口6号旁边有人搭铁皮屋违建，占咗成条路，电话13798765432")["building"]?.string == "6号")
    }

    @Test func meAndSomeoneSaidTheOtherWayRound() {
        #expect(slots("我想和我老伴一起去下周六上午九点半的书法班，电话13500002222")["party_size"]?.int == 2)
        #expect(slots("店里两个小姑娘下了班想去练练瑜伽，礼拜四晚上七点，帮她们约一下")["party_size"]?.int == 2)
    }

    @Test func aTimeAfterACorrectionReplacesTheFirst() {
        #expect(slots("我想报名明天下午的 嗯 不是 是下周日下午两点的电工培训 电话13500001111")["time"]?.string == "2026-12-06T14:00:00+08:00")
        // A range is one time, not a correction.
        #expect(slots("明天下午两点到四点 书法")["time"]?.string == "2026-11-30T14:00:00+08:00")
    }

    @Test func aVolunteerTaskLooksAhead() {
        #expect(slots("发布个志愿任务 这周六上午九点 牛湖社区 需要5个志愿者")["time"]?.string == "2026-12-05T09:00:00+08:00")
    }

    @Test func aCoarseTimeGivesWayToAFinerOne() {
        #expect(slots("碧桂华府的十栋，我们那个电梯啊，这个月坏了三回了，今天早上八点又停了，电话13145678902")["time"]?.string
                == "2026-11-29T08:00:00+08:00")
        // Alone, the month stands.
        #expect(slots("大富社区这个月的工单")["time"]?.string == "2026-11-01T00:00:00+08:00")
    }

    @Test func aVerbAfterTheCallerMarkerIsNoName() {
        #expect(slots("来电人称她是香榭郦景3栋的住户，楼上漏水，姓李")["name"]?.string != "称她")
        #expect(slots("来电人王秀英说她住在丰泽小区十二栋，楼上漏水")["name"]?.string == "王秀英")
    }

    @Test func aBookingForSomeoneElseIsNoVolunteerTask() {
        #expect(understand("女儿来电，要给她妈妈约明天早上7点的太极拳，就她妈一个人，电话13800001111").intent == "activity.book")
        #expect(understand("桂花社区下周六上午9点到12点要人帮忙搞卫生，地点书香家园，需要5个人").intent == "cobuild.volunteer.task")
    }

    // Rounds 67–70.

    @Test func aReportRetoldAfterAnEarlierCallIsFiled() {
        #expect(understand("上次打过电话了没人管，还是那个事，香榭郦景3栋门口路面塌了一个坑").intent == "grievance.file")
        // Without a place it is still a progress check.
        #expect(understand("上次打过电话了，到现在还没人管，怎么回事").intent == "grievance.status")
    }

    @Test func aStoryWithAPhoneIsNoHelpQuestion() {
        #expect(understand("那个智能手机课堂，下礼拜四上午十点的，我还想去，这回老师讲怎么用微信付款，我电话13988776655").intent == "activity.book")
        #expect(understand("这个怎么用").intent == "help")
    }

    @Test func aClockBeforeAWordStartingWithOne() {
        #expect(slots("礼拜四上午十点一起去学用手机，我们两个人")["time"]?.string == "2026-12-03T10:00:00+08:00")
        #expect(slots("下周四上午十点一刻的手机课 1人")["time"]?.string == "2026-12-03T10:15:00+08:00")
    }

    @Test func aNightSaidAsALengthIsNoTime() {
        let u = understand("我想借用ZY20261008-0003的车位，我明天想停一晚上，车牌粤B12345")
        #expect(u.slots["time"]?.string == "2026-11-30T00:00:00+08:00")
        #expect(slots("周一晚上的瑜伽 1人")["time"]?.string == "2026-11-30T18:00:00+08:00")
    }

    @Test func aPastDayGivesWayForWhatIsToCome() {
        #expect(slots("我老伴儿昨天晚上发烧了，明天那场太极拳我们去不了，我的号是13855554444，取消掉吧")["time"]?.string == "2026-11-30T00:00:00+08:00")
        // A report keeps the day it happened.
        #expect(slots("香榭郦景3栋昨天晚上停电了，今天还没来，电话13800001111")["time"]?.string == "2026-11-28T18:00:00+08:00")
    }

    @Test func aDayAndALaterClockAreOneTime() {
        #expect(slots("12月5号健康义诊帮我登记一下，9点开始那个，电话18600001234")["time"]?.string == "2026-12-05T09:00:00+08:00")
        // A day alone stays a day.
        #expect(slots("12月5号健康义诊帮我登记一下，电话18600001234")["time"]?.string == "2026-12-05T00:00:00+08:00")
    }

    /// 现在 is when the line is said: a booking's session is the time said after it.
    @Test func nowBeforeTheSessionIsNotTheSession() {
        #expect(slots("现在预约12月5日的书法课 2人")["time"]?.string == "2026-12-05T00:00:00+08:00")
        #expect(slots("马上帮我取消明天下午的瑜伽")["time"]?.string == "2026-11-30T12:00:00+08:00")
        // Said alone, it stays.
        #expect(slots("现在还能预约书法课吗 2人")["time"]?.string == "2026-11-29T09:00:00+08:00")
    }

    @Test func namesBetweenSpacesAndBeforeJiuXing() {
        #expect(slots("周四晚上7点的轻松瑜伽给我留一个位 13611112222 杨洁 别再给我弄成候补了")["name"]?.string == "杨洁")
        #expect(slots("HD-014那个篮球赛，两个人，我电话13499998888，名字写王强就行")["name"]?.string == "王强")
        #expect(slots("周四晚上7点的轻松瑜伽给我留一个位 13611112222 别再给我弄成候补了")["name"] == nil)
    }

    @Test func aHashIsABuilding() {
        #expect(slots("泰华雅居15#楼 外墙瓷砖脱落 13912345678")["building"]?.string == "15栋")
        #expect(slots("香榭郦景3# 漏水 13800001111")["building"]?.string == "3栋")
    }

    @Test func everydayOperatorMoves() {
        #expect(slots("GL20261127-0015那个楼道漏水的，情况属实，这件事咱们这边接下来了")["action"]?.string == "accept")
        #expect(slots("主任交代说GL20261110-0030这个拖了快二十天了，一直没动静，给它挂上督办")["action"]?.string == "supervise")
        #expect(understand("GL20261125-0003 处理完了没有").intent == "grievance.status")
    }

    @Test func theSameDaySaidAgainWithItsHour() {
        #expect(slots("我跟我老公明天都要加班，两个娃放学没人接，明天下午四点半的课后托管，给我家两个娃报一下，电话13800001111")["time"]?.string == "2026-11-30T16:30:00+08:00")
    }

    @Test func meAndSomeoneGoing() {
        #expect(slots("我和我妈想去下周六的书法班")["party_size"]?.int == 2)
        #expect(slots("老公和我两个想去下周三下午三点的山歌传唱，帮我们报个名")["party_size"]?.int == 2)
        // Two ideas are no party.
        #expect(slots("我有两个想法，下周六的书法班能不能改到晚上")["party_size"] == nil)
    }

    @Test func theCatalogueActivityBeforeAnAside() {
        #expect(slots("她自己又不会用手机报名，我想给她报一个，就是明天早上七点大富那个太极拳，电话13800001111")["activity"]?.string == "太极拳")
        #expect(slots("我妈想学用手机，下周四的课帮她报一个")["activity"]?.string == "手机")
    }

    @Test func whoTheCallerIsToTheOneConcerned() {
        #expect(slots("明天的课后托管 两个娃 电话13410098877，我是孩子妈妈林小燕")["name"]?.string == "林小燕")
    }

    @Test func aCorrectedDayWithItsClockLater() {
        #expect(slots("预约明天……哦不，后天的课后托管，下午四点半，一个孩子，电话13987654321")["time"]?.string == "2026-12-01T16:30:00+08:00")
    }

    @Test func theHeadCountOutweighsPeopleCountedByWho() {
        #expect(slots("礼拜二晚上七点的瑜伽，我跟我两个同事一起去，三个人，号码18612345678")["party_size"]?.int == 3)
        #expect(slots("礼拜二晚上七点的瑜伽，三个人，其中两个同事，号码18612345678")["party_size"]?.int == 3)
    }

    @Test func aBuildingMistypedBySound() {
        #expect(slots("水岸花园8懂电梯困人了！！两个老人在里面 13511110000")["building"]?.string == "8栋")
    }

    @Test func aNumberSaidBeforeThePhone() {
        let u = understand("请帮忙：嘉园花园十二栋 有个老人倒在地上叫不醒!! 已经打了120 13922220025")
        #expect(u.slots["phone"]?.string == "13922220025")
        // A mobile written in groups stays one number.
        #expect(slots("香榭郦景3栋漏水 电话 138 0013 8000")["phone"]?.string == "13800138000")
    }

    @Test func aSurnameAloneAfterTheContactMarker() {
        #expect(slots("居民来电/凤凰雅居12栋/化粪池冒出来了满地都是/臭/联系人黄/13411223344")["name"]?.string == "黄")
        #expect(slots("我是住在清湖小区的老李，李国强，小区里的树枝断了挂在电线上面，电话13412345678")["name"]?.string == "李国强")
    }

    @Test func oneSaidWithoutPeople() {
        #expect(slots("阿妹，我想报个智能手机课堂，周四上午十点那场，我老人家一个，电话13512345678")["party_size"]?.int == 1)
        #expect(slots("下周六上午九点半那个书法班给我报一个吧，电话15800001111")["party_size"]?.int == 1)
    }

    @Test func oneBuildingCountedIsNoBuildingNumber() {
        #expect(understand("我们有一栋闲置厂房 3000平 想出租").intent == "enterprise.request")
        // A firm's problem at a residential building is a report.
        #expect(understand("店里仓库在和平家园12栋负一楼，这几天一下雨地下室就倒灌，货都泡了，麻烦你们派个人看看，刘芳 13566667777").intent == "grievance.file")
    }

    @Test func aHouseNumberBeforeALane() {
        #expect(slots("党员下沉报一下：桂香老村7号后巷的垃圾好几天没人清了，电话13800001111")["building"]?.string == "7号")
    }

    @Test func aPlaceHeldForOne() {
        #expect(slots("后天下午四点半的课后托管，给我儿子占一个，13588881234")["party_size"]?.int == 1)
        #expect(slots("明天下午四点半课后托管，给我家老二算一个，13677778888")["party_size"]?.int == 1)
    }

    @Test func aTicketAskedAfterByTheNumberItWasFiledFrom() {
        #expect(understand("阿姨说她儿子上个星期帮她报了个漏水，她不记得单号，只知道留的是她儿子电话13812341234，问有没有人去处理").intent == "grievance.status")
        #expect(understand("你好，我前天打过电话投诉楼道灯的事，工单号是GL20261127-0015，我想问问现在到底有没有人去处理").intent == "grievance.status")
    }

    @Test func aSurnameAloneBeforeTheNumberInShorthand() {
        #expect(slots("永安花园10栋/楼道灯不亮/张 13455556666")["name"]?.string == "张")
        #expect(slots("俺想给俺家俩小子报个下周六的篮球友谊赛，电话13455556666")["party_size"]?.int == 2)
    }

    @Test func theCountSaidWithTheBookingVerb() {
        #expect(slots("礼拜四上午十点那个智能手机课堂，我和我老伴都不会用手机，先给我报一个吧，电话13500001111")["party_size"]?.int == 1)
        #expect(slots("我想报後日下晝四点半嘅课后托管，一个细路，电话13500001111")["party_size"]?.int == 1)
    }

    @Test func aReportAtAHomeIsNoFirmsProgress() {
        #expect(understand("同志你好，我是碧桂名苑十六栋的老住户了，我们这栋的消防栓玻璃都碎了，里面水带也没了，之前跟网格员提过一次，一直没下文，我电话13711112222").intent == "grievance.file")
        #expect(understand("我们精创智能装备之前报了个专精特新奖励的申报，一直没下文，我想知道进展").intent == "enterprise.status")
    }

    @Test func aCountAsAClauseOfItsOwn() {
        #expect(slots("给我孩子预约明天下午四点半的课后托管，1个，家长电话13677778888")["party_size"]?.int == 1)
        #expect(slots("下周五早上七点太极拳报名，我自己，13788889999")["party_size"]?.int == 1)
    }
}

