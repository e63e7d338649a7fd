import Foundation
import Testing
@testable import Understanding

/// The time extractor's shortcuts (`TimeExtractor.extract(from:context:outside:shortcuts:)`) skip
/// positions where no reading can succeed or where what it read would lose to an id. They must
/// find exactly what reading at every starter finds, less the times that overlap an id.
@Suite struct TimeShortcutTests {
    static let crafted = [
        "香榭郦景3栋", "住十二楼", "他一直没来", "帮我查一下", "一下午都在家", "3栋 明天下午三点", "一直到下午三点",
        "十一栋", "二十二座302室", "我们一家五口人", "一百二十块", "走了三步", "三下五除二", "三个月后", "3天后",
        "5号楼下周六", "12栋12月5号", "七幢七点", "两位 下周六上午", "GL20261129-0930 明天", "查一下GL20261129-0001",
        "YY20261201-0001 改到12月5号", "QF20261130-0012 三点半", "GL 20261123 0019 明天上午",
        // Holidays of numerals alone before a counted word; 一早 (a part of the day) beside 一大早.
        "快到五一了", "五一大假", "三一五了", "二十五一共", "明天一早", "明天一大早去",
    ]

    /// A time word whose numerals are followed by a word that `countsNoTime` names would never be
    /// read: the time words are checked here, so that adding one such word fails this test.
    @Test func noTimeWordGoesOnWithACountedWord() {
        for word in TimeStarts.wordLists.joined() {
            let run = word.prefix(while: TimeScan.startsInteger).count
            guard run > 0, run < word.count else { continue }
            #expect(!TimeExtractor.countsNoTime(word[run], next: run + 1 < word.count ? word[run + 1] : nil),
                    "\(String(String.UnicodeScalarView(word)))")
        }
        #expect(TimeExtractor.numeralWords.contains(Array("五一".unicodeScalars)))
    }

    /// Fixture lines where a shortcut applies: a numeral run before what counts no time, or an id.
    static let fixtureLines: [String] = {
        let dir = PackageRoot.url.appendingPathComponent("Tests/UnderstandingTests/Fixtures")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        var lines: [String] = []
        for file in files.sorted() where file.hasSuffix(".jsonl") {
            guard let text = try? String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8) else { continue }
            for line in text.split(whereSeparator: \.isNewline) {
                guard let row = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                      let said = row["text"] as? String else { continue }
                let s = Array(Normalizer.normalize(said).unicodeScalars)
                let counted = s.indices.dropLast().contains {
                    TimeScan.startsInteger(s[$0]) && TimeExtractor.countsNoTime(s[$0 + 1], next: $0 + 2 < s.count ? s[$0 + 2] : nil)
                }
                if counted || said.range(of: #"[A-Za-z]{2} ?\d{8}"#, options: .regularExpression) != nil { lines.append(said) }
            }
        }
        return lines
    }()

    static func check(_ said: String) {
        let text = ScalarText(Normalizer.normalize(said))
        let context = TimeExtractorTests.ctx
        let ids = IdentifierExtractor().extract(from: text, context: context) + USCCExtractor().extract(from: text, context: context)
        let spans = ids.map(\.range)
        let fast = TimeExtractor().extract(from: text, context: context, outside: spans)
        let everywhere = TimeExtractor().extract(from: text, context: context, outside: [], shortcuts: false)
        let kept = everywhere.filter { time in !spans.contains { $0.overlaps(time.range) } }
        #expect(fast == kept, "\(said)")
    }

    @Test(arguments: crafted)
    func craftedLinesAgree(_ said: String) { Self.check(said) }

    @Test func fixtureLinesAgree() {
        // Thousands of lines: the fixtures hold many buildings (3栋) and quoted ids.
        #expect(Self.fixtureLines.count > 1_000)
        for said in Self.fixtureLines { Self.check(said) }
    }

    @Test func aTimeBesideACountedRunIsStillRead() {
        let text = ScalarText(Normalizer.normalize("香榭郦景12栋 明天下午三点"))
        let times = TimeExtractor().extract(from: text, context: TimeExtractorTests.ctx, outside: [])
        #expect(times.map(\.text) == ["明天下午三点"])
    }
}

/// `ParseContext` keeps `now` on the zone's clock as a number: setting either field must move it.
@Suite struct ParseContextClockTests {
    @Test func settingNowOrTheZoneMovesTheLocalClock() {
        var context = TimeExtractorTests.ctx
        let text = ScalarText(Normalizer.normalize("明天"))
        #expect(TimeExtractor().extract(from: text, context: context).first?.value == .string("2026-11-30T00:00:00+08:00"))
        context.now = context.now.addingTimeInterval(2 * 86_400)
        #expect(TimeExtractor().extract(from: text, context: context).first?.value == .string("2026-12-02T00:00:00+08:00"))
        // 2026-12-01T09:00+08:00 is 2026-11-30T20:00 five hours behind UTC: 明天 is 12月1日 there.
        context.timeZone = TimeZone(secondsFromGMT: -5 * 3600)!
        #expect(TimeExtractor().extract(from: text, context: context).first?.value == .string("2026-12-01T00:00:00-05:00"))
    }
}
