import Foundation

/// What relative expressions (明天, 下周六, 三点) resolve against.
public struct ParseContext: Sendable {
    /// The reference instant (`--now`).
    public var now: Date { didSet { localNow = Self.local(now, in: timeZone) } }
    /// The zone the user speaks in; relative times resolve in it.
    public var timeZone: TimeZone { didSet { localNow = Self.local(now, in: timeZone) } }
    /// `now` on the zone's clock, in seconds since 1970 (whole seconds), worked out when `now` or
    /// `timeZone` is set: the time extractor asked the zone for its offset on every line, about
    /// 200 instructions a line through Foundation.
    private(set) var localNow: Int

    public init(now: Date, timeZone: TimeZone) {
        self.now = now
        self.timeZone = timeZone
        localNow = Self.local(now, in: timeZone)
    }

    private static func local(_ now: Date, in zone: TimeZone) -> Int {
        Int(now.timeIntervalSince1970.rounded(.down)) + zone.secondsFromGMT(for: now)
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
    /// The text as given, so that asking for all of it (`text[0..<text.count]`)
    /// builds nothing when normalising changed none of it (`changed`).
    private let whole: String
    /// Whether normalising changed a character (a full-width comma, a traditional one): then
    /// the whole text is encoded again when asked for. Most lines are never asked (only some
    /// slots read the whole line), and encoding each changed line up front was close to a
    /// twentieth of a parse in a count of instructions.
    private let changed: Bool
    /// The `LineCharacters` groups the text has characters of.
    let present: UInt64

    public init(_ string: String) {
        scalars = Array(string.unicodeScalars)
        whole = string
        changed = false
        present = LineCharacters.present(in: scalars)
    }

    /// The normalised text of `raw` (`Normalizer.normalize`), mapped once
    /// into scalars and encoded once, rather than built scalar by scalar and
    /// decoded again.
    init(normalizing raw: String) {
        var changed = false
        var present: UInt64 = 0
        // Written into a buffer sized by the UTF-8 length (never fewer bytes than scalars).
        self.scalars = .written(capacity: raw.utf8.count) { buffer in
            Self.normalize(raw, into: buffer, changed: &changed, present: &present)
        }
        // Most lines need no change: then the normalised text is the line
        // itself (the same scalars), and no String is encoded again.
        whole = raw
        self.changed = changed
        self.present = present
    }

    /// Writes `raw`'s scalars, normalised, into `buffer` and returns how many; notes whether one
    /// changed and which `LineCharacters` groups occur. A function of its own with `inout`s: the
    /// same loop in a closure that captured the flags checked each access to them at run time
    /// (`swift_beginAccess`, seven calls a line).
    private static func normalize(_ raw: String, into buffer: UnsafeMutableBufferPointer<Unicode.Scalar>,
                                  changed: inout Bool, present: inout UInt64) -> Int {
        let tables = Normalizer.Tables.shared
        let characters = LineCharacters.table
        var n = 0, anyChanged = false, groups: UInt64 = 0
        @inline(__always) func put(_ s: Unicode.Scalar) {
            let m = tables.map(s)
            if m != s { anyChanged = true }
            groups |= characters[m]
            buffer.initializeElement(at: n, to: m)
            n += 1
        }
        // A native String's bytes decoded here (a String is valid UTF-8): iterating its
        // `unicodeScalars` was a third of this loop's instructions. Others the long way.
        let decoded: Void? = raw.utf8.withContiguousStorageIfAvailable { bytes in
            var i = 0
            while i < bytes.count {
                let b0 = UInt32(bytes[i])
                if b0 < 0x80 {
                    put(Unicode.Scalar(UInt8(b0)))
                    i += 1
                } else if b0 < 0xE0 {
                    put(Unicode.Scalar((b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F))!)
                    i += 2
                } else if b0 < 0xF0 {
                    put(Unicode.Scalar((b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F))!)
                    i += 3
                } else {
                    put(Unicode.Scalar((b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                                       | UInt32(bytes[i + 3] & 0x3F))!)
                    i += 4
                }
            }
        }
        if decoded == nil {
            for s in raw.unicodeScalars { put(s) }
        }
        changed = anyChanged
        present = groups
        return n
    }

    public var count: Int { scalars.count }

    public subscript(range: Range<Int>) -> String {
        if range.lowerBound == 0, range.upperBound == scalars.count, !changed { return whole }
        return ScalarString.make(scalars[range])
    }

    public subscript(index: Int) -> Unicode.Scalar { scalars[index] }
}

/// One kind of entity finder. Extractors are pure: same text and context, same result.
public protocol EntityExtractor: Sendable {
    func extract(from text: ScalarText, context: ParseContext) -> [Entity]
}
