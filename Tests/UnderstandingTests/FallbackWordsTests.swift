import Testing
@testable import Understanding

/// A fallback's word must be said, not be part of a name: the 网格 of
/// DF-06-02网格 names the grid, so an account told there files.
@Suite struct FallbackWordsTests {
    func intent(_ text: String) -> String? {
        Fixtures.understander.understand(text, context: Fixtures.context).intent
    }

    @Test func aGridCodesOwnWordIsNotTheLookupsWord() {
        #expect(intent("在DF-06-02网格 明珠小区7栋门前 有个井盖松动 踩上去会翻 电话13800002222") == "grievance.file")
        #expect(intent("在df-06-02网格 明珠小区7栋门前 有个井盖松动 踩上去会翻") == "grievance.file")
    }

    @Test func theWordSaidApartStillLooksUp() {
        #expect(intent("明珠小区7栋 网格") == "grid.lookup")
        #expect(intent("DF-06-02网格") == "grid.lookup")
    }
}
