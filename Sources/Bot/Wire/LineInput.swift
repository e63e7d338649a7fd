/// Checks one raw input line before it reaches the engine. Shared by every
/// front end so that bad input gets the same Chinese error everywhere.
public enum LineInput {
    /// Decodes a line's bytes (without its newline; a trailing `\r` is dropped).
    /// Returns the text, or the error reply for invalid UTF-8, NUL or control
    /// characters, or a line over `WireFormat.maximumLineBytes`.
    public static func decode(_ bytes: some Collection<UInt8>) -> Result<String, RejectedLine> {
        var bytes = Array(bytes)
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        if bytes.count > WireFormat.maximumLineBytes {
            return .failure(RejectedLine(reply: .failure(nil, code: "line_too_long",
                message: "输入过长：一行最多 \(WireFormat.maximumLineBytes) 字节，请分开发送。")))
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return .failure(RejectedLine(reply: .failure(nil, code: "invalid_utf8", message: "输入不是有效的 UTF-8 文本，请检查编码。")))
        }
        return check(text)
    }

    /// Rejects NUL and other control characters (tab is allowed and read as a space).
    public static func check(_ text: String) -> Result<String, RejectedLine> {
        if text.utf8.count > WireFormat.maximumLineBytes {
            return .failure(RejectedLine(reply: .failure(nil, code: "line_too_long",
                message: "输入过长：一行最多 \(WireFormat.maximumLineBytes) 字节，请分开发送。")))
        }
        for scalar in text.unicodeScalars where scalar != "\t" {
            if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) {
                return .failure(RejectedLine(reply: .failure(nil, code: "control_character",
                    message: "输入含有控制字符（U+\(hex4(scalar.value))），请删除后重试。")))
            }
        }
        return .success(text)
    }
}

/// A line refused before it reached the engine, with the reply to send.
public struct RejectedLine: Error, Sendable {
    public var reply: Reply
}

private func hex4(_ value: UInt32) -> String {
    let hex = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - hex.count)) + hex
}
