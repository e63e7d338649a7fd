/// What a search or a booking narrows the catalogue by: a name or kind as
/// said, the audience (适合老人的 → 长者), a community, a venue (by code or by
/// the estate it stands in).
public struct ActivityFilter: Sendable, Equatable {
    public var code: String?
    public var term: String?
    public var audience: String?
    public var community: String?
    public var venueCode: String?
    public var estate: String?

    public init(code: String? = nil, term: String? = nil, audience: String? = nil, community: String? = nil, venueCode: String? = nil, estate: String? = nil) {
        self.code = code
        self.term = term
        self.audience = audience.map(Self.audience(for:))
        self.community = community
        self.venueCode = venueCode
        self.estate = estate
    }

    /// The catalogue's audience words (长者, 儿童, 亲子, 全体) for what people say.
    static let audienceWords: [(String, [String])] = [
        ("长者", ["长者", "老人", "老年", "长辈", "老年人"]),
        ("儿童", ["儿童", "孩子", "小孩", "小朋友", "学生"]),
        ("亲子", ["亲子", "家长", "家庭"]),
    ]

    public static func audience(for word: String) -> String {
        audienceWords.first { $0.1.contains { word.contains($0) } }?.0 ?? word
    }

    public func accepts(_ a: Activity) -> Bool {
        if let c = code, a.code != c { return false }
        if let t = term, !(a.name.contains(t) || a.kind.contains(t) || t.contains(a.name) || a.audience.contains(t)) { return false }
        // An audience search lists the activities made for that audience (not the 全体 ones).
        if let au = audience, a.audience != au { return false }
        if let c = community, a.community != c { return false }
        if let v = venueCode, a.venueCode != v { return false }
        if let e = estate, a.venueEstate != e { return false }
        return true
    }
}
