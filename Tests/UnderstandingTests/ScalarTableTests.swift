import Testing
@testable import Understanding

@Suite struct ScalarTableTests {
    /// Which words begin at a character, one bit each by index: list order is bit order.
    @Test func firstCharactersOfWords() {
        let words = ["报事", "查询", "报修", "😀好", "报"].map { Array($0.unicodeScalars) }
        let table = ScalarTable(firstCharactersOf: words)
        #expect(table["报"] == 0b10101)
        #expect(table["查"] == 0b00010)
        #expect(table["😀"] == 0b01000) // outside the BMP: the table's dictionary
        #expect(table["修"] == 0 && table["a"] == 0)
    }
}
