extension Array where Element: BitwiseCopyable {
    /// An array of the elements `write` puts at the start of a buffer of `capacity`,
    /// returning how many it wrote.
    ///
    /// Not `Array(unsafeUninitializedCapacity:initializingWith:)`: that one allocates
    /// through a standard-library function that is never inlined into this module, so
    /// it runs unspecialised and looks the storage class's metadata up at run time on
    /// every call (some 700 instructions a call; three calls a line were 3 % of a parse's
    /// instructions). Here the elements are written into a temporary buffer (on the stack
    /// when small) and copied by `Array(_:)`, which is specialised and allocates cheaply;
    /// the copy of a line's worth of trivial elements costs far less.
    @inline(__always)
    static func written(capacity: Int, _ write: (UnsafeMutableBufferPointer<Element>) -> Int) -> [Element] {
        withUnsafeTemporaryAllocation(of: Element.self, capacity: capacity) { buffer in
            let count = write(buffer)
            precondition(count >= 0 && count <= capacity, "Array.written: wrote \(count) of \(capacity)")
            return count == 0 ? [] : Array(UnsafeBufferPointer(rebasing: buffer[..<count]))
        }
    }
}
