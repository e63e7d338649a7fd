import Bot
import Domain
import Testing

/// An unknown line that starts like a command gets "您是不是想……" with the
/// command nearest to it, weighing the edit distance against the trigger's
/// length (查询王格 is one edit from 查询网格 and from 查查).
@Suite struct SuggestionTests {
    @Test(arguments: [("查询王格 香榭郦景3栋", "查询网格"), ("帮柱", "帮助")])
    func suggestsTheNearestCommand(line: String, label: String) throws {
        let engine = try TestEngine.make(clock: Clock.frozen(iso: "2026-11-29T09:00:00+08:00")!)
        let reply = engine.handle(line, session: Session(id: "s"))
        #expect(reply.text.contains("您是不是想：\(label)"))
    }
}
