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

    public var state: State { didSet { rendered = nil } }
    public var intent: String? { didSet { rendered = nil } }
    /// Simplified Chinese, possibly several lines, never containing an empty line
    /// (the socket's text framing ends a reply with an empty line).
    public var text: String { didSet { rendered = nil } }
    public var data: JSONValue {
        get {
            switch dataStorage {
            case .value(let value): return value
            case .deferred(let make): return make()
            }
        }
        set {
            dataStorage = .value(newValue)
            rendered = nil
        }
    }
    /// `data` as given, or made on demand for a reply whose JSON bytes were written
    /// directly (`done(_:_:dataCapacity:writeData:data:)`): the socket sends those bytes and never asks.
    private var dataStorage: DataStorage
    public var error: Failure? { didSet { rendered = nil } }
    /// The JSON reply's bytes around the request id, for a reply built once and
    /// served many times (`WireFormat.keepingJSON`); dropped by any change above.
    /// Not part of what the reply says: `==` ignores it.
    public private(set) var rendered: RenderedJSON?

    public init(state: State, intent: String?, text: String, data: JSONValue = [:], error: Failure? = nil) {
        self.state = state
        self.intent = intent
        self.text = Reply.withoutEmptyLines(text)
        self.dataStorage = .value(data)
        self.error = error
    }

    private enum DataStorage: Sendable {
        case value(JSONValue)
        case deferred(@Sendable () -> JSONValue)
    }

    public static func done(_ intent: String?, _ text: String, data: JSONValue = [:]) -> Reply {
        Reply(state: .done, intent: intent, text: text, data: data)
    }

    /// A finished reply whose `data` is written as JSON bytes by `writeData` (the bytes
    /// `data().write` gives, which a test checks for each such reply), into the reply's
    /// rendered head itself (`dataCapacity`: about how many bytes it writes): a filing's
    /// reply is built once per ticket on the committer, and the dictionary of 26 members,
    /// sorted and rendered, was ≈10 % of a ticket's CPU. `data` makes the value only when
    /// something other than the socket's JSON reply asks (REPL, transcripts, tests).
    static func done(_ intent: String?, _ text: String, dataCapacity: Int, writeData: (inout [UInt8]) -> Void,
                     data: @escaping @Sendable () -> JSONValue) -> Reply {
        var reply = Reply(state: .done, intent: intent, text: text)
        reply.dataStorage = .deferred(data)
        reply.rendered = RenderedJSON(reply, dataCapacity: dataCapacity, writeData: writeData)
        return reply
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

    public static func == (a: Reply, b: Reply) -> Bool {
        a.state == b.state && a.intent == b.intent && a.text == b.text && a.data == b.data && a.error == b.error
    }

    /// This reply with its JSON bytes (all but the request id) rendered once.
    func keepingJSON() -> Reply {
        var kept = self
        kept.rendered = RenderedJSON(self)
        return kept
    }

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
        // Over the contiguous bytes when the string has them (a native string does):
        // iterating `utf8` showed in the filing profile for a long reply.
        if let answer = text.utf8.withContiguousStorageIfAvailable({ hasNoEmptyLine(buffer: $0) }) { return answer }
        return Array(text.utf8).withUnsafeBufferPointer { hasNoEmptyLine(buffer: $0) }
    }

    /// `hasNoEmptyLine` over bytes: a line break with no byte but spaces since the last one (or
    /// the start), or a `\r`, is an empty line. Eight bytes at a time while the line already has
    /// text and the word holds no `\n` or `\r` (a filing's reply, ≈1 KB, is checked once per ticket).
    static func hasNoEmptyLine(buffer bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        var lineHasText = false
        var i = 0
        let n = bytes.count
        while i < n {
            if lineHasText, i + 8 <= n {
                let word = UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self)
                let newline = word ^ (ones &* 0x0A), carriage = word ^ (ones &* 0x0D)
                if ((newline &- ones) & ~newline & highs) | ((carriage &- ones) & ~carriage & highs) == 0 {
                    i += 8
                    continue
                }
            }
            switch bytes[i] {
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
            i += 1
        }
        return lineHasText
    }
}
