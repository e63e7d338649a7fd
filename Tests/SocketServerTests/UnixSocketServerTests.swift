import Bot
import Foundation
import Testing
@testable import SocketServer

@Suite struct ProtocolTests {
    @Test func textCommandGetsItsLinesThenAnEmptyLine() async throws {
        let replies = try await withServer { _, path in
            try await blocking {
                let client = try LineClient(path: path)
                return [try client.sendText("echo 你好"), try client.sendText("multi")]
            }
        }
        #expect(replies == ["回声：你好", "第一行\n第二行\n第三行"])
    }

    @Test func emptyAndBlankLinesGetNoReply() async throws {
        let reply = try await withServer { _, path in
            try await blocking {
                let client = try LineClient(path: path)
                try client.write(Array("\n   \r\n".utf8))
                return try client.sendText("echo 之后")
            }
        }
        #expect(reply == "回声：之后")
    }

    @Test func crlfIsAccepted() async throws {
        let reply = try await withServer { _, path in
            try await blocking {
                let client = try LineClient(path: path)
                try client.write(Array("echo 甲\r\n".utf8))
                return try client.readTextReply()
            }
        }
        #expect(reply == "回声：甲")
    }

    @Test func jsonRequestGetsOneJSONLineWithItsID() async throws {
        let (named, numbered) = try await withServer { _, path in
            try await blocking {
                let client = try LineClient(path: path)
                return (try JSONReply(client.sendJSON(#"{"id": "r1", "text": "echo 查询"}"#)),
                        try JSONReply(client.sendJSON(#"{"id": 7, "text": "count"}"#)))
            }
        }
        #expect(named.id == "r1")
        #expect(named.ok == true)
        #expect(named.state == "done")
        #expect(named.intent == "test.echo")
        #expect(named.text == "回声：查询")
        #expect(numbered.id == 7)
        #expect(numbered.data?["count"] == 1)
    }

    @Test func hundredPipelinedLinesAreAnsweredInOrder() async throws {
        var batch = ""
        var expected: [String] = []
        for i in 0..<100 {
            if i % 3 == 0 {
                batch += #"{"id": \#(i), "text": "echo \#(i)"}"# + "\n"
                expected.append("json \(i) 回声：\(i)")
            } else {
                batch += "echo \(i)\n"
                expected.append("回声：\(i)")
            }
            if i % 10 == 0 {
                batch += "sleep \(i % 7)\n"
                expected.append("睡了 \(i % 7) 毫秒")
            }
        }
        let request = batch
        let replies = try await withServer { _, path in
            try await blocking {
                let client = try LineClient(path: path)
                try client.write(Array(request.utf8))
                var replies: [String] = []
                for i in 0..<100 {
                    if i % 3 == 0 {
                        let reply = try JSONReply(client.readLine())
                        replies.append("json \(reply.id.map { "\($0)" } ?? "-") \(reply.text ?? "")")
                    } else {
                        replies.append(try client.readTextReply())
                    }
                    if i % 10 == 0 { replies.append(try client.readTextReply()) }
                }
                return replies
            }
        }
        #expect(replies.map { $0.replacingOccurrences(of: "int(", with: "").replacingOccurrences(of: ")", with: "") }
                == expected)
    }

    @Test func halfClosedClientStillGetsAllReplies() async throws {
        let (replies, end) = try await withServer { _, path in
            try await blocking {
                let client = try LineClient(path: path)
                try client.write(Array("echo 一\necho 二\necho 三".utf8))
                client.finishSending()
                let replies = try (0..<3).map { _ in try client.readTextReply() }
                let end: LineClientError?
                do { _ = try client.readLine(); end = nil } catch { end = error as? LineClientError }
                return (replies, end)
            }
        }
        #expect(replies == ["回声：一", "回声：二", "回声：三"])
        #expect(end == .closedByServer)
    }

    @Test func twentyClientsAtOnce() async throws {
        let handler = FakeHandler()
        let replies = try await withServer(handler: handler) { _, path in
            try await blocking {
                let clients = try (0..<20).map { _ in try LineClient(path: path) }
                for (n, client) in clients.enumerated() {
                    try client.write(Array("sleep 20\necho \(n)-a\ncount\necho \(n)-b\n".utf8))
                }
                return try clients.map { client in try (0..<4).map { _ in try client.readTextReply() } }
            }
        }
        for (n, reply) in replies.enumerated() {
            #expect(reply == ["睡了 20 毫秒", "回声：\(n)-a", "计数 1", "回声：\(n)-b"])
        }
        #expect(handler.handled == 80)
        #expect(handler.maximumBusy > 1)
    }

    @Test func twentyClientsOnTheirOwnThreads() async throws {
        let failures = try await withServer { _, path in
            try await withThrowingTaskGroup(of: [String].self) { group in
                for n in 0..<20 {
                    group.addTask {
                        try await blocking {
                            let client = try LineClient(path: path)
                            return try (0..<20).compactMap { k in
                                try client.sendText("echo \(n).\(k)") == "回声：\(n).\(k)" ? nil : "\(n).\(k)"
                            }
                        }
                    }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
        }
        #expect(failures.isEmpty)
    }
}

@Suite struct BadInputTests {
    @Test(arguments: [
        ([0xFF, 0xFE, 0x41], "invalid_utf8"),
        ([0x61, 0x00, 0x62], "control_character"),
        ([0x61, 0x1B, 0x5B, 0x41], "control_character"),
    ] as [([UInt8], String)])
    func badTextLineGetsAnErrorAndTheConnectionGoesOn(bytes: [UInt8], code: String) async throws {
        let (text, json, after) = try await withServer { _, path in
            try await blocking {
                let client = try LineClient(path: path)
                try client.write(bytes + [0x0A])
                let text = try client.readTextReply()
                // The same bytes inside a JSON line get one JSON error line.
                try client.write(Array(#"{"id": "b", "text": ""#.utf8) + bytes + Array(#""}"#.utf8) + [0x0A])
                let json = try JSONReply(client.readLine())
                return (text, json, try client.sendText("echo 还在"))
            }
        }
        #expect(!text.isEmpty)
        #expect(text.contains("UTF-8") == (code == "invalid_utf8"))
        #expect(json.ok == false)
        #expect(json.state == "error")
        #expect(json.errorCode == code)
        #expect(after == "回声：还在")
    }

    @Test func escapedControlCharacterInJSONIsRefusedWithItsID() async throws {
        let reply = try await withServer { _, path in
            try await blocking {
                try JSONReply(LineClient(path: path).sendJSON(#"{"id": "c", "text": "a\u0000b"}"#))
            }
        }
        #expect(reply.id == "c")
        #expect(reply.errorCode == "control_character")
    }

    @Test(arguments: [
        (#"{"id": "x", "text": "#, "bad_json"),
        ("{not json}", "bad_json"),
        (#"{"id": "m"}"#, "missing_text"),
        (#"{"id": "e", "text": " "}"#, "empty_line"),
    ])
    func malformedJSONGetsOneErrorLine(line: String, code: String) async throws {
        let (reply, after) = try await withServer { _, path in
            try await blocking {
                let client = try LineClient(path: path)
                return (try JSONReply(client.sendJSON(line)),
                        try JSONReply(client.sendJSON(#"{"id": 2, "text": "echo 好"}"#)))
            }
        }
        #expect(reply.ok == false)
        #expect(reply.errorCode == code)
        #expect(reply.errorMessage?.isEmpty == false)
        #expect(after.text == "回声：好")
    }

    @Test func overLongLineGetsAnErrorAndTheNextLineWorks() async throws {
        let (first, second, json, third) = try await withServer { _, path in
            try await blocking {
                let client = try LineClient(path: path)
                let long = [UInt8](repeating: UInt8(ascii: "a"), count: WireFormat.maximumLineBytes + 5000)
                try client.write(long + Array("\necho 下一行\n".utf8))
                let first = try client.readTextReply()
                let second = try client.readTextReply()
                try client.write([UInt8(ascii: "{")] + long + Array("\n".utf8))
                let json = try JSONReply(client.readLine())
                return (first, second, json, try client.sendText("echo 还行"))
            }
        }
        #expect(first.contains("输入过长"))
        #expect(second == "回声：下一行")
        #expect(json.errorCode == "line_too_long")
        #expect(third == "回声：还行")
    }

    @Test func lineOfExactlyTheMaximumIsAccepted() async throws {
        let payload = String(repeating: "b", count: WireFormat.maximumLineBytes - 5)
        let reply = try await withServer { _, path in
            try await blocking { try LineClient(path: path).sendText("echo " + payload) }
        }
        #expect(reply == "回声：" + payload)
    }
}

@Suite struct SessionTests {
    @Test func namedSessionIsSharedAcrossConnections() async throws {
        let replies = try await withServer { _, path in
            try await blocking {
                let first = try LineClient(path: path)
                let second = try LineClient(path: path)
                let request = #"{"id": 1, "session": "窗口1", "text": "count"}"#
                return [
                    try JSONReply(first.sendJSON(request)).text ?? "",
                    try JSONReply(second.sendJSON(request)).text ?? "",
                    // Without `session`, each connection has its own.
                    try second.sendText("count"),
                    try first.sendText("count"),
                ]
            }
        }
        #expect(replies == ["计数 1", "计数 2", "计数 1", "计数 1"])
    }

    @Test func namedSessionRunsOneRequestAtATime() async throws {
        let handler = FakeHandler()
        let counts = try await withServer(handler: handler) { _, path in
            try await withThrowingTaskGroup(of: [String].self) { group in
                for _ in 0..<6 {
                    group.addTask {
                        try await blocking {
                            let client = try LineClient(path: path)
                            return try (0..<3).map { _ in
                                try JSONReply(client.sendJSON(#"{"id": 1, "session": "共用", "text": "sleep 10"}"#)).text ?? ""
                            }
                        }
                    }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
        }
        #expect(counts.count == 18)
        #expect(handler.maximumBusy == 1)
    }

    @Test func operatorFieldSetsTheOperator() async throws {
        let reply = try await withServer { _, path in
            try await blocking {
                try JSONReply(LineClient(path: path).sendJSON(
                    #"{"id": 1, "session": "s", "operator": "李四", "text": "who"}"#))
            }
        }
        #expect(reply.text == "会话 s 操作员 李四")
    }

    @Test func connectionSessionIsNamedAfterThePeer() async throws {
        let text = try await withServer { _, path in
            try await blocking { try LineClient(path: path).sendText("who") }
        }
        #expect(text.hasPrefix("会话 conn-"))
        #expect(!text.hasSuffix("操作员 无"))
    }
}
