extension RejectedLine {
    /// The reply for a line over `WireFormat.maximumLineBytes`, for framers that
    /// drop such a line before it is whole. Taken from `LineInput` so the
    /// message is written in one place only.
    public static let tooLong: RejectedLine = {
        let oversized = String(repeating: "x", count: WireFormat.maximumLineBytes + 1)
        guard case .failure(let rejected) = LineInput.check(oversized) else {
            preconditionFailure("LineInput.check accepts a line over the maximum")
        }
        return rejected
    }()
}
