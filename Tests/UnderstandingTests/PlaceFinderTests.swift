import Testing
@testable import Understanding

@Suite struct PlaceFinderTests {
    static func summary(_ text: String) -> String {
        guard let p = Fixtures.place(text) else { return "-" }
        return [p.community ?? "?", p.estate ?? "?", p.building ?? "?"].joined(separator: "|")
    }

    @Test(arguments: [
        // building labels
        ("香榭郦景3栋", "大富社区|香榭郦景|3栋"), ("香榭郦景3号楼", "大富社区|香榭郦景|3栋"),
        ("香榭郦景三栋", "大富社区|香榭郦景|3栋"), ("香榭郦景第三幢", "大富社区|香榭郦景|3栋"),
        ("香榭郦景３栋", "大富社区|香榭郦景|3栋"), ("香榭郦景 3栋", "大富社区|香榭郦景|3栋"),
        // filler words between the estate and its building; the village said without 老
        ("荔园那边2栋的电梯异响", "桂花社区|荔园华府|2栋"), ("涯系桂花老村个，十二号屋背个水管爆忒了", "桂花社区|桂花老村|12号"),
        ("报事 大富村7号 屋顶漏雨", "大富社区|大富老村|7号"),
        // a short form pointed at (那边, 嗰度, 那旮沓), with or without its building
        ("润泽那旮沓16栋楼上漏水", "大水田社区|润泽花园|16栋"), ("阿姐我同你讲，锦绣嗰度啲老鼠多到爆", "广培社区|锦绣苑|?"),
        ("香榭郦景的3栋", "大富社区|香榭郦景|3栋"), ("香榭郦景3座", "大富社区|香榭郦景|3栋"),
        ("明珠小区二十二座", "大富社区|明珠小区|22栋"), ("明珠小区第七幢", "大富社区|明珠小区|7栋"),
        ("明珠小区廿一栋", "大富社区|明珠小区|21栋"), ("大富老村8号", "大富社区|大富老村|8号"),
        ("大富老村8号楼", "大富社区|大富老村|8号"),
        // a building said apart from the estate
        ("香榭郦景那边 我们5栋电梯坏了", "大富社区|香榭郦景|5栋"), ("我住明珠小区，七幢楼下很吵", "大富社区|明珠小区|7栋"),
        ("5栋电梯坏了", "?|?|5栋"),
        // a place corrected mid-sentence: what follows the correction wins
        ("观峰公馆 三栋 不对 是五栋的 电梯又坏了", "大富社区|观峰公馆|5栋"),
        ("我们福安家园三栋 不是 是八栋 八栋的下水道反水", "大富社区|福安家园|8栋"),
        ("我住在瑞景小区 啊不是 瑞景苑 瑞景苑 十栋 垃圾桶满了", "库坑社区|瑞景苑|10栋"),
        // Cantonese 唔系 (不是) between stops (round 252)
        ("嗯那个康乐苑，三栋，唔系，四栋，四栋天台个水箱漏水", "新澜社区|康乐苑|4栋"),
        ("香榭郦景3栋 物业做得不对 电梯坏了", "大富社区|香榭郦景|3栋"),
        // an old village's house number after a home word, not the 9th of the month
        ("广培老村要旧改 补偿方案没公示 我家是9号", "广培社区|广培老村|9号"), ("香榭郦景电梯坏了 我家是9号", "大富社区|香榭郦景|?"), ("捱系大水田老村的，屋门牌係十号", "大水田社区|大水田老村|10号"), ("大水田老村旧改的补偿方案 我是12号的住户", "大水田社区|大水田老村|12号"), ("库坑老村拆迁补偿没谈拢，我们家4号那栋房子", "库坑社区|库坑老村|4号"),
        // a short form several estates share, and a building only one of them has
        ("美泉20栋停电了", "大富社区|美泉名苑|20栋"),
        // the building said at a later mention of the estate
        ("库坑老村旧改的补偿款没谈拢，我家是库坑老村15号，电话13827096612", "库坑社区|库坑老村|15号"),
        // not a building
        ("香榭郦景5号楼", "大富社区|香榭郦景|5栋"), ("明珠小区的事 5号上午来修", "大富社区|明珠小区|?"), ("明珠小区 12月5号", "大富社区|明珠小区|?"),
        // typos and sound-alikes
        ("香榭丽景3栋", "大富社区|香榭郦景|3栋"), ("香谢丽景3栋", "大富社区|香榭郦景|3栋"),
        ("香榭景3栋", "大富社区|香榭郦景|3栋"), ("香榭郦京3栋", "大富社区|香榭郦景|3栋"),
        ("榭香郦景3栋", "大富社区|香榭郦景|3栋"), ("明朱小区5栋", "大富社区|明珠小区|5栋"),
        ("东方园3栋", "君子布社区|东方苑|3栋"), ("华亭苑2栋", "牛湖社区|华庭苑|2栋"),
        // traditional characters
        ("香榭酈景3棟", "大富社区|香榭郦景|3栋"), ("瀾灣名苑5棟", "新澜社区|澜湾名苑|5栋"),
        // communities: full, short, sound-alike
        ("大富社区", "大富社区|?|?"), ("大富那边", "大富社区|?|?"), ("大福社区", "大富社区|?|?"),
        ("报事/大富/香榭郦景3栋/电梯困人", "大富社区|香榭郦景|3栋"),
        // nothing
        ("今天天气不错", "-"), ("我要预约书法班", "-"), ("", "-"),
    ])
    func finds(text: String, expected: String) {
        #expect(Self.summary(text) == expected, "«\(text)»")
    }

    @Test func anEstateInTwoCommunitiesIsAmbiguous() {
        let p = Fixtures.place("翠湖花园3栋漏水")
        #expect(p?.estate == "翠湖花园")
        #expect(p?.community == nil)
        #expect(Set(p?.candidates ?? []) == ["大富社区", "桂香社区"])
        let named = Fixtures.place("桂香社区翠湖花园3栋漏水")
        #expect(named?.community == "桂香社区")
        #expect(named?.candidates == [])
    }

    @Test func confidenceFallsWithTheDistance() {
        #expect(Fixtures.place("香榭郦景3栋")?.confidence == 1)
        let soundAlike = Fixtures.place("香谢郦景3栋")?.confidence ?? 0
        let typo = Fixtures.place("香榭景3栋")?.confidence ?? 0
        #expect(soundAlike >= 0.85 && soundAlike < 1)
        #expect(typo >= 0.6 && typo < soundAlike)
    }

    @Test func twoEquallyCloseEstatesAreNotGuessed() {
        // 宝安花园 is one character from 宝湖花园 and from 永安花园.
        #expect(Fixtures.place("宝安花园3栋")?.estate == nil)
    }

    @Test func anEstateWithOneOfItsTwoOwnCharactersWrongIsNotGuessed() {
        // 幸福里小区 and 碧水湾小区 are not in the gazetteer: their windows 福里小区 and 水湾小区 are one
        // character from 福安小区 and 澜湾小区, but that character is half the name's own part.
        #expect(Fixtures.place("幸福里小区3栋 楼道灯坏")?.estate == nil)
        #expect(Fixtures.place("碧水湾小区2栋楼道里有人堆放油漆桶")?.estate == nil)
        // A sound-alike in the own part, or a mistake in the ending, is still the estate.
        #expect(Fixtures.place("福按小区3栋楼道灯坏了")?.estate == "福安小区")
        #expect(Fixtures.place("明朱小区5栋")?.estate == "明珠小区")
    }

    @Test(arguments: ["DF-01-02", "df-01-02", "查询网格 DF-01-02-1"])
    func gridCodes(text: String) {
        #expect(Fixtures.place(text)?.gridCode?.hasPrefix("DF-01-02") == true)
    }

    @Test func pathologicalInputIsBounded() {
        let junk = String(repeating: "香榭丽景花园小区3栋", count: 10_000)
        let clock = ContinuousClock()
        let elapsed = clock.measure { _ = Fixtures.place(junk) }
        #expect(elapsed < .seconds(2))
    }
}
