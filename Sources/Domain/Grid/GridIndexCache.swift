import Foundation

/// The grid index of one `Services`, read from the database on first use.
///
/// `@unchecked Sendable`: `index` is read and written only under `lock`.
final class GridIndexCache: @unchecked Sendable {
    private let lock = NSLock()
    private var index: GridIndex?

    /// The index, loading it with `load` the first time.
    func index(_ load: () throws -> [GridPlacement]) throws -> GridIndex {
        lock.lock()
        defer { lock.unlock() }
        if let index { return index }
        let loaded = GridIndex(try load())
        index = loaded
        return loaded
    }
}
