import Bot
import NIOCore

/// NIO adapter for `LineSplitter`: bytes in, `LineSplitter.Piece`s out.
///
/// Over-long lines come out as `.tooLong` and are skipped to the next newline,
/// so a misbehaving client cannot make the server buffer without bound.
struct LineFrameDecoder: ByteToMessageDecoder {
    typealias InboundOut = LineSplitter.Piece

    private var splitter: LineSplitter

    init(maximumLineBytes: Int = WireFormat.maximumLineBytes) {
        self.splitter = LineSplitter(maximumLineBytes: maximumLineBytes)
    }

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        splitter.append(buffer.readableBytesView)
        buffer.moveReaderIndex(to: buffer.writerIndex)
        while let piece = splitter.next() {
            context.fireChannelRead(wrapInboundOut(piece))
        }
        return .needMoreData
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        _ = try decode(context: context, buffer: &buffer)
        if seenEOF, let piece = splitter.finish() {
            context.fireChannelRead(wrapInboundOut(piece))
        }
        return .needMoreData
    }
}
