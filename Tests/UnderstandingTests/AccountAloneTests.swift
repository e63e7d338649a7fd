import Foundation
import Testing
@testable import Understanding

/// A wrong told without a place or a phone (rounds 154 and 162: wages, a loan, a
/// fight at school, a landlord): grievance.file's words-alone fallback (`entity:
/// none`) files it, and the dialogue asks for the place. Any trigger still wins
/// over it, and so does an out-of-scope word unless the line gives a phone.
@Suite struct AccountAloneTests {
    func understand(_ text: String) -> Understanding { Fixtures.understander.understand(text, context: Fixtures.context) }

    @Test func aWrongToldWithoutAPlaceIsAReport() {
        for text in ["我是保安，在厂里上了两年班，一天十二个小时一个月就休两天，也没签合同，现在说辞就辞",
                     "房东突然说要卖房，叫我们一个礼拜之内搬走，合同还有八个月呢，押金也不肯退",
                     "路边那个垃圾站臭得不得了，夏天冬天都一样"] {
            let u = understand(text)
            #expect(u.intent == "grievance.file", "\(text)")
            #expect(u.confidence < 0.7, "a fallback's confidence: \(text)")
        }
    }

    @Test func itOutweighsAnEntityAlone() {
        // 五万块 alone would be a firm's financing request (money, 10); 拉黑 tells a wrong done.
        #expect(understand("我借给朋友五万块，说好半年还，现在两年了，微信拉黑电话不接").intent == "grievance.file")
    }

    @Test func itNeverOutweighsATriggerOrAnOutOfScopeWord() {
        #expect(understand("我想查一下上周报的漏水处理了没有 13800138000").intent == "grievance.status")
        // Chit-chat and services we do not offer stay out of scope even with a word of trouble in them.
        #expect(understand("老婆跟我吵架了心情不好").intent == nil)
        #expect(understand("银行卡被锁了怎么办").intent == nil)
    }

    @Test func withAPhoneItHoldsAgainstAnOutOfScopeWord() {
        // 外卖 is a service we do not offer; a rider whose week's pay was kept back, with a phone, is a report.
        #expect(understand("我是送外卖的，平台说我超时，把我这周的钱全扣了，站长也不管，电话17811223344").intent == "grievance.file")
        // Without a phone, a word weighing less than the service named leaves the line out of scope.
        #expect(understand("点外卖的时候被骗了").intent == nil)
    }

    @Test func anOutOfScopeWordInsideTheTriggerIsPartOfIt() {
        // 社保 is a service we do not offer; 不给交社保 is a wrong done by an employer (round 236).
        #expect(understand("我在深圳市德创科技有限公司上班 老板不给交社保 还扣工资").intent == "grievance.file")
        // Said apart from the trigger, it still counts.
        #expect(understand("帮我查一下社保").intent == nil)
    }

    @Test func aWrongToldAtLengthOutweighsTheServiceItNames() {
        // 社康 and 打疫苗 are services we do not offer; a complaint about them is a report.
        #expect(understand("社康中心打疫苗要排一上午，能不能多开个窗口，我是请假去的要扣钱").intent == "grievance.file")
        #expect(understand("我们这边社康中心下午两点就关门了，上班的人根本来不及去拿药打针，能不能把时间延长一点").intent == "grievance.file")
        // Asking for the service itself stays out of scope.
        #expect(understand("帮我预约一下明天去社康打疫苗").intent == nil)
        #expect(understand("帮我挂个社康的号，我要看牙").intent == nil)
    }

    @Test func theAccountKeepsItsWords() {
        // A two-part trigger (拖欠…工资, 借给…拉黑) is the account itself: the description keeps it,
        // and filing classifies what the description says.
        #expect(understand("老板拖欠工资三个月了").slots["description"]?.string == "老板拖欠工资三个月了")
        #expect(understand("我借给朋友五万块，说好半年还，现在两年了，微信拉黑电话不接").slots["description"]?.string
                == "我借给朋友五万块,说好半年还,现在两年了,微信拉黑电话不接")
        // A command word that opens the line still goes.
        #expect(understand("报事 香榭郦景3栋电梯坏了").slots["description"]?.string == "香榭郦景3栋电梯坏了")
    }

    @Test func theWordsAloneNeedAWord() {
        // No word of a wrong done: nothing to file.
        #expect(understand("我今天心情很好，想找人聊聊天").intent == nil)
    }

    @Test func aPlaceAndTheClassNamedAskForTheClass() {
        // Round 190: the four characters after the place are the activity, not an account of a wrong there.
        for text in ["新澜社区亲子阅读", "新澜社区书法班"] {
            #expect(understand(text).intent == "activity.search", "\(text)")
        }
        // Words beyond the class still tell a story there.
        #expect(understand("新澜社区亲子阅读室漏水好几天了").intent == "grievance.file")
    }

    /// An out-of-scope word outweighs a search or a firm's request that has nothing of its own to work on:
    /// a time alone is no activity, an amount alone no firm (rounds 252, 257).
    @Test func aTimeOrAnAmountAloneIsNoSubstance() {
        for text in ["这个月养老金啥时候到账啊", "成人高考在哪报名", "我想贷款二十万装修房子 你们能帮我对接银行吗", "帮我取消明天下午的牙科预约"] {
            #expect(Fixtures.understander.understand(text, context: Fixtures.context).intent == nil, "\(text)")
        }
        #expect(Fixtures.understander.understand("这个月有什么活动", context: Fixtures.context).intent == "activity.search")
        #expect(Fixtures.understander.understand("帮我取消明天下午的书法课", context: Fixtures.context).intent == "activity.cancel")
        #expect(Fixtures.understander.understand("深圳市鸿澜科技有限公司想贷款五百万", context: Fixtures.context).intent == "enterprise.request")
    }
}
