/// A person's name said with a marker: 姓名张三, 我叫李四, 联系人王五, 张先生/李女士.
enum PersonName {
    static let markers = ["姓名是", "姓名", "名字是", "名字叫", "我叫", "联系人", "报事人", "居民"]
    /// `markers` and the titles as scalars, made once (this runs on every line).
    private static let markerScalars = markers.map { Array($0.unicodeScalars) }
    private static let titleScalars = ["先生", "女士", "阿姨", "大爷"].map { Array($0.unicodeScalars) }

    static func find(in text: String) -> String? {
        findRange(in: ScalarText(text)).map(\.0)
    }

    static func findRange(in text: ScalarText) -> (String, Range<Int>)? {
        let scalars = text.scalars
        for m in markerScalars {
            guard m.count < scalars.count else { continue }
            for i in 0...(scalars.count - m.count) where scalars[i] == m[0] && scalars[i..<(i + m.count)].elementsEqual(m) {
                var j = i + m.count
                while j < scalars.count, [":", " ", "："].contains(scalars[j]) { j += 1 }
                let start = j
                while j < scalars.count, j - start < 4, isHan(scalars[j]), !stopWords.contains(scalars[j]) { j += 1 }
                if j - start >= 2 { return (text[start..<j], i..<j) }
            }
        }
        for t in titleScalars {
            guard scalars.count > t.count else { continue }
            for i in 1...(scalars.count - t.count) where scalars[i] == t[0] && scalars[i..<(i + t.count)].elementsEqual(t) && isHan(scalars[i - 1]) {
                return (text[(i - 1)..<(i + t.count)], (i - 1)..<(i + t.count))
            }
        }
        return nil
    }

    static let stopWords: Set<Unicode.Scalar> = ["电", "手", "的", "在", "住", "是", "要", "想", "，"]

    static func isHan(_ s: Unicode.Scalar) -> Bool { (0x4E00...0x9FFF).contains(s.value) }
}
