import Foundation
import NIOCore

/// The open connections of one server, so that shutdown can stop reading on
/// each of them and, after a grace period, close them.
///
/// `@unchecked Sendable`: every stored property is read and written under `lock`.
final class ConnectionRegistry: @unchecked Sendable {
    private let lock = NSLock()
    private var channels: [ObjectIdentifier: any Channel] = [:]
    private var draining = false
    private var lastID = 0

    /// A number for the log and the connection's session id.
    func nextID() -> Int {
        lock.withLock {
            lastID += 1
            return lastID
        }
    }

    /// Registers a connection as it is accepted (in the child channel
    /// initializer): one accepted just as shutdown begins may never reach
    /// `serveConnection`, and must still be found and closed.
    func add(_ channel: any Channel) {
        lock.withLock { channels[ObjectIdentifier(channel)] = channel }
    }

    var isDraining: Bool { lock.withLock { draining } }

    /// Half-closes a connection's input so its request loop ends after the
    /// requests already read. Skips a channel not active yet: NIO may not have
    /// finished registering it (a half-close then trips an assertion), and
    /// `serveConnection` checks `isDraining` once it is active.
    static func stopReading(_ channel: any Channel) {
        channel.eventLoop.execute {
            if channel.isActive {
                channel.close(mode: .input, promise: nil)
            }
        }
    }

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

    var open: [any Channel] {
        lock.withLock { Array(channels.values) }
    }
}
