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

    /// A reply without an error whose `data` is already `dataJSON`.
    init(_ reply: Reply, dataJSON: [UInt8]) {
        precondition(reply.error == nil, "a reply with its data as bytes has no error")
        var head: [UInt8] = []
        head.reserveCapacity(dataJSON.count + 8)
        head += #"{"data":"#.utf8
        head += dataJSON
        var tail: [UInt8] = []
        tail.reserveCapacity(reply.text.utf8.count + 64)
        WireFormat.writeTail(reply, to: &tail)
        self.head = head
        self.tail = tail
    }
}
