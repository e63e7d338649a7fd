import Foundation
import NIOCore

/// How many event loops the server runs: one per CPU the process may use.
///
/// NIO's shared group has one loop per core of the machine, whatever the
/// affinity mask says. Pinned to one CPU (`taskset -c 0`, as the benchmark
/// does) a second loop on the same core adds task switches and nothing else.
public enum EventLoopSizing {
    /// Sizes NIO's shared event loop group by the affinity mask, unless
    /// `NIO_SINGLETON_GROUP_LOOP_COUNT` already says. Call once, before anything
    /// uses NIO's singletons (NIO refuses a second setting).
    public static func matchAffinity() {
        guard ProcessInfo.processInfo.environment["NIO_SINGLETON_GROUP_LOOP_COUNT"] == nil,
              let cores = Platform.usableCoreCount() else { return }
        NIOSingletons.groupLoopCountSuggestion = cores
    }
}
