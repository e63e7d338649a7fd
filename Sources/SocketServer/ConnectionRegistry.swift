import Foundation
import NIOCore

/// The open connections of one server, so that shutdown can stop reading on
/// each of them and, after a grace period, close them.
///
/// `@unchecked Sendable`: every stored property is read and written under `lock`.
final class ConnectionRegistry: @unchecked Sendable {
    private let lock = NSLock()
    private var channels: [ObjectIdentifier: any Channel] = [:]
    /// Every channel accepted and not yet closed, served or not: one accepted in
    /// the instant shutdown closes the listener may never reach `serveConnection`.
    private var accepted: [ObjectIdentifier: any Channel] = [:]
    private var draining = false
    private var lastID = 0

    /// A number for the log and the connection's session id.
    func nextID() -> Int {
        lock.withLock {
            lastID += 1
            return lastID
        }
    }

    enum Admission: Equatable {
        case admitted
        /// The server is shutting down: stop reading from it at once.
        case draining
        /// `limit` connections are open already: refuse this one.
        case full
    }

    /// Registers a connection unless `limit` are open already.
    func add(_ channel: any Channel, limit: Int) -> Admission {
        lock.withLock {
            guard channels.count < limit else { return .full }
            channels[ObjectIdentifier(channel)] = channel
            return draining ? .draining : .admitted
        }
    }

    var count: Int { lock.withLock { channels.count } }

    var isDraining: Bool { lock.withLock { draining } }

    func remove(_ channel: any Channel) {
        lock.withLock { _ = channels.removeValue(forKey: ObjectIdentifier(channel)) }
    }

    /// Marks the registry as draining and returns the connections open now.
    func startDraining() -> [any Channel] {
        lock.withLock {
            draining = true
            return Array(channels.values)
        }
    }

    /// Records a channel as it is accepted; it leaves the record when it closes.
    func noteAccepted(_ channel: any Channel) {
        let key = ObjectIdentifier(channel)
        lock.withLock { accepted[key] = channel }
        channel.closeFuture.whenComplete { [weak self] _ in
            guard let self else { return }
            self.lock.withLock { _ = self.accepted.removeValue(forKey: key) }
        }
    }

    /// Accepted channels still open (at the end of shutdown: never served).
    var stillAccepted: [any Channel] { lock.withLock { Array(accepted.values) } }

    var open: [any Channel] {
        lock.withLock { Array(channels.values) }
    }
}
