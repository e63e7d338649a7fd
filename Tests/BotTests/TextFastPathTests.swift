@testable import Bot
import Foundation
import Testing

/// The byte-level shortcuts answer as the Foundation / `split` code they skip.
@Suite struct TextFastPathTests {
    static let texts = [
        "", "a", "\n", "a\n", "\na", "a\n\nb", "a\n \nb", "a\n  \n", " ", "  a  ", "a\r\nb", "a\r\n\r\nb", "已登记工单\n问题：电梯",
        "a\n \u{301}\nb", "\u{3000}中文\u{3000}", "\t制表\t", "，问题；", "匿名 电梯坏了", "巡查发现，楼道灯不亮。", "不愿留名",
        "\u{F900}名 电梯", "地址不详", " ，,。；;", "\u{A0}x\u{A0}", "x\u{2003}",
    ]

    @Test(arguments: texts)
    func emptyLinesDroppedAsSplitDoes(text: String) {
        let reference = text.split(separator: "\n", omittingEmptySubsequences: true)
            .filter { !$0.allSatisfy { $0 == " " } }.joined(separator: "\n")
        #expect(Reply.withoutEmptyLines(text) == reference)
        if Reply.hasNoEmptyLine(text) { #expect(text == reference) }
    }

    @Test(arguments: texts)
    func whitespaceTrimmedAsFoundationDoes(text: String) {
        #expect(text.trimmedWhitespace == text.trimmingCharacters(in: .whitespaces))
    }

    @Test(arguments: texts)
    func descriptionCleanedAsBefore(text: String) {
        var d = text
        for word in ["四个万家", "入户走访", "网格巡查", "巡查发现", "系统对接", "系统推送", "不愿留名", "匿名", "地址不详", "地点不详", "位置不详"] {
            d = d.replacingOccurrences(of: word, with: "")
        }
        d = d.trimmingCharacters(in: CharacterSet(charactersIn: " ，,。；;"))
        #expect(GrievanceFileHandler.cleaned(text) == (d.isEmpty ? text : d))
    }

    @Test func byteSearchFindsWords() {
        #expect("巡查发现，楼道灯不亮".containsBytes("巡查发现"))
        #expect("楼道灯不亮 匿名".containsBytes("匿名"))
        #expect(!"楼道灯不亮".containsBytes("匿名"))
        #expect(!"匿".containsBytes("匿名"))
        #expect("x".containsBytes(""))
        #expect("\u{F900}".hasCompatibilityIdeograph && !"中文".hasCompatibilityIdeograph)
    }
}
