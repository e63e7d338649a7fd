/// What the engine answers to one line. Every front end renders this, and only this.
public struct Reply: Sendable, Equatable {
    public enum State: String, Sendable, Codable {
        /// Finished.
        case done
        /// Needs more information; `text` asks for it.
        case ask
        /// Ambiguous; `data.choices` lists the options.
        case clarify
        /// Refused; `error` says why, in Chinese.
        case error
    }

    public struct Failure: Sendable, Equatable, Codable {
        public var code: String
        public var message: String
        public init(code: String, message: String) {
            self.code = code
            self.message = message
        }
    }

    public var state: State
    public var intent: String?
    /// Simplified Chinese, possibly several lines, never containing an empty line
    /// (the socket's text framing ends a reply with an empty line).
    public var text: String
    public var data: JSONValue
    public var error: Failure?

    public init(state: State, intent: String?, text: String, data: JSONValue = [:], error: Failure? = nil) {
        self.state = state
        self.intent = intent
        self.text = Reply.withoutEmptyLines(text)
        self.data = data
        self.error = error
    }

    public static func done(_ intent: String?, _ text: String, data: JSONValue = [:]) -> Reply {
        Reply(state: .done, intent: intent, text: text, data: data)
    }

    public static func ask(_ intent: String?, _ text: String, data: JSONValue = [:]) -> Reply {
        Reply(state: .ask, intent: intent, text: text, data: data)
    }

    public static func clarify(_ intent: String?, _ text: String, choices: [JSONValue], data: [String: JSONValue] = [:]) -> Reply {
        var d = data
        d["choices"] = .array(choices)
        return Reply(state: .clarify, intent: intent, text: text, data: .object(d))
    }

    public static func failure(_ intent: String?, code: String, message: String) -> Reply {
        Reply(state: .error, intent: intent, text: message, data: [:], error: Failure(code: code, message: message))
    }

    public var ok: Bool { state != .error }

    static func withoutEmptyLines(_ text: String) -> String {
        if hasNoEmptyLine(text) { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: true)
            .filter { !$0.allSatisfy { $0 == " " } }
            .joined(separator: "\n")
    }

    /// Whether `withoutEmptyLines` would return `text` unchanged: no `\r`
    /// (`\r\n` is one Character, not a line break, to `split`), and every line
    /// has a byte other than a space. Checked on bytes: replies are built on every
    /// request and nearly all are already clean.
    static func hasNoEmptyLine(_ text: String) -> Bool {
        var lineHasText = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\n"):
                guard lineHasText else { return false }
                lineHasText = false
            case UInt8(ascii: "\r"):
                return false
            case UInt8(ascii: " "):
                break
            default:
                lineHasText = true
            }
        }
        return lineHasText
    }
}
