/// A JSON request line read straight from its bytes, for the socket server's quick lane:
/// `{"id": …, "text": "…"}` (no `session`, no `operator`), whose text the general path
/// (`LineInput.decode`, the stats check, `WireFormat.decodeJSONRequest`) would hand to the
/// engine unchanged.
///
/// The general path copies the line, validates it as UTF-8, checks every scalar for control
/// characters and scans it again as a `String`; here one pass over the bytes and the scan
/// decide. A line is taken only when nothing the general path checks can fail on it:
/// no control byte (below 0x20 but tab, or DEL) and no C1 control (U+0080–U+009F, the bytes
/// `C2 80`–`C2 9F`) anywhere, strings without escapes that are valid UTF-8 (the scan
/// validates them), nothing outside the strings but JSON's ASCII structure, so the whole
/// line is valid UTF-8 and `LineInput.check` passes. One trailing `\r` is dropped, as
/// `LineInput.decode` drops it. Any other line gives nil and goes the general way
/// (`QuickJSONRequestTests` compares the two on every kind of line).
public struct QuickJSONRequest: Sendable, Equatable {
    public var id: JSONValue?
    public var text: String

    init(id: JSONValue?, text: String) {
        self.id = id
        self.text = text
    }

    public init?(line: [UInt8]) {
        var end = line.count
        if end > 0, line[end - 1] == 0x0D { end -= 1 }
        guard end > 0, end <= WireFormat.maximumLineBytes, line[0] == UInt8(ascii: "{") else { return nil }
        let scanned: WireFormat.JSONRequest? = line.withUnsafeBufferPointer { all in
            let bytes = UnsafeBufferPointer(rebasing: all[..<end])
            guard Self.hasNoControl(bytes) else { return nil }
            return JSONRequestScanner.scan(bytes: bytes)
        }
        guard let request = scanned, let text = request.text, request.session == nil, request.operator == nil else { return nil }
        self.id = request.id
        self.text = text
    }

    /// No byte `LineInput.check` refuses: C0 controls but tab, DEL, and C1 controls in UTF-8.
    static func hasNoControl(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x20 {
                if b != 0x09 { return false }
            } else if b == 0x7F {
                return false
            } else if b == 0xC2, i + 1 < n, bytes[i + 1] >= 0x80, bytes[i + 1] <= 0x9F {
                return false
            }
            i += 1
        }
        return true
    }
}
