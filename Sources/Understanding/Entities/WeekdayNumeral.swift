/// A weekday said with a numeral (周三, 星期五, 礼拜一): the numeral belongs to the day, so no
/// count, length or sum may start at it (下周三两个人 is 2, 周二天悦华府 is no 二天, 周一万象花园 no ¥10,000).
enum WeekdayNumeral {
    /// Whether s[i] is a weekday's numeral.
    static func at(_ s: [Unicode.Scalar], _ i: Int) -> Bool {
        guard i > 0 else { return false }
        switch s[i - 1] {
        case "周", "期", "拜": return "一二三四五六".unicodeScalars.contains(s[i])
        default: return false
        }
    }
}
