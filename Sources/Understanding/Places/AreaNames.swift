/// Grids and blocks said by name rather than by code: 大富第一街区01网格,
/// 大富一街区1网格, 大富社区第一街区一网格 → DF-01-01; 大富第一街区 → DF-01.
/// Operators read names off the grid roster; residents drop the 第 and the
/// leading zero. The variants are built once from the grid data.
enum AreaNames {
    static func variants(of entries: [Gazetteer.Entry]) -> [String: String] {
        var table: [String: String] = [:]
        for e in entries {
            let parts = e.gridCode.split(separator: "-").map(String.init)
            guard parts.count >= 3, let block = e.blockName, !block.isEmpty else { continue }
            let blockCode = parts[0...1].joined(separator: "-"), gridCode = parts[0...2].joined(separator: "-")
            let blocks = blockVariants(block, community: e.community)
            for b in blocks where table[b] == nil { table[b] = blockCode }
            guard let grid = e.gridName, grid.hasPrefix(block), grid.hasSuffix("网格") else { continue }
            let digits = String(grid.dropFirst(block.count).dropLast(2))
            guard let n = Int(digits) else { continue }
            let numbers = Set([digits, String(n), chinese(n), "第" + chinese(n), "第\(n)"])
            for b in blocks { for number in numbers where table[b + number + "网格"] == nil { table[b + number + "网格"] = gridCode } }
        }
        return table
    }

    /// 大富第一街区, 大富一街区, 大富社区第一街区, 大富社区一街区.
    static func blockVariants(_ block: String, community: String) -> [String] {
        var out = [block]
        let short = community.hasSuffix("社区") ? String(community.dropLast(2)) : community
        if block.hasPrefix(short), !block.hasPrefix(community) { out.append(community + block.dropFirst(short.count)) }
        for b in out where b.contains("第") { out.append(b.replacingOccurrences(of: "第", with: "")) }
        return out
    }

    /// 1 → 一, 10 → 十, 12 → 十二, 20 → 二十 (grid and block numbers stay small).
    static func chinese(_ n: Int) -> String {
        let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        guard n > 0, n < 100 else { return String(n) }
        if n < 10 { return digits[n] }
        return (n / 10 == 1 ? "" : digits[n / 10]) + "十" + (n % 10 == 0 ? "" : digits[n % 10])
    }

    /// The longest grid or block name in `text`, looked up from each 网格 or
    /// 街区 backwards (names are at most 16 characters), so the cost does not
    /// grow with the size of the roster.
    /// `firsts`: the names' first characters (`Gazetteer.areaNameFirsts`). A
    /// start whose character begins no name builds no key: a String built and
    /// hashed for each of the up to 14 starts before every 网格 and 街区 was
    /// over a hundredth of a parse in a profile.
    static func find(in text: ScalarText, table: [String: String], firsts: ScalarBits) -> (code: String, range: Range<Int>)? {
        guard !table.isEmpty, text.present & LineCharacters.areaName != 0 else { return nil }
        let s = text.scalars
        var best: (code: String, range: Range<Int>)? = nil
        var i = 1
        while i < min(s.count, 4096) { // bounded work on pasted junk
            defer { i += 1 }
            guard s[i] == "区" && s[i - 1] == "街" || s[i] == "格" && s[i - 1] == "网" else { continue }
            for start in stride(from: max(0, i - 16), through: max(0, i - 3), by: 1) {
                let end = i + 1
                let first = s[start].value
                if first < 0x10000, !firsts.contains(first) { continue }
                guard best.map({ end - start > $0.range.count }) ?? true, let code = table[text[start..<end]] else { continue }
                best = (code, start..<end)
                break
            }
        }
        return best
    }
}
