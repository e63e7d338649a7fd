import Testing
@testable import Understanding

/// Keyword slots and activity words as residents say them.
@Suite struct SlotWordsTests {
    /// 有没有义诊 asks about 义诊; 没有义诊 says there is none.
    @Test func aQuestionIsNotANegation() {
        let asked = Fixtures.understander.understand("桂花社区有没有义诊服务", context: Fixtures.context)
        #expect(asked.intent == "cobuild.service.search")
        #expect(asked.slots["kind"] == .string("义诊"))
        #expect(SlotFiller.occursAffirmed("义诊", in: "有没有义诊") && !SlotFiller.occursAffirmed("义诊", in: "没有义诊"))
    }

    /// A keyword right after a negation fills no slot (没有老人的活动, 别老人的); after 有没有
    /// it is asked about and fills it. (The negations are compared only where the character
    /// before the keyword ends one: `SlotFiller.negated`.)
    @Test(arguments: [("这周末没有老人的活动吗", nil), ("这周末别老人的活动", nil), ("这周末有没有老人的活动", "长者"),
                      ("这周末有什么适合老人的活动", "长者")] as [(String, String?)])
    func aKeywordAfterANegationFillsNoSlot(_ text: String, _ audience: String?) {
        let u = Fixtures.understander.understand(text, context: Fixtures.context)
        #expect(u.intent == "activity.search")
        #expect(u.slots["audience"] == audience.map { .string($0) }, "\(text)")
    }

    /// 智能手机课堂 is said 手机课 or 智能手机课, never 手机 alone (手机号); the slot
    /// drops the 课 that only says it is a class (as CONTRACT's 书法班 → 书法).
    @Test func classesAreSaidWithoutTheirHall() {
        let terms = ActivityVocabulary.terms(from: ["智能手机课堂"])
        #expect(terms.contains("手机课") && terms.contains("智能手机课") && !terms.contains("手机"))
        let u = Fixtures.understander.understand("俺想约那个周四的手机课 俺一个人去 号码13312345678", context: Fixtures.context)
        #expect(u.intent == "activity.book")
        #expect(u.slots["activity"] == .string("手机"))
        #expect(ActivityVocabulary.reported("智能手机课", catalogue: ["智能手机课堂"]) == "智能手机")
        #expect(ActivityVocabulary.reported("智能手机课堂", catalogue: ["智能手机课堂"]) == "智能手机课堂")
        #expect(ActivityVocabulary.reported("烘焙课", catalogue: ["烘焙课"]) == "烘焙课")
    }

    /// A system's line names a new activity in a field (round 251): its value, not a kind said in another field.
    @Test func anActivityNamedInAField() {
        let u = Fixtures.understander.understand("新增活动 HD-055 名称=插花 类型=文艺 场馆=QL-01 日程=周五 开始=19:00 时长=90 容量=20", context: Fixtures.context)
        #expect(u.intent == "activity.manage")
        #expect(u.slots["activity"] == .string("插花"))
        #expect(SlotFiller.activityNamedInField(Array("op=add activity_name=亲子烘焙,venue=QL-02".unicodeScalars)) == "亲子烘焙")
        // Not a field of its own (类型名称=…), or with nothing after it.
        #expect(SlotFiller.activityNamedInField(Array("类型名称=文艺 名称= 书法班".unicodeScalars)) == nil)
        #expect(SlotFiller.activityNamedInField(Array("书法班 周六".unicodeScalars)) == nil)
    }

    /// Anonymity as a 12345 ticket words it.
    @Test func anonymitySaidInAFormalTicket() {
        let u = Fixtures.understander.understand("市民反映碧桂名苑7栋1单元楼道声控灯损坏，市民电话13798765432，不愿透露姓名。", context: Fixtures.context)
        #expect(u.intent == "grievance.file")
        #expect(u.slots["anonymous"] == .string("yes"))
    }

    /// 谁都可以跳 ("anyone may dance") inside a resident's account is not a question.
    @Test func anyoneIsNotAQuestion() {
        let told = "我住在岭南华府21栋，楼下公园晚上有人跳舞到十点，她们说公园是公共的，谁都可以跳，希望社区协调一下"
        #expect(Fixtures.understander.understand(told, context: Fixtures.context).intent == "grievance.file")
        #expect(Fixtures.understander.understand("岭南华府21栋谁负责", context: Fixtures.context).intent == "grid.lookup")
    }
}
