import Foundation

/// What relative expressions (明天, 下周六, 三点) resolve against.
public struct ParseContext: Sendable {
    /// The reference instant (`--now`).
    public var now: Date
    /// The zone the user speaks in; relative times resolve in it.
    public var timeZone: TimeZone

    public init(now: Date, timeZone: TimeZone) {
        self.now = now
        self.timeZone = timeZone
    }

    /// A Gregorian calendar in the context's zone.
    public var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        calendar.firstWeekday = 2 // weeks start on Monday in China
        return calendar
    }
}

/// The normalised text as an array of scalars, so extractors index in O(1)
/// with the offsets the contract uses.
public struct ScalarText: Sendable {
    public let scalars: [Unicode.Scalar]
    /// The text as given, so that asking for all of it (`text[0..<text.count]`,
    /// done several times per line) builds nothing.
    private let whole: String

    public init(_ string: String) {
        scalars = Array(string.unicodeScalars)
        whole = string
    }

    public var count: Int { scalars.count }

    public subscript(range: Range<Int>) -> String {
        if range.lowerBound == 0, range.upperBound == scalars.count { return whole }
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars[range])
        return String(s)
    }

    public subscript(index: Int) -> Unicode.Scalar { scalars[index] }
}

/// One kind of entity finder. Extractors are pure: same text and context, same result.
public protocol EntityExtractor: Sendable {
    func extract(from text: ScalarText, context: ParseContext) -> [Entity]
}
