/// Decides what a 四个万家 visit finding becomes: a grievance (a problem
/// someone must fix: a broken lamp, a leak, rubbish) or a co-building need
/// (XQ, a resource or service the household wants: 助餐, 托管, 活动场地),
/// so it lands in the loop that can settle it.
///
/// A finding is a need only when all three hold: it names a need kind (the
/// words of 登记需求's 类别 slot, passed in so the vocabulary stays in
/// `intents/`), it says something is wanted or missing (`wantWords`), and it
/// reports nothing broken or dangerous (no `faultWords`, and the grievance
/// category is not an emergency). Everything else is a grievance: the
/// grievance loop has a fallback category, so nothing found is dropped.
public struct VisitFindingRule: Sendable {
    /// Need kind → the words that name it (车位: 车位, 停车位, 停车 …).
    public var needKinds: [String: [String]]

    public static let wantWords = ["需要", "希望", "想要", "想", "缺少", "缺", "没有", "无人", "难"]
    public static let faultWords = ["坏", "漏", "堵", "破", "裂", "异响", "故障", "乱", "脏", "臭", "危险"]

    public init(needKinds: [String: [String]]) {
        self.needKinds = needKinds
    }

    /// The need kind when `finding` is a co-building need; nil when it is a grievance.
    public func needKind(of finding: String, grievances rules: GrievanceRules) -> String? {
        guard Self.wantWords.contains(where: finding.contains), !Self.faultWords.contains(where: finding.contains),
              !rules.classify(finding).urgent else { return nil }
        // The longest kind word wins (停车位 over 停车), ties to the earlier one in the text.
        var best: (kind: String, length: Int, at: String.Index)? = nil
        for (kind, words) in needKinds {
            for word in words {
                guard let at = finding.range(of: word)?.lowerBound else { continue }
                if let b = best, word.count < b.length || (word.count == b.length && at >= b.at) { continue }
                best = (kind, word.count, at)
            }
        }
        return best?.kind
    }
}
