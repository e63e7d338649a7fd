import ArgumentParser
import Domain
import Foundation
import Understanding

/// `guanlan import [DIR]`: loads the CSV files into the database, validating
/// every row first; an error names the file, line and column and changes nothing.
struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Load grid, venues, activities and enterprises CSV files.")

    @OptionGroup var data: DataOptions
    @Argument(help: "Folder with grid.csv, venues.csv, activities.csv, enterprises.csv (default: the bundled data/).")
    var directory: String?

    func run() async throws {
        try await reportingErrors {
            let db = try data.location().open()
            try Migrations.migrate(db)
            let dir = directory.map { URL(fileURLWithPath: $0) } ?? BotEnvironment.resourceRoot().appendingPathComponent("data")
            do {
                let counts = try SampleDataImporter(dataDirectory: dir, isValidCreditCode: USCC.isValid).importAll(into: db)
                print("已导入：楼栋 \(counts.buildings)，亲邻之家 \(counts.venues)，活动 \(counts.activities)，企业 \(counts.enterprises)；"
                      + "共建单位 \(counts.units)，资源 \(counts.resources)，服务 \(counts.services)，需求 \(counts.needs)；"
                      + "志愿队伍 \(counts.volunteerTeams)，志愿者 \(counts.volunteers)，“四个万家”结对 \(counts.pairings)。")
            } catch let error as ImportError {
                throw CLIError("导入失败，数据库未改动：\(error)")
            }
        }
    }
}

import Bot
