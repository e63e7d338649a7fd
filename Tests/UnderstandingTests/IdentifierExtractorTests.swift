import Foundation
import Testing
@testable import Understanding

@Suite struct IdentifierExtractorTests {
    static let ctx = ParseContext(now: Date(timeIntervalSince1970: 0), timeZone: TimeZone(identifier: "Asia/Shanghai")!)

    @Test(arguments: [
        ("查询GL20261129-0001进度", EntityType.ticketId, "GL20261129-0001"),
        ("gl20261129-0001", .ticketId, "GL20261129-0001"),
        ("GL202611290001", .ticketId, "GL20261129-0001"),
        ("请问报修单GL 20261123 0019有人处理了吗", .ticketId, "GL20261123-0019"),
        ("GL20261129-10001", .ticketId, "GL20261129-10001"),
        ("取消YY20261129-0003", .bookingId, "YY20261129-0003"),
        ("qf20261201-0042", .requestId, "QF20261201-0042"),
        ("预约HD-001", .activityId, "HD-001"),
        ("hd001", .activityId, "HD-001"),
        ("HD001 两人", .activityId, "HD-001"),
        ("HD12", .activityId, "HD-012"),
        // read out digit by digit, as speech recognition writes it
        ("单号是 GL二零二六幺幺二五 零零零九", .ticketId, "GL20261125-0009"),
        ("GL 二零二六 一一 二五 零零一二 进度", .ticketId, "GL20261125-0012"),
        ("工单号是GL二零二六一一二七杠零零一五", .ticketId, "GL20261127-0015"),
        // the date read out in groups
        ("工单号是 GL 2026 1127 0015 现在办到哪了", .ticketId, "GL20261127-0015"),
        ("GL 2026 11 27-0015", .ticketId, "GL20261127-0015"),
        // a dash (typed or said) after the letters too
        ("查询工单 GL-20261129-0001", .ticketId, "GL20261129-0001"),
        ("yy_20261201_0007 取消", .bookingId, "YY20261201-0007"),
        ("单号GL杠20261129杠0001", .ticketId, "GL20261129-0001"),
        ("GL20261129杠0001", .ticketId, "GL20261129-0001"),
        // the letters spelt out, the dash said between spaces
        ("那个预约号 Y Y 二零二六一一二七 杠 零零一二 我要取消", .bookingId, "YY20261127-0012"),
        // read out with pauses, which speech recognition writes as commas (round 252)
        ("唔该帮我查下，嗰张单，GL，二零二六，一一，二九，杠，零零零一", .ticketId, "GL20261129-0001"),
        ("单号GL,二零二六一一二九,零零零一", .ticketId, "GL20261129-0001"),
    ])
    func finds(text: String, type: EntityType, value: String) {
        let found = IdentifierExtractor().extract(from: ScalarText(text), context: Self.ctx)
        #expect(found.count == 1)
        #expect(found.first?.type == type)
        #expect(found.first?.value == .string(value))
    }

    @Test(arguments: ["GL2026-0001", "GL20261129-001", "XGL20261129-0001", "GL20261129-0001X", "YYDS", "GL二零二六", "GL 2026 1127 13800138000", "GL-2026-0001", "GL--20261129-0001", "GL，二零二六，一一", "GL,,,,二零二六一一二九零零零一"])
    func rejects(text: String) {
        #expect(IdentifierExtractor().extract(from: ScalarText(text), context: Self.ctx).isEmpty)
    }

    /// A phone typed after a dated id with only a space between is not its sequence.
    @Test func aPhoneAfterASpacedDateIsNotTheSequence() {
        let found = IdentifierExtractor().extract(from: ScalarText("GL20261129 13800138000"), context: Self.ctx)
        #expect(found.isEmpty)
        #expect(PhoneExtractor().extract(from: ScalarText("GL20261129 13800138000"), context: Self.ctx).first?.value == .string("13800138000"))
    }
}
