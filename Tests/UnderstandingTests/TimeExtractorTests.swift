import Foundation
import Testing
@testable import Understanding

@Suite struct TimeExtractorTests {
    /// 2026-11-29T09:00:00+08:00, a Sunday.
    static let ctx = ParseContext(now: ISO8601DateFormatter().date(from: "2026-11-29T09:00:00+08:00")!,
                                  timeZone: TimeZone(secondsFromGMT: 8 * 3600)!)

    static func times(_ text: String, _ context: ParseContext = ctx) -> [Entity] {
        TimeExtractor().extract(from: ScalarText(Normalizer.normalize(text)), context: context)
    }

    @Test(arguments: [
        ("今天", "2026-11-29T00:00:00+08:00", "day"), ("明天", "2026-11-30T00:00:00+08:00", "day"),
        ("后天", "2026-12-01T00:00:00+08:00", "day"), ("大后天", "2026-12-02T00:00:00+08:00", "day"),
        ("昨天", "2026-11-28T00:00:00+08:00", "day"), ("前天", "2026-11-27T00:00:00+08:00", "day"),
        ("听日", "2026-11-30T00:00:00+08:00", "day"), ("明儿个", "2026-11-30T00:00:00+08:00", "day"),
        ("下个月第一个周六", "2026-12-05T00:00:00+08:00", "day"), ("下个月第二个星期三", "2026-12-09T00:00:00+08:00", "day"),
        ("这个月最后一个礼拜天", "2026-11-29T00:00:00+08:00", "day"), ("琴日", "2026-11-28T00:00:00+08:00", "day"),
        ("听日下昼三点", "2026-11-30T15:00:00+08:00", "hour"),
        ("后日", "2026-12-01T00:00:00+08:00", "day"), ("周二晚七点", "2026-12-01T19:00:00+08:00", "hour"),
        ("礼拜三下昼三点", "2026-12-02T15:00:00+08:00", "hour"), ("本月25日", "2026-11-25T00:00:00+08:00", "day"),
        ("下个月3号", "2026-12-03T00:00:00+08:00", "day"), ("凌晨两三点", "2026-11-30T02:00:00+08:00", "hour"), ("下午五六点", "2026-11-29T17:00:00+08:00", "hour"), ("后日夜晚七点", "2026-12-01T19:00:00+08:00", "hour"),
        ("12月4号周五早上7点", "2026-12-04T07:00:00+08:00", "hour"), ("12月4日(星期五)下午3点", "2026-12-04T15:00:00+08:00", "hour"),
        ("周三", "2026-12-02T00:00:00+08:00", "day"), ("星期三", "2026-12-02T00:00:00+08:00", "day"),
        ("礼拜三", "2026-12-02T00:00:00+08:00", "day"), ("周日", "2026-11-29T00:00:00+08:00", "day"),
        ("星期天", "2026-11-29T00:00:00+08:00", "day"), ("这周六", "2026-11-28T00:00:00+08:00", "day"),
        ("本周六", "2026-11-28T00:00:00+08:00", "day"), ("下周六", "2026-12-05T00:00:00+08:00", "day"),
        ("下周三", "2026-12-02T00:00:00+08:00", "day"), ("下下周一", "2026-12-07T00:00:00+08:00", "day"),
        ("上周五", "2026-11-20T00:00:00+08:00", "day"),
        ("12月5日", "2026-12-05T00:00:00+08:00", "day"), ("12月5号", "2026-12-05T00:00:00+08:00", "day"),
        ("十二月五号", "2026-12-05T00:00:00+08:00", "day"), ("12/12", "2026-12-12T00:00:00+08:00", "day"),
        ("2026-12-02", "2026-12-02T00:00:00+08:00", "day"), ("2026年12月2日", "2026-12-02T00:00:00+08:00", "day"),
        ("2026年元旦", "2026-01-01T00:00:00+08:00", "day"), ("元旦", "2027-01-01T00:00:00+08:00", "day"),
        ("春节", "2027-02-06T00:00:00+08:00", "day"), ("清明", "2027-04-05T00:00:00+08:00", "day"),
        ("五一", "2027-05-01T00:00:00+08:00", "day"), ("劳动节", "2027-05-01T00:00:00+08:00", "day"),
        ("端午", "2027-06-09T00:00:00+08:00", "day"), ("中秋节", "2027-09-15T00:00:00+08:00", "day"),
        ("国庆", "2027-10-01T00:00:00+08:00", "day"), ("1月3日", "2027-01-03T00:00:00+08:00", "day"),
        ("11月20日", "2026-11-20T00:00:00+08:00", "day"),
        ("三点", "2026-11-29T15:00:00+08:00", "hour"), ("三点半", "2026-11-29T15:30:00+08:00", "minute"),
        ("15:30", "2026-11-29T15:30:00+08:00", "minute"), ("下午3点", "2026-11-29T15:00:00+08:00", "hour"),
        ("下午3点一刻", "2026-11-29T15:15:00+08:00", "minute"), ("七点", "2026-11-30T07:00:00+08:00", "hour"),
        ("八点四十五", "2026-11-30T08:45:00+08:00", "minute"), ("十点整", "2026-11-29T10:00:00+08:00", "hour"),
        ("晚上8点", "2026-11-29T20:00:00+08:00", "hour"), ("中午12点", "2026-11-29T12:00:00+08:00", "hour"),
        ("明天下午三点", "2026-11-30T15:00:00+08:00", "hour"), ("明早8点", "2026-11-30T08:00:00+08:00", "hour"),
        ("下周三下午2点半", "2026-12-02T14:30:00+08:00", "minute"), ("现在", "2026-11-29T09:00:00+08:00", "second"),
        ("3天后", "2026-12-02T00:00:00+08:00", "day"),
    ])
    func instants(text: String, value: String, grain: String) {
        let found = Self.times(text)
        #expect(found.count == 1)
        #expect(found.first?.text == text)
        #expect(found.first?.value == .string(value))
        #expect(found.first?.grain == grain)
        #expect(found.first?.valueEnd == nil)
    }

    @Test(arguments: [
        ("早上", "2026-11-29T06:00:00+08:00", "2026-11-29T09:00:00+08:00", "hour"),
        ("上午", "2026-11-29T08:00:00+08:00", "2026-11-29T12:00:00+08:00", "hour"),
        ("下午", "2026-11-29T12:00:00+08:00", "2026-11-29T18:00:00+08:00", "hour"),
        ("今晚", "2026-11-29T18:00:00+08:00", "2026-11-30T00:00:00+08:00", "hour"),
        // Cantonese 听晚: tomorrow night (round 256)
        ("听晚", "2026-11-30T18:00:00+08:00", "2026-12-01T00:00:00+08:00", "hour"),
        ("凌晨", "2026-11-29T00:00:00+08:00", "2026-11-29T06:00:00+08:00", "hour"),
        ("傍晚", "2026-11-29T17:00:00+08:00", "2026-11-29T19:00:00+08:00", "hour"),
        ("下周三上午", "2026-12-02T08:00:00+08:00", "2026-12-02T12:00:00+08:00", "hour"),
        ("明天下午两点到四点", "2026-11-30T14:00:00+08:00", "2026-11-30T16:00:00+08:00", "hour"),
        ("12月5号上午9点到12点", "2026-12-05T09:00:00+08:00", "2026-12-05T12:00:00+08:00", "hour"),
        ("明天晚上7点到1点", "2026-11-30T19:00:00+08:00", "2026-12-01T01:00:00+08:00", "hour"),
        ("9:00-11:30", "2026-11-29T09:00:00+08:00", "2026-11-29T11:30:00+08:00", "minute"),
        ("12月1日到12月5日", "2026-12-01T00:00:00+08:00", "2026-12-06T00:00:00+08:00", "day"),
        ("这周末", "2026-11-28T00:00:00+08:00", "2026-11-30T00:00:00+08:00", "day"),
        ("下周末", "2026-12-05T00:00:00+08:00", "2026-12-07T00:00:00+08:00", "day"),
        ("本周", "2026-11-23T00:00:00+08:00", "2026-11-30T00:00:00+08:00", "week"),
        ("下周", "2026-11-30T00:00:00+08:00", "2026-12-07T00:00:00+08:00", "week"),
        ("下个月", "2026-12-01T00:00:00+08:00", "2027-01-01T00:00:00+08:00", "month"),
        ("本月", "2026-11-01T00:00:00+08:00", "2026-12-01T00:00:00+08:00", "month"),
        ("12月", "2026-12-01T00:00:00+08:00", "2027-01-01T00:00:00+08:00", "month"),
        ("明年", "2027-01-01T00:00:00+08:00", "2028-01-01T00:00:00+08:00", "year"),
    ])
    func intervals(text: String, value: String, end: String, grain: String) {
        let found = Self.times(text)
        #expect(found.count == 1)
        #expect(found.first?.text == text)
        #expect(found.first?.value == .string(value))
        #expect(found.first?.valueEnd == end)
        #expect(found.first?.grain == grain)
    }

    /// 晚 or 早 said right after a day, with no clock, is that day's evening or
    /// morning when a particle, a verb or punctuation follows; not in 晚了, 早就, 晚会.
    @Test func aShortPartAfterADay() {
        let evening = Self.times("星期二晚有什么活动").first
        #expect(evening?.text == "星期二晚")
        #expect(evening?.value == .string("2026-12-01T18:00:00+08:00"))
        #expect(evening?.valueEnd == "2026-12-02T00:00:00+08:00")
        let morning = Self.times("周六早的太极").first
        #expect(morning?.text == "周六早")
        #expect(morning?.grain == "hour")
        #expect(Self.times("周三晚").first?.text == "周三晚")
        for text in ["周三晚了", "周五早就坏了", "周六晚会在哪"] {
            #expect(Self.times(text).first?.grain == "day", "\(text)")
        }
    }

    /// A clock time said a few words after its day belongs to that day; both
    /// entities carry the joined time. Not across a clause or another day.
    @Test(arguments: [
        ("预约 明天 太极拳 7点 一人", ["2026-11-30T07:00:00+08:00", "2026-11-30T07:00:00+08:00"]),
        ("明天早上 书法 八点半", ["2026-11-30T08:30:00+08:00", "2026-11-30T08:30:00+08:00"]),
        ("今天停水了 8点到现在", ["2026-11-29T08:00:00+08:00", "2026-11-29T08:00:00+08:00", "2026-11-29T09:00:00+08:00"]),
        ("明天有空，3点再说", ["2026-11-30T00:00:00+08:00", "2026-11-29T15:00:00+08:00"]),
        ("周三报的 今天10点还没人来", ["2026-12-02T00:00:00+08:00", "2026-11-29T10:00:00+08:00"]),
        // the 下 of 登记一下 does not make 下下周四 (the Thursday after next)
        ("帮居民登记一下下周四上午10点的课", ["2026-12-03T10:00:00+08:00"]),
    ])
    func aClockApartFromItsDay(text: String, values: [String]) {
        #expect(Self.times(text).map { $0.value } == values.map { EntityValue.string($0) }, "\(text)")
    }

    /// Other systems' ISO 8601 date-times: the T joins the clock to its day; a
    /// zone offset after the clock is not another time.
    @Test(arguments: [("time=2026-12-05T09:00 party=2", "2026-12-05T09:00", "2026-12-05T09:00:00+08:00"),
                      ("2026-12-05T14:30:00+08:00", "2026-12-05T14:30:00", "2026-12-05T14:30:00+08:00")])
    func isoDateTimes(text: String, span: String, value: String) {
        let found = Self.times(text)
        #expect(found.count == 1)
        #expect(found.first?.text == span)
        #expect(found.first?.value == .string(value))
    }

    /// A day said of a thing keeps its clock across commas; a day said as a clause does not.
    @Test func aDaysClockAcrossCommas() {
        let found = Self.times("下周六早上的书法，我跟我女儿一起，9点半开始那个")
        #expect(found.first?.value == .string("2026-12-05T09:30:00+08:00"))
        #expect(Self.times("明天有空，3点再说").first?.value == .string("2026-11-30T00:00:00+08:00"))
    }

    @Test func aRangeWithADashIsNotAnOffset() {
        let found = Self.times("明天 9:00-11:00")
        #expect(found.first?.valueEnd == "2026-11-30T11:00:00+08:00")
    }

    /// A run of five digits or more is passed over whole (`TimeExtractor.isLongDigitRun`);
    /// the times around it, and four digits that name a year or a clock, are still read.
    @Test func longDigitRunsStartNoTime() {
        #expect(Self.times("电话13812345678").isEmpty)
        #expect(Self.times("编号 202612051").isEmpty)
        #expect(Self.times("13812345678明天下午三点").map(\.text) == ["明天下午三点"])
        #expect(Self.times("2026年12月5日 13812345678").map(\.text) == ["2026年12月5日"])
        #expect(Self.times("13812345678 15:30").map(\.value) == [.string("2026-11-29T15:30:00+08:00")])
        #expect(TimeExtractor.isLongDigitRun(Array("12345".unicodeScalars), from: 0))
        #expect(!TimeExtractor.isLongDigitRun(Array("1234年".unicodeScalars), from: 0))
    }

    /// `TimeStarts`: every word of the lists a time begins with may start one, and a starter
    /// followed by none of them may not (the extractor then tries no reading there).
    @Test func timeStartsTwoCharactersDeep() {
        for list in TimeStarts.wordLists {
            for word in list where !word.isEmpty && TimeExtractor.starters.contains(word[0]) {
                #expect(TimeStarts.mayStart(word + ["。"], at: 0), "\(String(String.UnicodeScalarView(word)))")
            }
        }
        for text in ["下午", "下周三", "下3个月", "上两周", "明天", "早八点", "3号", "十二月", "廿五"] {
            #expect(TimeStarts.mayStart(Array(text.unicodeScalars), at: 0), "\(text)")
        }
        for text in ["下雨了", "这边", "下去", "去了", "下", "大富"] {
            #expect(!TimeStarts.mayStart(Array(text.unicodeScalars), at: 0), "\(text)")
        }
        #expect(!TimeStarts.mayStart(Array("查一下".unicodeScalars), at: 2))
        #expect(Self.times("下雨了 下周三下午三点").map(\.text) == ["下周三下午三点"])
    }

    @Test func inSentence() {
        let found = Self.times("预约 明天下午三点 书法班 2人")
        #expect(found.count == 1)
        #expect(found.first?.start == 3)
        #expect(found.first?.end == 9)
    }

    @Test(arguments: ["快一点", "三点五", "GL20261129-0001", "3号楼", "上面", "下水道堵了", "电话13800138000", "以后日子好过了", "今后日常巡查"])
    func notTimes(text: String) {
        #expect(Self.times(text).isEmpty)
    }

    static func context(ref: String, offsetSeconds: Int) -> ParseContext? {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(secondsFromGMT: offsetSeconds)
        f.dateFormat = ref.count > 19 ? "yyyy-MM-dd'T'HH:mm:ssXXXXX" : "yyyy-MM-dd'T'HH:mm:ss"
        guard let d = f.date(from: ref) else { return nil }
        return ParseContext(now: d, timeZone: TimeZone(secondsFromGMT: offsetSeconds)!)
    }

    /// Holidays of Duckling's corpus kept in the goal's count: the ones observed in mainland China.
    /// The rest (侯丽节, 光明节, 复活节, 情人节, 圣诞节 …) are the foreign holidays issue 3 leaves out.
    static let chineseHolidays: Set<String> = ["春节", "元旦", "儿童节", "劳动节", "建军节", "国际消费者权益日", "妇女节", "澳门回归纪念日"]

    /// Duckling's Chinese time corpus, as issue 3 counts it (goal 85 %): every case without a
    /// foreign holiday passes when one time covers the whole text with Duckling's value (and end).
    /// The deliberate differences (docs/UNDERSTANDING.md) fail here and are counted as failures:
    /// bare 1–6 o'clock is the afternoon; 早上 is 6–9 (Duckling 4–12); 星期二 said on a Tuesday is
    /// today and 这周一 this week's (Duckling looks ahead); 下周三 is next calendar week's; 这周末
    /// starts on Saturday; 两天前 / 三天后 are days; a holiday a few days past (春节) is this year's;
    /// 国庆 is 1 October (Taiwan's locale says 10 October); no time zones (4pm CET).
    @Test func ducklingYardstick() {
        var pass = 0, eligible = 0, total = 0, attempted = 0
        for row in Corpus.load("duckling_zh_time.jsonl") {
            guard let text = row["text"] as? String, let ref = row["ref"] as? String,
                  let ctx = Self.context(ref: ref, offsetSeconds: -2 * 3600) else { continue }
            total += 1
            let holiday = row["holiday"] as? String
            let counted = holiday.map { Self.chineseHolidays.contains($0) } ?? true
            let norm = Normalizer.normalize(text)
            let found = TimeExtractor().extract(from: ScalarText(norm), context: ctx)
            let whole = found.count == 1 && found[0].start == 0 && found[0].end == norm.unicodeScalars.count
            if whole { attempted += 1 }
            let want = row["value"] as? String
            let wantEnd = row["end"] as? String
            let ok = whole && found[0].value == .string(want ?? "") && (wantEnd == nil || found[0].valueEnd == wantEnd)
            guard counted else { continue }
            eligible += 1
            if ok { pass += 1 }
            else { print("  duckling miss \(text): \(found.map { "\($0.text)=\($0.value) \($0.valueEnd ?? "")" }) want \(want ?? "") \(wantEnd ?? "")") }
        }
        guard total > 0 else { return }
        print("duckling time yardstick: \(pass)/\(eligible) pass without foreign holidays (\(String(format: "%.1f", 100 * Double(pass) / Double(max(eligible, 1)))) %; goal 85 %); \(attempted) of all \(total) read as one whole time")
        // Measured 370/428 (86.4 %); it was 191 before the periods counted from now, 今个, holidays and am/pm.
        #expect(Double(pass) / Double(max(eligible, 1)) >= 0.85)
    }

    /// JioNLP's time corpus: cases we attempt; the start must match (naive UTC+8).
    @Test func jionlpYardstick() {
        var attempted = 0, pass = 0, total = 0
        for row in Corpus.load("jionlp_time.jsonl") {
            guard let text = row["text"] as? String, let ref = row["ref"] as? String,
                  let start = row["start"] as? String,
                  let ctx = Self.context(ref: ref, offsetSeconds: 8 * 3600) else { continue }
            total += 1
            let norm = Normalizer.normalize(text)
            let found = TimeExtractor().extract(from: ScalarText(norm), context: ctx)
            guard found.count == 1, found[0].start == 0, found[0].end == norm.unicodeScalars.count else { continue }
            attempted += 1
            if found[0].value == .string(start + "+08:00") { pass += 1 }
            else { print("  jionlp miss \(text): \(found[0].value) want \(start)") }
        }
        guard total > 0 else { return }
        print("jionlp time yardstick: \(pass)/\(total) pass (\(String(format: "%.1f", 100 * Double(pass) / Double(total))) %; no goal set); \(pass)/\(attempted) of those read as one whole time")
        // Measured 62/72 attempted (0.861) of 277 with a full reference time;
        // with bare days (5号, 9日上午) 64/77 (0.831): more passes, but JioNLP
        // keeps a bare day in the reference month even when weeks past, where
        // we move one more than 7 days past to the next month (a hotline's
        // "5号" said on the 29th is a booking for next month).
        // Deliberate difference: a yearless date more than 30 days past is next
        // year's here (JioNLP keeps the reference year); lunar 八月十五 is not read.
        // Since the periods counted from now (2026-12-03): 79/102. JioNLP reads 七年后, 十三秒后 and
        // 4周后 as points and 前两天 its own way; Duckling (issue 3's goal) reads them as periods, as here.
        #expect(attempted >= 60)
        #expect(pass >= 79)
        #expect(Double(pass) / Double(max(attempted, 1)) >= 0.75)
    }

    /// A house number after an estate (大富村7号) is not the 7th of the month.
    @Test func aHouseNumberIsNotADate() {
        let u = Fixtures.understander.understand("报事 大富村7号 屋顶漏雨 13929100234", context: Fixtures.context)
        #expect(u.slots["building"] == .string("7号"))
        #expect(u.slots["time"] == nil)
        #expect(!u.entities.contains { $0.type == .time })
    }
}
