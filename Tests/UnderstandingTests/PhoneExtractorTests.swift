import Foundation
import Testing
@testable import Understanding

@Suite struct PhoneExtractorTests {
    static let ctx = ParseContext(now: Date(timeIntervalSince1970: 0), timeZone: TimeZone(identifier: "Asia/Shanghai")!)
    static func phones(_ t: String) -> [Entity] { PhoneExtractor().extract(from: ScalarText(Normalizer.normalize(t)), context: ctx) }

    @Test(arguments: [
        ("电话13800138000", "13800138000", "13800138000"),
        ("手机 138 0013 8000", "138 0013 8000", "13800138000"),
        ("联系方式:138-0013-8000", "138-0013-8000", "13800138000"),
        ("我的号是15912345678谢谢", "15912345678", "15912345678"),
        // 。 (normalised to ".") ends a sentence: no decimal point before the phone.
        ("请尽快处理，谢谢。13528283838", "13528283838", "13528283838"),
        ("+86 13800138000", "+86 13800138000", "13800138000"),
        ("座机0755-12345678", "0755-12345678", "075512345678"),
        ("075512345678", "075512345678", "075512345678"),
        ("打2345-6789", "2345-6789", "23456789"),
        ("电话23456789", "23456789", "23456789"),
        ("手机：１３８００１３８０００", "13800138000", "13800138000"),
        // Said digit by digit in characters, 幺 for 1 and 两 for 2 as in phone readings.
        ("电话一三九二七七八四五零一", "一三九二七七八四五零一", "13927784501"),
        ("号码是幺三八零零幺三八零零零", "幺三八零零幺三八零零零", "13800138000"),
        ("电话八六二三四五六七", "八六二三四五六七", "86234567"),
        ("我电话一三六 一二三四 五六七八", "一三六 一二三四 五六七八", "13612345678"),
        // A mobile read out in its three groups, the pauses written as commas (rounds 201–205).
        ("电话一三五，零零七六，二二一八", "一三五,零零七六,二二一八", "13500762218"),
        ("电话135，0076，2218", "135,0076,2218", "13500762218"),
        ("电话 138、1234、5678", "138,1234,5678", "13812345678"),
        // read out in characters, the groups are wherever the caller paused (round 252)
        ("我电话系一三五，零九八，七六，五四三，唔该晒", "一三五,零九八,七六,五四三", "13509876543"),
        ("电话幺三八、零零，幺三八、零零零", "幺三八,零零,幺三八,零零零", "13800138000"),
        // A plate's last digit is not joined to the phone after it.
        ("粤B3K8Q1 13987651200", "13987651200", "13987651200"),
    ])
    func finds(text: String, span: String, value: String) {
        let found = Self.phones(text)
        #expect(found.count == 1)
        #expect(found.first?.text == span)
        #expect(found.first?.value == .string(value))
    }

    @Test(arguments: ["GL20261129-0001", "日期：2026-12-05 人数：1", "1380013800012345", "12800138000", "20261129", "订单号A13800138000", "金额13800138000.5",
                      "一二三四五六七八", "一千三百八十万零一百三十八", "138，1234，56789", "第1、2、3名", "128,0013,8000", "二零二六年十一月", "三七二十一",
                      // typed digits in other groups are an amount with thousands separators, not a phone
                      "金额13,812,345,678元", "一三五，零九八，七六", "一三五，零九八，七六，五四三二一"])
    func rejects(text: String) {
        #expect(Self.phones(text).isEmpty)
    }
}
