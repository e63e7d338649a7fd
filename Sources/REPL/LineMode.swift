import Bot
import Foundation

/// The non-interactive front end: plain lines from stdin (a pipe or a file), no
/// prompts, one reply per line on stdout, until end of input.
///
/// ```
/// printf '查询网格 香榭郦景3栋\n' | guanlan
/// ```
///
/// Input is framed like the socket (`LineSplitter`, same limits and errors);
/// blank lines are skipped. Reads and writes are buffered for large inputs.
public enum LineMode {
    public static func run(handler: any LineHandler, session: Session) {
        run(handler: handler, session: session, input: STDIN_FILENO, output: STDOUT_FILENO)
    }

    /// - Parameters:
    ///   - input: file descriptor to read requests from.
    ///   - output: file descriptor to write replies to.
    public static func run(handler: any LineHandler, session: Session, input: Int32, output: Int32) {
        var splitter = LineSplitter()
        var writer = BufferedWriter(descriptor: output)
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        func drain(_ piece: LineSplitter.Piece) {
            if let text = reply(to: piece, handler: handler, session: session) {
                writer.write(text)
                writer.write("\n")
            }
        }
        while true {
            let count = chunk.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            splitter.append(chunk[0..<count])
            while let piece = splitter.next() { drain(piece) }
        }
        if let piece = splitter.finish() { drain(piece) }
        writer.flush()
    }

    /// The text to print for one piece of input, or nil for a blank line.
    static func reply(to piece: LineSplitter.Piece, handler: any LineHandler, session: Session) -> String? {
        switch piece {
        case .tooLong:
            return RejectedLine.tooLong.reply.text
        case .line(let bytes):
            switch LineInput.decode(bytes) {
            case .failure(let rejected):
                return rejected.reply.text
            case .success(let text):
                if text.allSatisfy({ $0 == " " || $0 == "\t" }) { return nil }
                return handler.handle(text, session: session).text
            }
        }
    }
}

/// Collects output and writes it in large blocks.
struct BufferedWriter {
    let descriptor: Int32
    private var buffer: [UInt8] = []
    private let capacity = 64 * 1024

    init(descriptor: Int32) {
        self.descriptor = descriptor
        buffer.reserveCapacity(capacity)
    }

    mutating func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= capacity { flush() }
    }

    mutating func flush() {
        var offset = 0
        while offset < buffer.count {
            let written = buffer[offset...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                break
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
