import Domain
import Foundation
import Testing

@Suite struct NeedMatchingTests {
    let clock = TestDatabase.clock

    @Test func ranksSameEstateThenSameCommunityAndDropsWrongKindsAndTimes() throws {
        let db = try TestDatabase.memory()
        let lists = CoBuildingLists(db: db, clock: clock)
        let need = try lists.addNeed(community: "大富社区", place: "康乐新村", kind: "车位", description: "晚上停车难",
                                     window: WeeklyWindow("工作日 20:00-次日07:00"))
        let (_, candidates) = try lists.candidates(needID: need.id)
        #expect(!candidates.isEmpty)
        #expect(candidates.allSatisfy { $0.kind == "车位" && $0.overlapMinutes > 0 })
        // The firm's car park in the same estate comes first, then the rest of the community, then other communities.
        #expect(candidates[0].place == "康乐新村" && candidates[0].reasons.first == "同小区")
        let ranks = candidates.map { $0.community == "大富社区" ? ($0.place == "康乐新村" ? 0 : 1) : 2 }
        #expect(ranks == ranks.sorted())
        #expect(!candidates.contains { $0.window.description == "周末 08:00-20:00" })
        #expect(zip(candidates, candidates.dropFirst()).allSatisfy { $0.score >= $1.score })
    }

    @Test func recordingAMatchMovesTheNeedAndIllegalMovesChangeNothing() throws {
        let lists = CoBuildingLists(db: try TestDatabase.memory(), clock: clock)
        let need = try lists.addNeed(community: "大富社区", place: "银湖新村", kind: "助老", description: "高龄长者需要助餐服务",
                                     window: WeeklyWindow("每天 11:00-12:30"))
        #expect(throws: CoBuildingError.illegalNeedMove(id: need.id, status: "待匹配", action: "办结")) {
            _ = try lists.update(needID: need.id, action: .settle)
        }
        #expect(throws: CoBuildingError.providerNotFound("FW-999")) { _ = try lists.recordMatch(needID: need.id, providerID: "FW-999") }
        #expect(try lists.need(id: need.id)?.status == .open)
        let (matched, match) = try lists.recordMatch(needID: need.id, providerID: "FW-005", by: "王值班")
        #expect(matched.status == .matched)
        #expect(match.id == "PP20261129-0001" && match.unitCode == "DW-008" && match.window == "每天 11:00-12:30")
        #expect(throws: CoBuildingError.illegalNeedMove(id: need.id, status: "已匹配", action: "匹配")) {
            _ = try lists.recordMatch(needID: need.id, providerID: "FW-005")
        }
        #expect(try lists.update(needID: need.id, action: .settle).status == .settled)
        let history = try lists.history(needID: need.id)
        #expect(history.map(\.action) == ["add", "match", "settle"])
        #expect(history[1].actor == "王值班" && history[1].note == "FW-005")
        #expect(try lists.matches(needID: need.id).count == 1)
    }

    @Test func aNeedWithoutTimeMatchesAnyWindow() throws {
        let lists = CoBuildingLists(db: try TestDatabase.memory(), clock: clock)
        let need = try lists.addNeed(community: "大富社区", place: nil, kind: "物资", description: "长者饭堂缺少桌椅", window: nil)
        let (_, candidates) = try lists.candidates(needID: need.id)
        #expect(candidates.first?.community == "大富社区")
        #expect(candidates.count == (try lists.resources(CoBuildingFilter(kind: "物资")).count))
    }
}

extension NeedMatchingTests {
    @Test func undoingAMatchKeepsItAsWithdrawnAndOutOfTheFigures() throws {
        let lists = CoBuildingLists(db: try TestDatabase.memory(), clock: clock)
        let before = try lists.figures()
        let need = try lists.addNeed(community: "大富社区", place: nil, kind: "助老", description: "送餐", window: nil)
        _ = try lists.recordMatch(needID: need.id, providerID: "FW-005")
        #expect(try lists.figures().matches == before.matches + 1)
        #expect(try lists.update(needID: need.id, action: .reopen).status == .open)
        #expect(try lists.matches(needID: need.id).map { $0.withdrawnAt != nil } == [true])
        #expect(try lists.figures().matches == before.matches)
        #expect(throws: CoBuildingError.unknownUnit("DW-999")) { _ = try lists.resources(CoBuildingFilter(unitCode: "DW-999")) }
    }
}
