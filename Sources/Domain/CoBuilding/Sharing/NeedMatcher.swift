/// One resource or service that could meet a need, with why it ranks where it does.
@dynamicMemberLookup
public struct MatchCandidate: Sendable, Equatable {
    public enum Provider: String, Sendable { case resource, service }

    public var provider: Provider
    public var offer: Offer
    /// 40 个 for a resource, 30 人/次 for a service.
    public var amount: String
    /// Minutes a week both the need and the provider are open (the provider's all when the need gave no time).
    public var overlapMinutes = 0
    public var score = 0
    /// 同小区, 同社区, 时段重合 3 小时/周 …
    public var reasons: [String] = []

    public subscript<T>(dynamicMember path: KeyPath<Offer, T>) -> T { offer[keyPath: path] }
}

/// Ranks the resources and services that fit a need. Pure: the lists come in,
/// the ranking goes out.
///
/// Rules: the kind must be the need's kind; when the need says when, the
/// provider's window must overlap it. Then the same estate scores 50, the same
/// community 30 (another community 0), and the share of the need's time the
/// provider covers up to 30. Ties go to the longer overlap, then the id.
public enum NeedMatcher {
    public static func rank(_ need: Need, resources: [SharedResource], services: [CommunityService]) -> [MatchCandidate] {
        let candidates = resources.filter { $0.kind == need.kind }.map { MatchCandidate(provider: .resource, offer: $0.offer, amount: "\($0.quantity) \($0.measure)") }
            + services.filter { $0.kind == need.kind }.map { MatchCandidate(provider: .service, offer: $0.offer, amount: "\($0.capacity) 人/次") }
        var ranked: [MatchCandidate] = []
        for var c in candidates {
            if let wanted = need.window {
                c.overlapMinutes = wanted.overlapMinutes(with: c.window)
                guard c.overlapMinutes > 0 else { continue }
                let share = min(30, c.overlapMinutes * 30 / max(1, wanted.weeklyMinutes))
                c.score += share
                c.reasons.append("时段重合 \(hours(c.overlapMinutes))/周")
            } else {
                c.overlapMinutes = c.window.weeklyMinutes
            }
            if c.community == need.community {
                if let place = need.place, place == c.place {
                    c.score += 50
                    c.reasons.insert("同小区", at: 0)
                } else {
                    c.score += 30
                    c.reasons.insert("同社区", at: 0)
                }
            } else {
                c.reasons.insert("跨社区（\(c.community)）", at: 0)
            }
            ranked.append(c)
        }
        return ranked.sorted { ($1.score, $1.overlapMinutes, $0.id) < ($0.score, $0.overlapMinutes, $1.id) }
    }

    static func hours(_ minutes: Int) -> String {
        minutes % 60 == 0 ? "\(minutes / 60) 小时" : String(format: "%.1f 小时", Double(minutes) / 60)
    }
}
