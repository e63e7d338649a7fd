import Domain
import Foundation

/// The parts of a co-building command read from its free text (the
/// `description` slot) rather than by the understanding layer: the weekly
/// window, a quantity with its measure, a car plate.
struct CoBuildingSlots {
    let request: IntentRequest

    var text: String { request.string("description") ?? "" }

    /// 工作日 19:00-次日08:00, 周末, 晚上 … and the words it came from.
    var window: (window: WeeklyWindow, words: [String])? { WeeklyWindow.find(in: text) }

    /// The list filter: community, estate, kind, unit, window.
    var filter: CoBuildingFilter {
        CoBuildingFilter(community: request.string("community"), kind: request.string("kind"), window: window?.window,
                         place: request.string("estate"), unitCode: request.string("unit_id"))
    }

    /// The filter said back in a reply: 大富社区，车位，每天 18:00-22:00.
    var scope: [String] {
        [request.string("community"), request.string("estate"), request.string("kind"), request.string("unit_id"),
         window.map { $0.window.description }].compactMap { $0 }
    }

    static let measures = ["平方米", "个", "间", "套", "台", "处", "册", "辆", "张", "把", "件", "位", "㎡"]

    /// `40个`, `2 间`, `300平方米`: the number and its measure (never a clock time).
    var quantity: (count: Int, measure: String, word: String)? {
        let pattern = #"(?<![\d:：])(\d{1,6})\s*("# + Self.measures.joined(separator: "|") + ")"
        guard let range = text.range(of: pattern, options: .regularExpression) else { return nil }
        let word = String(text[range])
        guard let n = Int(word.prefix(while: \.isNumber)) else { return nil }
        let measure = Self.measures.first { word.hasSuffix($0) } ?? "个"
        return (n, measure == "㎡" ? "平方米" : measure, word)
    }

    /// A mainland car plate: 粤B12345, 粤BD12345 (new-energy).
    var plate: String? {
        let pattern = #"[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-Za-z][A-Za-z0-9]{5,6}"#
        return text.range(of: pattern, options: .regularExpression).map { text[$0].uppercased() }
    }

    /// `名称=夜间停车场` or `名称：…`.
    var name: String? {
        guard let range = text.range(of: #"名称[=＝:：]\s*[^\s，,]+"#, options: .regularExpression) else { return nil }
        let word = text[range]
        return String(word[word.index(word.startIndex, offsetBy: 3)...]).trimmingCharacters(in: .whitespaces)
    }
}
