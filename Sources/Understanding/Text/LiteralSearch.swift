/// Literal substring search for the understanding hot path.
///
/// With Foundation imported, `text.contains(word)` on two `String`s resolves to
/// Foundation's `StringProtocol.contains`, which bridges both to `NSString` and
/// runs a locale-aware `CFStringFind` — about 45 % of `Understander.understand`
/// in a profile (docs/PERFORMANCE.md). This concrete overload is picked instead
/// for every `String.contains(String)` in this module, so call sites stay as they
/// are; it compares UTF-8 bytes, which for valid UTF-8 is the same as comparing
/// Unicode scalars (a match can only start on a scalar boundary).
///
/// Same answers as Foundation's for what the normaliser hands on (no combining
/// marks are composed or split by either), including `false` for an empty needle.
extension String {
    func contains(_ other: String) -> Bool {
        if other.isEmpty { return false }
        var haystack = self
        var needle = other
        return haystack.withUTF8 { h in needle.withUTF8 { n in LiteralSearch.firstIndex(of: n, in: h) != nil } }
    }
}

enum LiteralSearch {
    /// The first offset where `needle` occurs in `haystack`, or nil.
    static func firstIndex<T: Equatable>(of needle: UnsafeBufferPointer<T>, in haystack: UnsafeBufferPointer<T>) -> Int? {
        let n = needle.count, h = haystack.count
        guard n > 0, n <= h else { return nil }
        let first = needle[0]
        var i = 0
        while i <= h - n {
            if haystack[i] == first {
                var k = 1
                while k < n, haystack[i + k] == needle[k] { k += 1 }
                if k == n { return i }
            }
            i += 1
        }
        return nil
    }
}

extension ScalarText {
    /// Where `needle` first occurs, in scalar offsets (nil for an empty needle).
    func firstRange(of needle: [Unicode.Scalar], from start: Int = 0) -> Range<Int>? {
        guard start < scalars.count else { return nil }
        return scalars.withUnsafeBufferPointer { h in
            needle.withUnsafeBufferPointer { n in
                LiteralSearch.firstIndex(of: n, in: UnsafeBufferPointer(rebasing: h[start...])).map { (start + $0)..<(start + $0 + needle.count) }
            }
        }
    }
}
