/// A reply's JSON bytes rendered once, split where the request's `id` goes: the
/// members before it (`data`, `error`) and those after it (`intent` … `text`, `}`).
/// `WireFormat.jsonReplyBytes` joins them around each request's id: the same bytes
/// as rendering the reply anew (`GridReplyMemoTests` checks).
public final class RenderedJSON: Sendable {
    public let head: [UInt8]
    public let tail: [UInt8]

    init(_ reply: Reply) {
        var head: [UInt8] = []
        WireFormat.writeHead(reply, to: &head)
        var tail: [UInt8] = []
        WireFormat.writeTail(reply, to: &tail)
        self.head = head
        self.tail = tail
    }

    /// A reply without an error whose `data` `writeData` writes as JSON bytes (in place, after `{"data":`).
    init(_ reply: Reply, dataCapacity: Int, writeData: (inout [UInt8]) -> Void) {
        precondition(reply.error == nil, "a reply with its data as bytes has no error")
        var head: [UInt8] = []
        head.reserveCapacity(dataCapacity + 8)
        head += #"{"data":"#.utf8
        writeData(&head)
        var tail: [UInt8] = []
        tail.reserveCapacity(reply.text.utf8.count + 64)
        WireFormat.writeTail(reply, to: &tail)
        self.head = head
        self.tail = tail
    }
}
