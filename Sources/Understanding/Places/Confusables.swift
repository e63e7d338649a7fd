/// Characters that sound alike (same or near-same Mandarin syllable, the tones
/// ignored), the ones people type by mistake with a pinyin input method or
/// write down from speech: 郦/丽/利, 苑/园/院, 庭/亭/廷. Each group is one
/// syllable; a character may appear in one group only.
///
/// Used by the fuzzy estate and community matchers: a substitution inside a
/// group costs less than an arbitrary one.
enum Confusables {
    static let groups: [String] = [
        "郦丽莉利里理礼力立历荔黎梨离李", "榭谢泄械写", "香乡相湘祥翔象向项像享想", "景京井静境镜荆经晶精敬警",
        "苑园院元圆源远原员缘", "华花化话划画桦", "府富付福复副赋傅妇甫服", "庭亭廷停婷厅挺",
        "雅亚压鸭", "居菊局举巨聚具据", "湖胡虎户护沪互糊", "翠粹脆萃", "凤风峰丰枫锋封蜂疯奉",
        "凰皇黄煌晃", "馆管观官冠关惯贯", "公宫工功攻共恭", "名明铭鸣命", "珠朱猪诸株竹主住注柱",
        "城成诚程承乘呈", "新心欣鑫辛薪信", "村存寸", "泰太态汰", "德得", "兴星腥行型形幸性",
        "河和合荷何禾盒", "润闰", "泽则择责", "晨辰臣陈沉尘", "光广", "桂贵柜跪", "康抗扛",
        "乐勒", "安按岸案暗俺", "盛胜圣剩生声升省", "世市事是式室视试", "碧必毕壁闭币避",
        "紫子梓字自仔", "美每梅妹媒煤", "泉全权拳", "澜兰蓝岚栏拦篮懒", "湾弯万晚玩完", "瑞锐睿",
        "清青轻情晴庆", "怡宜移以意易义", "振镇震阵真珍", "南男难楠", "国果过郭锅", "岭领玲灵铃零龄",
        "御玉誉遇域育雨语", "宝保堡报饱", "君军均俊峻", "悦月越跃岳", "天添田甜", "平苹评萍凭瓶",
        "桃陶逃淘", "松送宋颂", "茂貌帽冒毛猫矛", "樟章张彰掌", "阁格隔各个", "永勇涌泳拥", "豪好号浩",
        "嘉家佳加夹甲假", "书舒树叔术蔬", "东冬动洞懂", "方芳房放访", "水睡税", "老佬", "小晓校笑",
        "大达", "富", "布步部不", "牛流刘留", "库酷裤", "坑", "培陪赔", "极级集及即吉籍",
        // The own characters of estates that were in no group (金地, 松茂's 茂 had no 毛, 龙腾 …): read as plain
        // substitutions, 金帝 / 金第, 松毛 and 龙藤 would be turned away by `PlaceFinder.keepsItsOwnPart`.
        "金今进近津斤锦紧仅尽劲", "地帝第弟递低底抵滴敌笛", "港岗刚钢纲缸", "银因音引印隐饮阴荫", "绣秀修休袖锈",
        "阳洋羊扬杨养样仰", "林临淋琳霖邻磷", "鸿红洪虹宏弘", "荣容蓉溶融绒", "鹭路鹿露陆录禄炉卢芦", "龙隆笼聋珑垄",
        "腾藤疼誊",
    ]

    /// Scalar → group number.
    static let groupOf: [Unicode.Scalar: Int] = {
        var map: [Unicode.Scalar: Int] = [:]
        for (index, group) in groups.enumerated() {
            for s in group.unicodeScalars where map[s] == nil { map[s] = index }
        }
        return map
    }()

    /// `groupOf` as a flat table (-1: in no group), asked for every character of a line.
    static let groupTable = ScalarTable(groupOf.mapValues { Int16($0) }, missing: -1)

    /// A key that is equal for two scalars that sound alike (or are equal).
    @inline(__always)
    static func key(_ s: Unicode.Scalar) -> UInt32 {
        let g = groupTable[s]
        return g < 0 ? s.value : 0x8000_0000 | UInt32(g)
    }

    @inline(__always)
    static func soundAlike(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Bool { a == b || key(a) == key(b) }

    static func isHan(_ s: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(s.value) || (0x3400...0x4DBF).contains(s.value)
    }
}

/// A bounded weighted edit distance between a name and a stretch of text:
/// a sound-alike substitution costs 0.1, another substitution 0.25, swapping
/// two neighbours 0.2, one character too many or too few 0.3. Only Chinese
/// characters may stand in for a name's characters.
enum FuzzyName {
    static let soundAlikeCost = 0.1, substitutionCost = 0.25, swapCost = 0.2, gapCost = 0.3

    /// The cheapest way `text[start..<start+length]` can be `name` for lengths
    /// name.count-1 ... name.count+1, or nil when it costs more than `limit`.
    static func match(_ name: [Unicode.Scalar], in text: [Unicode.Scalar], at start: Int, limit: Double)
        -> (cost: Double, length: Int)? {
        var best: (cost: Double, length: Int)? = nil
        for length in max(1, name.count - 1)...(name.count + 1) where start >= 0 && start + length <= text.count {
            // The window read in place: a copy of it per length was an allocation per try.
            let window = text[start..<(start + length)]
            // The window's ends must be part of the name: no stray character at either end.
            guard Confusables.soundAlike(window.first!, name[0]) || Confusables.soundAlike(window.last!, name[name.count - 1])
            else { continue }
            guard Confusables.isHan(window.first!), Confusables.isHan(window.last!) else { continue }
            let cost = distance(name, window)
            if cost <= limit + 1e-9, best == nil || cost < best!.cost - 1e-9 { best = (cost, length) }
        }
        return best
    }

    /// Whether a window of the text at some start can still be `name` within `limit`:
    /// `nameKeys` are the name's sound-alike keys (`Confusables.key`), `widest` those of the
    /// longest window `match` tries there (the others are its prefixes). A name's character
    /// with no sound-alike in the window can only be substituted (0.25 at least) or left out
    /// (0.3), so each such character costs at least `substitutionCost`. A cheap no before the
    /// distance's table: a line of one character repeated (好好好…) passes the votes of every
    /// estate with a character like it at every position (150 µs a line of forty at p50).
    static func mayMatch<N: Collection, W: Collection>(_ nameKeys: N, _ widest: W, limit: Double) -> Bool
        where N.Element == UInt32, W.Element == UInt32 {
        var unmatched = 0
        for k in nameKeys where !widest.contains(k) {
            unmatched += 1
            if Double(unmatched) * substitutionCost > limit + 1e-9 { return false }
        }
        return true
    }

    /// Damerau–Levenshtein (optimal string alignment) with the costs above.
    static func distance<B: RandomAccessCollection>(_ a: [Unicode.Scalar], _ b: B) -> Double
        where B.Element == Unicode.Scalar, B.Index == Int {
        let n = a.count, m = b.count, o = b.startIndex
        if n == 0 || m == 0 { return Double(n == 0 ? m : n) * gapCost }
        // One table on the stack, row-major ((n + 1) × (m + 1)): an array of rows per try cost
        // an allocation per row. The same sums and minima as before, in the same order.
        let w = m + 1
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: (n + 1) * w) { d in
            for i in 0...n { d[i * w] = Double(i) * gapCost }
            for j in 0...m { d[j] = Double(j) * gapCost }
            for i in 1...n {
                for j in 1...m {
                    let x = a[i - 1], y = b[o + j - 1]
                    let sub: Double = x == y ? 0 : (Confusables.soundAlike(x, y) ? soundAlikeCost
                                                    : (Confusables.isHan(y) ? substitutionCost : 10))
                    var v = min(d[(i - 1) * w + j - 1] + sub, d[(i - 1) * w + j] + gapCost, d[i * w + j - 1] + (Confusables.isHan(y) ? gapCost : 10))
                    if i > 1, j > 1, x == b[o + j - 2], a[i - 2] == y, x != y { v = min(v, d[(i - 2) * w + j - 2] + swapCost) }
                    d[i * w + j] = v
                }
            }
            return d[n * w + m]
        }
    }
}
