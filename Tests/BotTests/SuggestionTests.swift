@testable import Bot
import Domain
import Testing
import Understanding

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

    /// The index by character only skips work: on lines made from the triggers'
    /// own characters (near misses, swaps, repeats) and on unrelated ones, it
    /// suggests what measuring every trigger suggests.
    @Test func suggestsWhatMeasuringEveryTriggerSuggests() throws {
        let catalog = try TestEngine.make(clock: Clock.frozen(iso: "2026-11-29T09:00:00+08:00")!).understander.catalog
        let suggestions = Suggestions(catalog: catalog)
        let triggers = catalog.specs.flatMap(\.triggers).filter { $0.count >= 2 }
        var lines = ["", "a", "😀", "查查查查查查", "你好", "帮我查一下", "abcdef"]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ n: Int) -> Int {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return Int(state % UInt64(n))
        }
        let characters = Array(Set(triggers.joined())) + Array("的了我要查看")
        for _ in 0..<400 {
            var line = Array(triggers[next(triggers.count)])
            switch next(4) {
            case 0: line[next(line.count)] = characters[next(characters.count)]
            case 1: line.insert(characters[next(characters.count)], at: next(line.count + 1))
            case 2: line = (0..<next(7)).map { _ in characters[next(characters.count)] }
            default: if line.count > 1 { line.swapAt(0, line.count - 1) }
            }
            lines.append(String(line))
        }
        var suggested = 0
        for line in lines {
            let fast = suggestions.closest(to: line)
            let slow = Self.measuringEveryTrigger(line, catalog)
            #expect(fast?.label == slow?.label && fast?.example == slow?.example, "\(line)")
            if slow != nil { suggested += 1 }
        }
        #expect(suggested > 100)  // the lines do come near triggers
    }

    /// The search before the index: every trigger measured against the line's start.
    static func measuringEveryTrigger(_ text: String, _ catalog: IntentCatalog) -> Suggestions.Suggestion? {
        let head = Array(text.prefix(6))
        var best: (spec: IntentSpec, distance: Int, length: Int)? = nil
        for spec in catalog.specs where spec.intent != "cancel" {
            for trigger in spec.triggers where trigger.count >= 2 {
                let t = Array(trigger)
                let d = Suggestions.editDistance(Array(head.prefix(t.count)), t)
                guard d <= max(1, t.count / 2) else { continue }
                if best.map({ d * $0.length < $0.distance * t.count }) ?? true { best = (spec, d, t.count) }
            }
        }
        guard let spec = best?.spec else { return nil }
        return Suggestions.Suggestion(label: spec.label, example: spec.examples.first?.text ?? spec.label)
    }
}
