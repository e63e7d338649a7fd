/// A String from scalars, encoded to UTF-8 in one buffer. Appending scalars
/// one by one to a `String.UnicodeScalarView` (the normaliser, every entity's
/// text) was close to a tenth of a parse in a profile. The result is the same
/// String: the same scalars, always valid UTF-8.
enum ScalarString {
    static func make<C: Collection>(_ scalars: C) -> String where C.Element == Unicode.Scalar {
        if scalars.isEmpty { return "" }
        // The exact UTF-8 length first, for the buffer below: a String of up to 15 bytes is
        // made small (no heap), whatever the number of scalars.
        var bytes = 0
        for s in scalars {
            let v = s.value
            bytes += v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4
        }
        // Encoded on the stack and copied into the String without being validated again: the
        // bytes are valid UTF-8 by construction (each `Unicode.Scalar` is a valid scalar, encoded
        // below). `String(unsafeUninitializedCapacity:)` validated every String it made (the
        // description, entity and slot texts): 470 instructions a parse in a count.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes) { buffer in
            let written = encode(scalars, into: buffer)
            let span = UnsafeBufferPointer(rebasing: buffer[0..<written]).span
            return String(copying: UTF8Span(unchecked: span, isKnownASCII: written == scalars.count))
        }
    }

    /// Writes `scalars` as UTF-8 into `buffer` (large enough) and returns how many bytes.
    private static func encode<C: Collection>(_ scalars: C, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int
        where C.Element == Unicode.Scalar {
        var n = 0
        for s in scalars {
            let v = s.value
            if v < 0x80 {
                buffer[n] = UInt8(v)
                n += 1
            } else if v < 0x800 {
                buffer[n] = UInt8(0xC0 | (v >> 6))
                buffer[n + 1] = UInt8(0x80 | (v & 0x3F))
                n += 2
            } else if v < 0x10000 {
                buffer[n] = UInt8(0xE0 | (v >> 12))
                buffer[n + 1] = UInt8(0x80 | ((v >> 6) & 0x3F))
                buffer[n + 2] = UInt8(0x80 | (v & 0x3F))
                n += 3
            } else {
                buffer[n] = UInt8(0xF0 | (v >> 18))
                buffer[n + 1] = UInt8(0x80 | ((v >> 12) & 0x3F))
                buffer[n + 2] = UInt8(0x80 | ((v >> 6) & 0x3F))
                buffer[n + 3] = UInt8(0x80 | (v & 0x3F))
                n += 4
            }
        }
        return n
    }
}
