import Foundation
import Testing

/// Issue 4's check: the process stops in the middle of a ticket's loop and a
/// new process carries on with the same ticket, on the same database file.
@Suite struct LoopAcrossRestartTests {
    /// Runs `guanlan` in line mode on `database`, feeding `lines`; returns its output.
    static func run(_ executable: String, database: String, now: String, _ lines: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--db", database, "--now", now]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self)
    }

    @Test(.enabled(if: builtExecutable != nil, "needs the built guanlan executable"))
    func aTicketCarriesOnInANewProcess() throws {
        let executable = try #require(builtExecutable)
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let database = directory + "/guanlan.db"
        let first = try Self.run(executable, database: database, now: "2026-11-30T09:00:00+08:00",
                                 ["报事 香榭郦景3栋楼道灯不亮 电话13800138000", "受理 GL20261130-0001", "派单 GL20261130-0001"])
        #expect(first.contains("GL20261130-0001"))
        let second = try Self.run(executable, database: database, now: "2026-11-30T15:00:00+08:00",
                                  ["化解 GL20261130-0001 已换灯泡", "确认 GL20261130-0001", "回访 GL20261130-0001 满意",
                                   "查询工单 GL20261130-0001", "报事 香榭郦景5栋垃圾没人清理 电话13800138001"])
        #expect(second.contains("工单 GL20261130-0001：已反馈办结"))
        for step in ["受理", "派单", "化解", "确认"] { #expect(second.contains(step), "history shows \(step)") }
        // Ids carry on across processes too: the next ticket is 0002, never 0001 again.
        #expect(second.contains("GL20261130-0002"))
    }
}
