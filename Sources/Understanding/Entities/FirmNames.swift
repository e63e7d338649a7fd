/// How callers name a registered firm: 深圳市鸿澜科技有限公司 is said 鸿澜科技 or
/// 鸿澜; 深圳市汇川文化传播有限公司 汇川文化传播, 汇川文化 or 汇川.
public enum FirmNames {
    /// Trades a firm's name may end in, taken off one after another for its short forms.
    static let trades = ["智能装备", "新材料", "科技", "电子", "实业", "精密", "智能", "生物", "医药", "物流", "贸易", "技术", "制造",
                         "光电", "信息", "传播", "文化"]

    /// The name without the city and the legal form: 深圳市鸿澜科技有限公司 → 鸿澜科技.
    static func plainName(of name: String) -> String {
        var s = Substring(name)
        for prefix in ["深圳市", "深圳"] where s.hasPrefix(prefix) { s = s.dropFirst(prefix.count); break }
        for suffix in ["股份有限公司", "有限责任公司", "有限公司", "集团", "公司"] where s.hasSuffix(suffix) { s = s.dropLast(suffix.count); break }
        return String(s)
    }

    /// Every short form: the plain name, then each trade taken off the end in
    /// turn while two characters are left (华芯生物科技 → 华芯生物 → 华芯).
    static func shortForms(of name: String) -> [String] {
        var forms = [plainName(of: name)]
        while let last = forms.last, let trade = trades.first(where: { last.hasSuffix($0) && last.count >= $0.count + 2 }) {
            forms.append(String(last.dropLast(trade.count)))
        }
        return forms
    }

    /// Each short form → the full name it stands for. A short form two firms
    /// share (银星 of 银星电子 and a 银星科技) names neither and is left out.
    public static func aliases(of names: [String]) -> [String: String] {
        var aliases: [String: String] = [:]
        var shared: Set<String> = []
        for name in names {
            for alias in Set(shortForms(of: name)) where alias != name && alias.count >= 2 {
                if let other = aliases[alias], other != name { shared.insert(alias) } else { aliases[alias] = name }
            }
        }
        for alias in shared { aliases[alias] = nil }
        return aliases
    }
}
