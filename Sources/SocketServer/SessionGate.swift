import Foundation

/// Runs requests for one named session one at a time.
///
/// A connection's own session already sees its requests in order; a named
/// session (`"session"` in JSON) can be used by several connections at once, and
/// the engine reads the dialogue, then replaces it. Blocking is fine here: the
/// gate is used on the handler thread pool only.
///
/// `@unchecked Sendable`: `gates` is only touched under `lock`; each gate is an `NSLock`.
final class SessionGate: @unchecked Sendable {
    private let lock = NSLock()
    private var gates: [String: NSLock] = [:]

    func run<T>(session name: String, _ body: () -> T) -> T {
        let gate = lock.withLock {
            if let gate = gates[name] { return gate }
            let gate = NSLock()
            gates[name] = gate
            return gate
        }
        return gate.withLock(body)
    }
}
