/// The limits one server enforces on its clients (docs/PROTOCOL.md, "Limits").
///
/// ```swift
/// let limits = ServerLimits(maximumConnections: 512, idleTimeout: .seconds(60))
/// ```
public struct ServerLimits: Sendable, Equatable {
    /// Open connections at most; the next one gets a `too_many_connections` line and is closed.
    public var maximumConnections: Int
    /// A connection that sends nothing for this long is closed; nil never closes it.
    public var idleTimeout: Duration?
    /// Requests read ahead of their replies on one connection: past this the
    /// server stops reading that connection until replies catch up.
    public var maximumPipelinedRequests: Int

    public init(maximumConnections: Int = 1024, idleTimeout: Duration? = .seconds(300), maximumPipelinedRequests: Int = 64) {
        self.maximumConnections = max(1, maximumConnections)
        self.idleTimeout = idleTimeout
        self.maximumPipelinedRequests = max(1, maximumPipelinedRequests)
    }
}
