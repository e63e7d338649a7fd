/// A person's name said with a marker: 姓名张三, 我叫李四, 联系人王五, 张先生/李女士.
enum PersonName {
    static let markers = ["姓名是", "姓名", "名字是", "名字叫", "我叫", "联系人", "报事人", "居民"]
    /// `markers` and the titles as scalars, made once (this runs on every line).
    private static let markerScalars = markers.map { Array($0.unicodeScalars) }
    private static let weakMarker = Array("居民".unicodeScalars)
    private static let titleScalars = ["先生", "女士", "阿姨", "大爷"].map { Array($0.unicodeScalars) }

    static func find(in text: String) -> String? {
        findRange(in: ScalarText(text)).map(\.0)
    }

    static func findRange(in text: ScalarText) -> (String, Range<Int>)? {
        let scalars = text.scalars
        // Most lines have no marker's or title's first character: one pass tells.
        var markerFirst = false, titleFirst = false
        for s in scalars {
            switch s {
            case "姓", "名", "我", "联", "报", "居": markerFirst = true
            case "先", "女", "阿", "大": titleFirst = true
            default: continue
            }
        }
        for m in markerScalars where markerFirst {
            guard m.count < scalars.count else { continue }
            for i in 0...(scalars.count - m.count) where scalars[i] == m[0] && scalars[i..<(i + m.count)].elementsEqual(m) {
                var j = i + m.count
                while j < scalars.count, [":", " ", "："].contains(scalars[j]) { j += 1 }
                let start = j
                while j < scalars.count, j - start < 4, isHan(scalars[j]), !stopWords.contains(scalars[j]) { j += 1 }
                // 居民 is mostly followed by what residents did (居民基本满意, 居民说又漏了):
                // a name only when a surname starts it.
                if m == weakMarker, start < scalars.count, !surnames.contains(scalars[start]) { continue }
                if j - start >= 2 { return (text[start..<j], i..<j) }
            }
        }
        if let found = nameBeforePhone(scalars) { return (text[found], found) }
        for t in titleScalars where titleFirst {
            guard scalars.count > t.count else { continue }
            for i in 1...(scalars.count - t.count) where scalars[i] == t[0] && scalars[i..<(i + t.count)].elementsEqual(t) && isHan(scalars[i - 1]) {
                return (text[(i - 1)..<(i + t.count)], (i - 1)..<(i + t.count))
            }
        }
        return nil
    }

    /// A name said as its own token right before a mobile number, as operators
    /// type it (…/电梯异响/李秀兰 13922334455, …，王芳，13922220000): two or three
    /// characters starting with a common surname, after a separator or at the start.
    static func nameBeforePhone(_ s: [Unicode.Scalar]) -> Range<Int>? {
        func isSeparator(_ c: Unicode.Scalar) -> Bool {
            switch c {
            case " ", ",", "/", ":", ";", "，", "、": return true
            default: return false
            }
        }
        var i = 0
        while i + 11 <= s.count {
            guard s[i] == "1", PhoneExtractor.isDigit(s[i + 1]), i == 0 || !PhoneExtractor.isDigit(s[i - 1]),
                  (i..<(i + 11)).allSatisfy({ PhoneExtractor.isDigit(s[$0]) }) else { i += 1; continue }
            var end = i
            while end > 0, isSeparator(s[end - 1]) { end -= 1 }
            var start = end
            while start > 0, end - start < 3, isHan(s[start - 1]), !isSeparator(s[start - 1]) { start -= 1 }
            let standsAlone = start == 0 || isSeparator(s[start - 1])
            if end - start >= 2, standsAlone, surnames.contains(s[start]), !(start..<end).contains(where: { stopWords.contains(s[$0]) }) {
                return start..<end
            }
            i += 11
        }
        return nil
    }

    /// The hundred commonest surnames (single-character), enough to tell a name from a word.
    static let surnames: Set<Unicode.Scalar> = Set("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤".unicodeScalars)

    static let stopWords: Set<Unicode.Scalar> = ["电", "手", "的", "在", "住", "是", "要", "想", "，"]

    static func isHan(_ s: Unicode.Scalar) -> Bool { (0x4E00...0x9FFF).contains(s.value) }
}
