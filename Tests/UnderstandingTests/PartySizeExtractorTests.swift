import Foundation
import Testing
@testable import Understanding

@Suite struct PartySizeExtractorTests {
    static let ctx = ParseContext(now: Date(timeIntervalSince1970: 0), timeZone: TimeZone(identifier: "Asia/Shanghai")!)

    @Test(arguments: [
        ("书法班 2人", "2人", 2.0), ("两位", "两位", 2), ("三个人", "三个人", 3), ("一家三口", "一家三口", 3),
        ("两大一小", "两大一小", 3), ("3位", "3位", 3), ("我们俩人", "俩人", 2), ("五口人", "五口人", 5), ("十二个人", "十二个人", 12),
        ("我同我老婆两个去", "两个", 2), ("我们三个来", "三个", 3), ("就我一个，13922220000", "一个", 1), ("健康义诊 就她一个 名字叫王秀英", "一个", 1), ("报名 瑜伽 我和同事俩 13510063382", "俩", 2), ("亲子阅读，大人小孩一共三个，13612345678", "三个", 3), ("义诊帮我和老伴预约一下", "我和老伴", 2), ("报两个名额，联系人陈浩", "两个", 2), ("亲子阅读 两个娃 13800001111", "两个", 2), ("算我一个", "一个", 1),
        ("我和孩子两个，电话18676543210", "两个", 2), ("帮孩子约一个 电话13433445566", "一个", 1), ("瑜伽我要报两个", "两个", 2), ("课后托管 1个小孩 15012348765", "1个", 1), ("两个大人", "两个", 2), ("HD-016 明天 孩子一个 家长电话13760312287", "一个", 1), ("就她自己，电话13923378810", "就她自己", 1),
        ("op=book party=2 phone=18612345678", "2", 2), ("电工入门课 我跟我老公 两个 电话13456789012", "两个", 2), ("人数:3", "3", 3), ("action=book size=3 tel=13711112222", "3", 3),
        ("下周日上午十点，我们俩一起去", "俩", 2), ("下周六早上的书法，我跟我女儿一起", "我跟我女儿一起", 2), ("给我和我爱人登记一下", "我和我爱人", 2),
        // 我哋 is 我们 in Cantonese
        ("篮球友谊赛 12月12号下午三点 我哋两个 报名", "两个", 2),
        // after 报名 / 预约, and a count standing between blanks of a booking line (rounds 251, 254)
        ("义诊 12月5日上午 报名两个 库坑那边的 电话13922117654", "两个", 2), ("约瑜伽 后天晚上7点 桂花社区 2个 电话18899001234", "2个", 2),
    ])
    func finds(text: String, span: String, value: Double) {
        let found = PartySizeExtractor().extract(from: ScalarText(text), context: Self.ctx)
        #expect(found.count == 1)
        #expect(found.first?.text == span)
        #expect(found.first?.value == .number(value))
    }

    @Test(arguments: ["两个", "三个小时", "人民币", "两位数", "3栋", "两个苹果", "我一个朋友说", "他们两个", "我和他说了两个", "约一个时间", "third_party=2", "party=2026", "报名两个月了", "车位 40个"])
    func rejects(text: String) {
        #expect(PartySizeExtractor().extract(from: ScalarText(text), context: Self.ctx).isEmpty)
    }
}
