import Domain
import Foundation

/// The co-building slots read into domain values: the weekly window, a
/// quantity with its measure, and the list filter.
struct CoBuildingSlots {
    let request: IntentRequest

    /// 工作日 19:00-次日08:00, 周末, 晚上 … as a window.
    var window: WeeklyWindow? { request.string("window").flatMap(WeeklyWindow.init) }

    /// The list filter: community, estate, kind, unit, window.
    var filter: CoBuildingFilter {
        CoBuildingFilter(community: request.string("community"), kind: request.string("kind"), window: window,
                         place: request.string("estate"), unitCode: request.string("unit_id"))
    }

    /// The filter said back in a reply: 大富社区，车位，每天 18:00-22:00.
    var scope: [String] {
        [request.string("community"), request.string("estate"), request.string("kind"), request.string("unit_id"),
         window?.description].compactMap { $0 }
    }

    /// `40个` → (40, 个); `300平方米` → (300, 平方米).
    var quantity: (count: Int, measure: String)? {
        guard let text = request.string("quantity"), let n = Int(text.prefix(while: \.isNumber)) else { return nil }
        let measure = String(text.drop(while: \.isNumber))
        return (n, measure == "㎡" || measure.isEmpty ? (measure.isEmpty ? "个" : "平方米") : measure)
    }

    /// `名称=夜间停车场` or `名称：…` in the free text.
    var name: String? {
        let text = request.string("description") ?? ""
        guard let range = text.range(of: #"名称[=＝:：]\s*[^\s，,]+"#, options: .regularExpression) else { return nil }
        let word = text[range]
        return String(word[word.index(word.startIndex, offsetBy: 3)...]).trimmingCharacters(in: .whitespaces)
    }
}
