import Foundation

/// Reads the common shape of a JSON request without `JSONDecoder`:
/// `{"id": 1, "text": "…", "session": "…", "operator": "…"}` with string or
/// integer ids, strings without escapes and no other keys.
///
/// `JSONDecoder` (with `Data` and the `Decodable` machinery) was ≈6 % of a
/// lookup's CPU (docs/PERFORMANCE.md). Anything outside that shape — an escape,
/// another key, a repeated key, a fraction, malformed JSON — gives nil and the
/// caller decodes the line with `JSONDecoder` as before, so answers and error
/// replies stay exactly what they were.
enum JSONRequestScanner {
    /// The request, or nil when the line needs the full decoder.
    static func scan(_ line: String) -> WireFormat.JSONRequest? {
        var line = line
        return line.withUTF8 { scan(bytes: $0) }
    }

    /// `scan` over a line's bytes (`QuickJSONRequest`): its strings are checked to be valid UTF-8.
    static func scan(bytes: UnsafeBufferPointer<UInt8>) -> WireFormat.JSONRequest? {
        var scanner = Cursor(bytes: bytes)
        return scanner.request()
    }

    private struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var at = 0

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        mutating func request() -> WireFormat.JSONRequest? {
            var request = WireFormat.JSONRequest()
            var seen: UInt8 = 0
            skipSpace()
            guard take(UInt8(ascii: "{")) else { return nil }
            skipSpace()
            if take(UInt8(ascii: "}")) { return finish(request) }
            while true {
                skipSpace()
                // Any key but these four (or one spelt with an escape) leaves the line to the full decoder.
                guard let bit = knownKey() else { return nil }
                skipSpace()
                guard take(UInt8(ascii: ":")) else { return nil }
                skipSpace()
                switch bit {
                case 1:
                    guard let id = idValue() else { return nil }
                    request.id = id
                default:
                    let value: String?
                    if take(literal: "null") {
                        value = nil
                    } else {
                        guard let s = string() else { return nil }
                        value = s
                    }
                    switch bit {
                    case 2: request.text = value
                    case 4: request.session = value
                    default: request.operator = value
                    }
                }
                guard seen & bit == 0 else { return nil }
                seen |= bit
                skipSpace()
                if take(UInt8(ascii: ",")) { continue }
                guard take(UInt8(ascii: "}")) else { return nil }
                return finish(request)
            }
        }

        /// Only white space may follow the object.
        mutating func finish(_ request: WireFormat.JSONRequest) -> WireFormat.JSONRequest? {
            skipSpace()
            return at == bytes.count ? request : nil
        }

        /// An id: null (none), a string without escapes, or an integer that fits `Int`.
        mutating func idValue() -> JSONValue?? {
            if take(literal: "null") { return .some(nil) }
            if at < bytes.count, bytes[at] == UInt8(ascii: "\"") {
                return string().map { .string($0) }
            }
            let start = at
            if at < bytes.count, bytes[at] == UInt8(ascii: "-") { at += 1 }
            let digits = at
            while at < bytes.count, bytes[at] >= UInt8(ascii: "0"), bytes[at] <= UInt8(ascii: "9") { at += 1 }
            let count = at - digits
            // No digits, a leading zero (also "-0"), or more than 18 digits: the full decoder decides.
            guard count > 0, count <= 18, !(bytes[digits] == UInt8(ascii: "0") && (count > 1 || digits > start)) else { return nil }
            if at < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[at]) { return nil }
            var value = 0
            for i in digits..<at { value = value * 10 + Int(bytes[i] - UInt8(ascii: "0")) }
            return .some(.int(digits > start ? -value : value))
        }

        /// A key compared as bytes (no `String` made for it): its bit — `id` 1, `text` 2, `session` 4,
        /// `operator` 8 — or nil for any other key or no string here.
        mutating func knownKey() -> UInt8? {
            // `take(literal:)` moves on only when the whole literal matches.
            if take(literal: "\"id\"") { return 1 }
            if take(literal: "\"text\"") { return 2 }
            if take(literal: "\"session\"") { return 4 }
            if take(literal: "\"operator\"") { return 8 }
            return nil
        }

        /// A string without escapes or control characters, valid UTF-8 (a line read as bytes may not be).
        mutating func string() -> String? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            let start = at
            while at < bytes.count {
                let b = bytes[at]
                if b == UInt8(ascii: "\"") {
                    at += 1
                    return Self.validString(UnsafeBufferPointer(rebasing: bytes[start..<(at - 1)]))
                }
                if b == UInt8(ascii: "\\") || b < 0x20 { return nil }
                at += 1
            }
            return nil
        }

        /// The bytes as a `String` if they are valid UTF-8, else nil — as `String(validating:as:)`,
        /// whose generic code looked its metadata up per call (≈3 % of a lookup's CPU): decoding
        /// repairs invalid bytes, so the bytes were valid exactly when the decoded text is them.
        static func validString(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
            var text = String(decoding: bytes, as: UTF8.self)
            let same = text.withUTF8 { decoded in
                decoded.count == bytes.count && (bytes.isEmpty || memcmp(decoded.baseAddress!, bytes.baseAddress!, bytes.count) == 0)
            }
            return same ? text : nil
        }

        mutating func take(_ byte: UInt8) -> Bool {
            guard at < bytes.count, bytes[at] == byte else { return false }
            at += 1
            return true
        }

        mutating func take(literal: StaticString) -> Bool {
            let n = literal.utf8CodeUnitCount
            guard at + n <= bytes.count else { return false }
            let p = literal.utf8Start
            for i in 0..<n where bytes[at + i] != p[i] { return false }
            at += n
            return true
        }

        /// JSON white space: space, tab, newline, carriage return.
        mutating func skipSpace() {
            while at < bytes.count {
                switch bytes[at] {
                case 0x20, 0x09, 0x0A, 0x0D: at += 1
                default: return
                }
            }
        }
    }
}
