import Foundation

/// Who is talking: the state of one conversation (a half-filled 报事, say).
///
/// A socket connection owns one; a JSON request naming `session` uses the
/// registry's instead. The lock makes it safe to share between threads; a
/// session is used by one request at a time in practice (replies keep order).
public final class Session: @unchecked Sendable {
    public let id: String
    /// Operator identity as given by the front end (`operator` in JSON, peer uid).
    public var operatorName: String? {
        get { lock.withLock { _operatorName } }
        set { lock.withLock { _operatorName = newValue } }
    }

    /// Whether operator-only intents (`Engine.operatorOnlyIntents`) may run in this
    /// session. The socket server clears it for peers outside the operator group.
    public var mayOperate: Bool {
        get { lock.withLock { _mayOperate } }
        set { lock.withLock { _mayOperate = newValue } }
    }

    private let lock = NSLock()
    private var _operatorName: String?
    private var _mayOperate = true
    private var _dialogue: Dialogue?

    public init(id: String, operatorName: String? = nil) {
        self.id = id
        self._operatorName = operatorName
    }

    /// The dialogue in progress, if any.
    public var dialogue: Dialogue? {
        get { lock.withLock { _dialogue } }
        set { lock.withLock { _dialogue = newValue } }
    }

    /// A short label for a prompt: the intent being filled in, or nil.
    public var promptLabel: String? { dialogue?.promptLabel }
}

/// Sessions named by clients (`"session": "…"` in a JSON request), shared by
/// all connections of one server.
public final class SessionRegistry: @unchecked Sendable {
    private let lock = NSLock()
    private var sessions: [String: Session] = [:]

    public init() {}

    public func session(named name: String) -> Session {
        lock.withLock {
            if let s = sessions[name] { return s }
            let s = Session(id: name)
            sessions[name] = s
            return s
        }
    }
}
