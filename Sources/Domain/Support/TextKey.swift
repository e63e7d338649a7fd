import Foundation

/// A text hashed and compared by its UTF-8 bytes. `String`'s own hashing and `==` normalise
/// non-ASCII text (NFC) on every call, which showed in a cached lookup's profile (the
/// understanding cache) and in a ticket's routing (`GridIndex`); two texts
/// that are canonically equal but spelt with different scalars are two entries here, each
/// with its own (equal) result.
public struct TextKey: Hashable, Sendable {
    public let text: String

    public init(_ text: String) {
        var native = text
        // Contiguous UTF-8 once, so that hashing and comparing never copy.
        native.makeContiguousUTF8()
        self.text = native
    }

    public func hash(into hasher: inout Hasher) {
        text.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
            ?? { for byte in text.utf8 { hasher.combine(byte) } }()
    }

    public static func == (a: TextKey, b: TextKey) -> Bool {
        let count = a.text.utf8.count
        guard count == b.text.utf8.count else { return false }
        // Both contiguous (`init`): one memcmp, not the generic element-by-element walk that showed
        // in a cached lookup's profile (≈1 % of a 查询网格 request's CPU).
        let fast = a.text.utf8.withContiguousStorageIfAvailable { x in
            b.text.utf8.withContiguousStorageIfAvailable { y in count == 0 || memcmp(x.baseAddress!, y.baseAddress!, count) == 0 }
        }
        return (fast ?? nil) ?? a.text.utf8.elementsEqual(b.text.utf8)
    }
}
