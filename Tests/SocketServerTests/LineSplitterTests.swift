import Bot
import Testing

@Suite struct LineSplitterTests {
    private func pieces(_ chunks: [String], maximum: Int = 8) -> [LineSplitter.Piece] {
        var splitter = LineSplitter(maximumLineBytes: maximum)
        var out: [LineSplitter.Piece] = []
        for chunk in chunks {
            splitter.append(Array(chunk.utf8))
            while let piece = splitter.next() { out.append(piece) }
        }
        if let last = splitter.finish() { out.append(last) }
        return out
    }

    private func line(_ s: String) -> LineSplitter.Piece { .line(Array(s.utf8)) }

    @Test func splitsAtNewlinesAcrossChunks() {
        #expect(pieces(["ab", "c\nd", "e\n"]) == [line("abc"), line("de")])
    }

    @Test func keepsCarriageReturnForLineInput() {
        #expect(pieces(["ab\r\n"]) == [line("ab\r")])
    }

    @Test func unterminatedTailComesOutAtFinish() {
        #expect(pieces(["a\nbc"]) == [line("a"), line("bc")])
    }

    @Test func emptyLinesAreLines() {
        #expect(pieces(["\n\n"]) == [line(""), line("")])
    }

    @Test func lineAtTheLimitPassesEvenWithCarriageReturn() {
        #expect(pieces(["12345678\r\n", "12345678\n"]) == [line("12345678\r"), line("12345678")])
    }

    @Test func overLongLineIsReportedOnceAndSkipped() {
        #expect(pieces(["{123456789", "0123456789", "xx\nok\n"]) == [.tooLong(startsWithBrace: true), line("ok")])
        #expect(pieces(["123456789\nok\n"]) == [.tooLong(startsWithBrace: false), line("ok")])
    }

    @Test func overLongTailAtEndOfInputGivesOneError() {
        #expect(pieces(["1234567890123"]) == [.tooLong(startsWithBrace: false)])
    }
}
