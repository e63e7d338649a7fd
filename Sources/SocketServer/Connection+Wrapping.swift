import Bot
import NIOCore

extension UnixSocketServer {
    /// Wraps an accepted channel so that it is closed if it is dropped unserved.
    ///
    /// A connection accepted just as shutdown closes the listening channel can be
    /// dropped by the accept stream before `serveConnection` sees it. A channel
    /// wrapped with `init(wrappingChannelSynchronously:)` then stops the process
    /// (`preconditionFailure("Deinited NIOAsyncWriter without calling finish()")`,
    /// seen here under load). The older `init(synchronouslyWrapping:)` closes the
    /// channel on deinit instead. It is deprecated only to steer code towards
    /// `executeThenClose`, which `serveConnection` still uses for every
    /// connection it gets; it is called through a protocol to keep the build
    /// free of the deprecation warning.
    static func wrapClosingOnDeinit(_ channel: any Channel) throws -> Connection {
        try (ClosingOnDeinit.self as any ConnectionWrapping.Type).wrap(channel)
    }
}

private protocol ConnectionWrapping {
    static func wrap(_ channel: any Channel) throws -> UnixSocketServer.Connection
}

private enum ClosingOnDeinit: ConnectionWrapping {
    @available(*, deprecated, message: "see UnixSocketServer.wrapClosingOnDeinit")
    static func wrap(_ channel: any Channel) throws -> UnixSocketServer.Connection {
        try UnixSocketServer.Connection(synchronouslyWrapping: channel)
    }
}
