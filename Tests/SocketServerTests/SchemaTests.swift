import Foundation
import Testing
@testable import SocketServer

/// docs/protocol.schema.json against real replies of the built `guanlan serve`.
@Suite(.serialized) struct SchemaTests {
    static let projectRoot: URL = {
        var directory = URL(fileURLWithPath: #filePath)
        while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
            directory = directory.deletingLastPathComponent()
        }
        return directory
    }()

    static let pythonHasJSONSchema: Bool = {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = ["python3", "-c", "import jsonschema"]
        probe.standardError = FileHandle.nullDevice
        guard (try? probe.run()) != nil else { return false }
        probe.waitUntilExit()
        return probe.terminationStatus == 0
    }()

    static let requests = [
        #"{"id":"grid","text":"查询网格 香榭郦景3栋"}"#,
        #"{"id":"file","text":"报事 香榭郦景3栋电梯坏了 电话13800138000"}"#,
        #"{"id":"ask","text":"报事"}"#,
        #"{"id":"cancel","text":"取消"}"#,
        #"{"id":"list","text":"超期工单"}"#,
        #"{"id":"search","text":"有什么活动"}"#,
        #"{"id":"help","text":"帮助"}"#,
        #"{"id":"stats-intent","text":"统计"}"#,
        #"{"id":"unknown","text":"今天天气怎么样"}"#,
        #"{"id":"nf","text":"查询工单 GL20261129-9999"}"#,
        #"{"id":"empty","text":""}"#,
        #"{"id":7}"#,
        #"{"id":"bad"#,
        #"{"id":"health","cmd":"stats"}"#,
        #"{"id":"meeting","text":"安排议事 大富社区 下周三下午3点 党群服务中心 议题 香榭郦景停车难"}"#,
        #"{"id":"step","text":"议事记录 YS20261129-0001 确定议题"}"#,
        #"{"id":"meetings","text":"查议事 大富社区"}"#,
        #"{"id":"visit","text":"走访 党员程佳怡 香榭郦景3栋502 发现 楼道灯坏了"}"#,
        #"{"id":"visits","text":"走访记录 大富社区"}"#,
        #"{"id":"task","text":"发布志愿任务 大富社区 下周六9:00-12:00 地点 香榭郦景3栋 技能 维修 3人 内容 楼道灯具检修"}"#,
        #"{"id":"signup","text":"报名志愿 RW20261129-0001 香榭郦景楼道红马甲"}"#,
        #"{"id":"free","text":"谁有空 下周六上午 大富社区 维修"}"#,
        #"{"id":"hours","text":"志愿时长 大富社区"}"#,
        #"{"id":"cb-res","text":"查资源 大富社区 车位 晚上"}"#,
        #"{"id":"cb-svc","text":"查服务 大富社区 助老"}"#,
        #"{"id":"cb-add","text":"登记资源 DW-003 车位 1个 工作日 19:00-次日08:00"}"#,
        #"{"id":"cb-need","text":"登记需求 大富社区 康乐新村 晚上停车难 工作日 20:00-次日07:00"}"#,
        #"{"id":"cb-cand","text":"匹配需求 XQ20261104-0001"}"#,
        #"{"id":"cb-needs","text":"需求清单 大富社区"}"#,
        #"{"id":"cb-one","text":"查需求 XQ20261104-0002"}"#,
        #"{"id":"cb-book","text":"预约车位 ZY20261024-0002 12月1日 粤B12345 电话13800006666"}"#,
        #"{"id":"cb-book2","text":"预约资源","session":"cb"}"#,
    ]

    @Test(.enabled(if: builtExecutable != nil && pythonHasJSONSchema, "needs the built guanlan and python3 jsonschema"),
          .timeLimit(.minutes(2)))
    func realRepliesFollowTheSchema() async throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let executable = try #require(builtExecutable)
        let replies = try await blocking {
            let server = try ServerProcess(executable: executable, database: directory + "/g.db", socket: directory + "/s.sock")
            defer { _ = server.stop() }
            let client = try LineClient(path: directory + "/s.sock")
            return try Self.requests.map { try client.sendJSON($0) }
        }
        #expect(replies.count == Self.requests.count)
        let (requestStatus, _) = try Self.check(Self.requests.filter { $0.contains("\"text\"") || $0.contains("\"cmd\"") }, kind: "request")
        let (replyStatus, report) = try Self.check(replies, kind: "reply")
        #expect(requestStatus == 0)
        #expect(replyStatus == 0, "\(report)")
    }

    /// Runs scripts/check-schema.py on the lines; its exit status and stderr.
    static func check(_ lines: [String], kind: String) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", projectRoot.appendingPathComponent("scripts/check-schema.py").path,
                             projectRoot.appendingPathComponent("docs/protocol.schema.json").path, kind]
        let input = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        try input.fileHandleForWriting.close()
        let report = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, report)
    }
}
