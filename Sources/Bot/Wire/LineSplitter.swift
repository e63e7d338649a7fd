/// Splits a byte stream into request lines at `\n`, with a cap on line length.
///
/// A line longer than `maximumLineBytes` (a trailing `\r` not counted) comes out
/// as `.tooLong` once, and the rest of it is skipped up to the next newline, so
/// the stream stays in step. Shared by the socket server's decoder and the stdin
/// line mode, so both frame input the same way.
///
/// ```swift
/// var splitter = LineSplitter()
/// splitter.append(Array("a\nb".utf8))
/// splitter.next()    // .line([0x61])
/// splitter.next()    // nil (no newline yet)
/// splitter.finish()  // .line([0x62]) — the unterminated tail at end of input
/// ```
public struct LineSplitter: Sendable {
    /// One unit of input.
    public enum Piece: Sendable, Equatable {
        /// A line's bytes without the `\n` (a trailing `\r` is left for `LineInput.decode`).
        case line([UInt8])
        /// A line over the limit; `startsWithBrace` tells whether it looked like JSON.
        case tooLong(startsWithBrace: Bool)
    }

    public let maximumLineBytes: Int
    private var buffer: [UInt8] = []
    /// Index of the first byte not yet handed out.
    private var start = 0
    /// Bytes after `start` already searched without finding a newline.
    private var scanned = 0
    /// True while skipping the remainder of an over-long line.
    private var discarding = false

    public init(maximumLineBytes: Int = WireFormat.maximumLineBytes) {
        self.maximumLineBytes = maximumLineBytes
    }

    /// Adds bytes read from the stream.
    public mutating func append(_ bytes: some Sequence<UInt8>) {
        if start > 0 {
            buffer.removeSubrange(0..<start)
            start = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// The next complete piece, or nil when more input is needed.
    public mutating func next() -> Piece? {
        while true {
            let searchFrom = start + scanned
            guard let newline = buffer[searchFrom...].firstIndex(of: UInt8(ascii: "\n")) else {
                scanned = buffer.count - start
                if discarding {
                    dropBuffered()
                    return nil
                }
                if scanned > maximumLineBytes + 1 {
                    let brace = buffer[start] == UInt8(ascii: "{")
                    discarding = true
                    dropBuffered()
                    return .tooLong(startsWithBrace: brace)
                }
                return nil
            }
            let line = buffer[start..<newline]
            start = newline + 1
            scanned = 0
            if discarding {
                discarding = false
                continue
            }
            return piece(for: line)
        }
    }

    /// At end of input: the unterminated last line, if any.
    public mutating func finish() -> Piece? {
        defer { dropBuffered() }
        if discarding {
            discarding = false
            return nil
        }
        guard start < buffer.count else { return nil }
        return piece(for: buffer[start...])
    }

    private func piece(for line: ArraySlice<UInt8>) -> Piece {
        let length = line.last == UInt8(ascii: "\r") ? line.count - 1 : line.count
        if length > maximumLineBytes {
            return .tooLong(startsWithBrace: line.first == UInt8(ascii: "{"))
        }
        return .line(Array(line))
    }

    private mutating func dropBuffered() {
        buffer.removeAll(keepingCapacity: true)
        start = 0
        scanned = 0
    }
}
