/// The digits of ISO 8601 values (`LocalTime.iso`, `UpcomingDay.isoDay`), written as ASCII
/// bytes into one buffer: padding and joining several small strings per value showed in
/// profiles of the parse (a value is written for every time found).
enum ISODigits {
    /// `value` as `width` decimal digits, zero-padded, at `at` (the value fits: callers check).
    @inline(__always)
    static func put(_ value: Int, into b: UnsafeMutableBufferPointer<UInt8>, at: Int, width: Int) {
        var v = value
        for k in stride(from: at + width - 1, through: at, by: -1) {
            b[k] = UInt8(0x30 + v % 10)
            v /= 10
        }
    }

    /// Whether `day` can be written as yyyy-mm-dd in ten bytes.
    static func fits(year: Int, month: Int, day: Int) -> Bool {
        (0...9999).contains(year) && (1...12).contains(month) && (1...31).contains(day)
    }

    /// yyyy-mm-dd in the first ten bytes of `b` (the day `fits`).
    @inline(__always)
    static func putDay(year: Int, month: Int, day: Int, into b: UnsafeMutableBufferPointer<UInt8>) {
        put(year, into: b, at: 0, width: 4)
        b[4] = 0x2D
        put(month, into: b, at: 5, width: 2)
        b[7] = 0x2D
        put(day, into: b, at: 8, width: 2)
    }

    /// `value` zero-padded to `width` digits, the long way (values the buffers cannot hold).
    static func padded(_ value: Int, _ width: Int = 2) -> String {
        let s = String(value)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }
}
