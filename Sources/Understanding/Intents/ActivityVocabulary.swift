/// The activity words an operator may say: catalogue names (书法培训班), kinds
/// (培训), and short forms (书法, 瑜伽) — longest first.
enum ActivityVocabulary {
    static let suffixes = ["培训班", "友谊赛", "课堂", "传唱", "入门", "班", "课", "赛", "拳"]

    /// Everyday words → the catalogue term they mean.
    static let synonyms: [(said: String, means: String)] = [("毛笔字", "书法"), ("学用手机", "手机"), ("学手机", "手机"), ("用手机", "手机"),
                                                            ("看孩子写作业", "托管"), ("辅导作业", "托管"), ("写作业的地方", "托管"),
                                                            ("篮球赛", "篮球"), ("带小孩一起看书", "亲子阅读"), ("带孩子一起看书", "亲子阅读"), ("陪孩子看书", "亲子阅读"),
                                                            ("一起读书", "亲子阅读"), ("看绘本", "亲子阅读"), ("读绘本", "亲子阅读")]

    static func terms(from names: [String]) -> [String] {
        var terms = Set<String>()
        for name in names where !name.isEmpty {
            terms.insert(name)
            // Each part of 技能培训·电工入门 is said alone, and without its suffix (电工).
            let parts = name.split(separator: "·").map(String.init)
            for part in parts { terms.insert(part) }
            for whole in Set([name] + parts) {
                for suffix in suffixes where whole.hasSuffix(suffix) && whole.count > suffix.count + 1 {
                    terms.insert(String(whole.dropLast(suffix.count)))
                }
            }
            if name.hasPrefix("轻松") { terms.insert(String(name.dropFirst(2))) }
            if name.hasPrefix("智能") { terms.insert(String(name.dropFirst(2))) }
            if name.hasPrefix("健康") { terms.insert(String(name.dropFirst(2))) }
            // 智能手机课堂 is said 手机课 and 智能手机课 too (not 手机 alone: 手机号).
            if name.hasSuffix("课堂") {
                terms.insert(String(name.dropLast()))
                if name.hasPrefix("智能") { terms.insert(String(name.dropFirst(2).dropLast())) }
                // …and 手机班 (班, like 书法班, says a class).
                terms.insert(String(name.dropLast(2)) + "班")
                if name.hasPrefix("智能") { terms.insert(String(name.dropFirst(2).dropLast(2)) + "班") }
            }
        }
        // What people call an activity (写毛笔字 for 书法, 学用手机 for the phone class), when it is in the catalogue.
        for (said, means) in synonyms where terms.contains(where: { $0.contains(means) }) { terms.insert(said) }
        return terms.filter { $0.count >= 2 }.sorted { ($0.count, $0) > ($1.count, $1) }
    }

    /// What the `activity` slot says for a term found: the term, without a
    /// trailing 课 or 班 that only says it is a class (智能手机课 → 智能手机, 手机班 →
    /// 手机), as CONTRACT's 书法班 → 书法; a catalogue name said in full stays whole.
    static func reported(_ term: String, catalogue: Set<String>) -> String {
        if let synonym = synonyms.first(where: { $0.said == term }) { return synonym.means }
        guard term.hasSuffix("课") || term.hasSuffix("班"), term.count >= 3, !catalogue.contains(term) else { return term }
        return String(term.dropLast())
    }
}
