import Domain
import Foundation
import SQLiteStorage
import Testing

/// The co-building work files are validated row by row like the other sample data.
@Suite struct CoBuildingImportTests {
    /// A copy of `data/` with `file` replaced by `text`.
    func importing(_ file: String, _ text: String) throws -> ImportError? {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("guanlan-data-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: TestDatabase.dataDirectory, to: dir)
        try text.write(to: dir.appendingPathComponent(file), atomically: true, encoding: .utf8)
        let db = try SQLiteDatabase(path: ":memory:")
        try Migrations.migrate(db)
        do {
            try SampleDataImporter(dataDirectory: dir, isValidCreditCode: { $0.count == 18 }).importAll(into: db)
            return nil
        } catch let e as ImportError {
            return e
        }
    }

    @Test func theSampleDataImports() throws {
        let db = try SQLiteDatabase(path: ":memory:")
        try Migrations.migrate(db)
        let counts = try SampleDataImporter(dataDirectory: TestDatabase.dataDirectory, isValidCreditCode: { $0.count == 18 }).importAll(into: db)
        #expect(counts.volunteerTeams == 60 && counts.volunteers > 200 && counts.pairings == 100)
    }

    @Test func aPairingAtABuildingNotInTheGridNamesTheLine() throws {
        let e = try importing("cobuild_pairings.csv", """
            pairing_code,member,member_phone,community,estate,building,room,household_type
            WJ-001,程佳怡,13700000247,大富社区,香榭郦景,3栋,502,独居老人
            WJ-002,林志强,13700000248,大富社区,香榭郦景,99栋,304,残疾人家庭
            """)
        #expect(e?.line == 3 && e?.column == "building")
    }

    @Test func unreadableAvailabilityNamesTheLine() throws {
        let e = try importing("cobuild_volunteers.csv", """
            volunteer_code,name,phone,team_code,community,skills,availability
            ZYZ-0001,石浩然,13900000001,ZYD-001,大富社区,维修,周六上午
            """)
        #expect(e?.line == 2 && e?.column == "availability")
    }

    @Test func aVolunteerOfAnUnknownTeamNamesTheLine() throws {
        let e = try importing("cobuild_volunteers.csv", """
            volunteer_code,name,phone,team_code,community,skills,availability
            ZYZ-0001,石浩然,13900000001,ZYD-999,大富社区,维修,周六 09:00-12:00
            """)
        #expect(e?.line == 2 && e?.column == "team_code")
    }

    @Test func stepsWithoutADecisionStepAreRefused() throws {
        let e = try importing("cobuild_meeting_steps.csv", """
            step_order,step_code,name,summary,repeatable
            1,collect,收集议题,收集,0
            2,convene,召开会议,开会,0
            """)
        #expect(e?.column == "step_code")
    }
}
