import Domain
import Foundation
import Testing

@Suite struct CoBuildingListsTests {
    let clock = TestDatabase.clock

    @Test func theSampleListsAreLoadedWithTheirMatches() throws {
        let db = try TestDatabase.memory()
        let lists = CoBuildingLists(db: db, clock: clock)
        #expect(try lists.units().count == 87)
        let f = try lists.figures()
        #expect(f.resources > 50 && f.services > 30 && f.needsTotal > 40)
        // Every need past 待匹配 in the file has its match and history.
        let matched = (f.needsByStatus["matched"] ?? 0) + (f.needsByStatus["settled"] ?? 0)
        #expect(f.matches == matched && matched > 0)
        let settled = try #require(try lists.needs(CoBuildingFilter(status: .settled)).first)
        #expect(try lists.matches(needID: settled.id).count == 1)
        #expect(try lists.history(needID: settled.id).map(\.toStatus) == ["open", "matched", "settled"])
        // Importing again changes nothing.
        try TestDatabase.seed(db)
        #expect(try lists.figures() == f)
    }

    @Test func searchesByCommunityKindAndTime() throws {
        let lists = CoBuildingLists(db: try TestDatabase.memory(), clock: clock)
        let evening = WeeklyWindow("晚上")
        let parking = try lists.resources(CoBuildingFilter(community: "大富社区", kind: "车位", window: evening))
        #expect(!parking.isEmpty)
        #expect(parking.allSatisfy { $0.community == "大富社区" && $0.kind == "车位" && $0.window.overlapMinutes(with: evening!) > 0 })
        let weekendParking = try lists.resources(CoBuildingFilter(community: "大富社区", kind: "车位", window: WeeklyWindow("周末 09:00-12:00")))
        #expect(!weekendParking.contains { $0.window.description == "工作日 19:00-次日08:00" })
        #expect(try lists.services(CoBuildingFilter(community: "大富社区", kind: "助老")).allSatisfy { $0.kind == "助老" })
    }

    @Test func aBadRowNamesFileLineAndColumnAndChangesNothing() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gl-data-\(UUID().uuidString.prefix(8))")
        try FileManager.default.copyItem(at: TestDatabase.dataDirectory, to: dir)
        let file = dir.appendingPathComponent("cobuild_resources.csv")
        var text = try String(contentsOf: file, encoding: .utf8)
        text += "ZY20261130-0001,DW-003,车位,夜间车位,40,个,大富社区,康乐新村,有空就开,错时共享\n"
        try text.write(to: file, atomically: true, encoding: .utf8)
        let db = try TestDatabase.memory()
        let before = try CoBuildingLists(db: db, clock: clock).figures()
        #expect {
            try SampleDataImporter(dataDirectory: dir, isValidCreditCode: { $0.count == 18 }).importAll(into: db)
        } throws: { error in
            guard let e = error as? ImportError else { return false }
            return e.file.hasSuffix("cobuild_resources.csv") && e.column == "window" && e.line == text.split(separator: "\n").count
        }
        #expect(try CoBuildingLists(db: db, clock: clock).figures() == before)
    }

    @Test func importedIdsAreNeverIssuedAgain() throws {
        let db = try TestDatabase.memory()
        let frozen = Clock.frozen(iso: "2026-10-24T10:00:00+08:00")!
        let lists = CoBuildingLists(db: db, clock: frozen)
        let taken = try lists.resources(CoBuildingFilter()).filter { $0.id.hasPrefix("ZY20261024-") }.count
        #expect(taken >= 2)
        let r = try lists.addResource(
            unitCode: "DW-003", kind: "会议室", name: nil, quantity: 1, measure: "间", place: nil,
            window: WeeklyWindow("周末 09:00-12:00")!, mode: "错时共享")
        #expect(r.id == "ZY20261024-" + String(format: "%04d", taken + 1))
    }
}
