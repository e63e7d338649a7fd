/// A reply's JSON bytes rendered once, split where the request's `id` goes: the
/// members before it (`data`, `error`) and those after it (`intent` … `text`, `}`).
/// `WireFormat.jsonReplyBytes` joins them around each request's id: the same bytes
/// as rendering the reply anew (`GridReplyMemoTests` checks).
public final class RenderedJSON: Sendable {
    let head: [UInt8]
    let tail: [UInt8]

    init(_ reply: Reply) {
        var head: [UInt8] = []
        WireFormat.writeHead(reply, to: &head)
        var tail: [UInt8] = []
        WireFormat.writeTail(reply, to: &tail)
        self.head = head
        self.tail = tail
    }
}
