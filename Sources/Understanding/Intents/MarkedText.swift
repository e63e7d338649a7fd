/// A slot said after a marker word (议题 香榭郦景停车难, 地点 党群服务中心), up
/// to the next marker of the same intent; or a word that ends like a place
/// (党群服务中心) when no marker is said. Slot values (`values` in the intent
/// file): `after` the markers, `ends` the endings, `until` words that also end
/// the value (a space, for a one-word value such as a skill).
enum MarkedText {
    /// A slot's words as scalars, made once per slot: converting each word
    /// (and building the lists) per line showed in a profile.
    struct Words: Sendable {
        let after: [[Unicode.Scalar]]
        /// Every marker of the intent, then the slot's own `until` words.
        let until: [[Unicode.Scalar]]
        let markers: [[Unicode.Scalar]]
        let ends: [String]?

        init(_ slot: SlotSpec, markers: [String]) {
            after = (slot.values?["after"] ?? []).map { Array($0.unicodeScalars) }
            until = (markers + (slot.values?["until"] ?? [])).map { Array($0.unicodeScalars) }
            self.markers = markers.map { Array($0.unicodeScalars) }
            ends = slot.values?["ends"]
        }
    }

    static func find(_ slot: SlotSpec, in text: String, markers allMarkers: [String]) -> String? {
        find(Words(slot, markers: allMarkers), in: Array(text.unicodeScalars))
    }

    static func find(_ words: Words, in scalars: [Unicode.Scalar]) -> String? {
        if let (_, end) = earliest(words.after, in: scalars) {
            var start = end
            while start < scalars.count, isSeparator(scalars[start]) { start += 1 }
            let stop = earliest(words.until, in: scalars, from: start)?.start ?? scalars.count
            // Trimmed as `trimmingCharacters(in: .whitespaces)` then of "，,。；;：:" would (Foundation's was a
            // per cent of a parse): whitespace is category Zs and the tab.
            var lower = start, upper = stop
            while lower < upper, isBlank(scalars[lower]) { lower += 1 }
            while upper > lower, isBlank(scalars[upper - 1]) { upper -= 1 }
            while lower < upper, isEndPunctuation(scalars[lower]) { lower += 1 }
            while upper > lower, isEndPunctuation(scalars[upper - 1]) { upper -= 1 }
            // 地点 丰泽小区 3人 内容 …: the head count said after the value, apart, is not part of it.
            if let cut = headCountApart(scalars, from: lower, to: upper) { upper = cut }
            return lower < upper ? ScalarString.make(scalars[lower..<upper]) : nil
        }
        guard let ends = words.ends, !ends.isEmpty else { return nil }
        // Only before the first marker: a place word inside a topic is part of the topic.
        let before = earliest(words.markers, in: scalars)?.start ?? scalars.count
        let head = String(String.UnicodeScalarView(scalars[0..<before]))
        return head.split(whereSeparator: { $0 == " " || $0 == "，" || $0 == "," }).map(String.init)
            .first { token in ends.contains { token.hasSuffix($0) && token.count > $0.count || token == $0 } }
            // 在社区党群服务中心, 下周五下午三点在社区会议室: the place after 在 (Cantonese 喺), not the word for "at"
            // or the time before it.
            .map { token in
                guard let at = token.lastIndex(where: { $0 == "在" || $0 == "喺" }), token.distance(from: at, to: token.endIndex) > 2 else { return token }
                return String(token[token.index(after: at)...])
            }
    }

    /// Where a value ends when its last word, after a blank or a comma, is a head count (3人, 5个人, 十名,
    /// ３位, 要4个人):
    /// the end of the text before that blank. Nil when it is not, or when the count is all there is.
    static func headCountApart(_ scalars: [Unicode.Scalar], from lower: Int, to upper: Int) -> Int? {
        var i = upper - 1
        guard i > lower, "人名位".unicodeScalars.contains(scalars[i]) else { return nil }
        i -= 1
        if scalars[i] == "个" { i -= 1 }
        let digitsEnd = i
        while i >= lower, ChineseNumber.isNumeralScalar(scalars[i]) { i -= 1 }
        // 要4个人, 需要6个人: the count said with its verb.
        if i < digitsEnd, i > lower, scalars[i] == "要" { i -= 1 }
        if i < digitsEnd, i > lower, scalars[i] == "需" { i -= 1 }
        guard i < digitsEnd, i > lower, isBlank(scalars[i]) || isEndPunctuation(scalars[i]) else { return nil }
        var cut = i
        while cut > lower, isBlank(scalars[cut - 1]) || isEndPunctuation(scalars[cut - 1]) { cut -= 1 }
        return cut
    }

    static func isSeparator(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case " ", ":", "：", "，", ",", "、": return true
        default: return false
        }
    }

    static func isBlank(_ s: Unicode.Scalar) -> Bool { s == "\t" || s.properties.generalCategory == .spaceSeparator }

    static func isEndPunctuation(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "，", ",", "。", "；", ";", "：", ":": return true
        default: return false
        }
    }

    /// The first occurrence of any of `words` at or after `from` (the longest at the same place).
    static func earliest(_ words: [[Unicode.Scalar]], in scalars: [Unicode.Scalar], from: Int = 0) -> (start: Int, end: Int)? {
        var best: (start: Int, end: Int)? = nil
        for w in words {
            guard !w.isEmpty, w.count <= scalars.count else { continue }
            var i = from
            while i + w.count <= scalars.count {
                if scalars[i..<(i + w.count)].elementsEqual(w) {
                    if best == nil || i < best!.start || (i == best!.start && i + w.count > best!.end) { best = (i, i + w.count) }
                    break
                }
                i += 1
            }
        }
        return best
    }
}

import Foundation
