import Bot
import Foundation
import Testing
@testable import SocketServer

/// docs/PROTOCOL.md, "Limits": each limit over a real socket.
@Suite struct LimitsTests {
    @Test func connectionPastTheLimitGetsAClearRefusalAndOthersCarryOn() async throws {
        let (refusal, stillServed, afterOneLeft) = try await withServer(limits: ServerLimits(maximumConnections: 2)) { _, path in
            try await blocking {
                let first = try LineClient(path: path)
                let second = try LineClient(path: path)
                _ = try first.sendText("echo 一")
                _ = try second.sendText("echo 二")
                let third = try LineClient(path: path, timeout: 5)
                let refusal = try JSONReply(third.readLine())
                let closed = (try? third.readLine()) == nil
                let stillServed = try first.sendText("echo 还在")
                second.close()
                // The server notices the close asynchronously: retry briefly.
                var afterOneLeft = ""
                for _ in 0..<50 {
                    let next = try LineClient(path: path, timeout: 5)
                    if let reply = try? next.sendText("echo 进来了"), !reply.contains("too_many") {
                        afterOneLeft = reply
                        break
                    }
                    Thread.sleep(forTimeInterval: 0.02)
                }
                return (closed ? refusal : nil, stillServed, afterOneLeft)
            }
        }
        #expect(refusal?.errorCode == "too_many_connections")
        #expect(refusal?.ok == false)
        #expect(refusal?.errorMessage?.contains("连接数已达上限（2）") == true)
        #expect(stillServed == "回声：还在")
        #expect(afterOneLeft == "回声：进来了")
    }

    @Test func idleConnectionIsClosedAndBusyOneIsNot() async throws {
        // A wide margin (requests 0.1 s apart against a 1 s limit): on a loaded machine a
        // thread may sleep well past its interval, and the busy connection must not look idle.
        let (idleClosed, busyReplies) = try await withServer(limits: ServerLimits(idleTimeout: .seconds(1))) { _, path in
            try await blocking {
                let idle = try LineClient(path: path, timeout: 5)
                let busy = try LineClient(path: path, timeout: 5)
                var replies: [String] = []
                for i in 0..<6 {
                    Thread.sleep(forTimeInterval: 0.1)
                    replies.append(try busy.sendText("echo \(i)"))
                }
                Thread.sleep(forTimeInterval: 1.5)
                let idleClosed: Bool
                do {
                    _ = try idle.readLine()
                    idleClosed = false
                } catch LineClientError.closedByServer {
                    idleClosed = true
                }
                return (idleClosed, replies.count)
            }
        }
        #expect(idleClosed)
        #expect(busyReplies == 6)
    }

    @Test func thousandsOfPipelinedRequestsPastTheCapAreAllAnsweredInOrder() async throws {
        let count = 3000
        let replies = try await withServer(limits: ServerLimits(maximumPipelinedRequests: 4)) { _, path in
            try await blocking {
                let client = try LineClient(path: path, timeout: 20)
                // Sent from another thread while this one reads: the server stops reading
                // at the cap, so a writer that never read would block once buffers fill.
                let lines = (0..<count).map { #"{"id":\#($0),"text":"echo \#($0)"}"# }.joined(separator: "\n") + "\n"
                let sender = WriteOnly(client)  // writes only; this thread keeps reading
                let writer = Thread { try? sender.client.write(Array(lines.utf8)) }
                writer.start()
                return try (0..<count).map { _ in try JSONReply(client.readLine()) }
            }
        }
        #expect(replies.count == count)
        #expect(replies.enumerated().allSatisfy { $0.element.id == .int($0.offset) })
    }

    @Test func clientThatReadsNothingDoesNotHoldUpOthers() async throws {
        let (served, maximumMilliseconds) = try await withServer(limits: ServerLimits(maximumPipelinedRequests: 8)) { _, path in
            try await blocking {
                let hog = try LineClient(path: path, timeout: 5)
                // About 2 MB of replies it never reads.
                let line = "echo " + String(repeating: "字", count: 300) + "\n"
                let sender = WriteOnly(hog)
                let writer = Thread { try? sender.client.write(Array(String(repeating: line, count: 2000).utf8)) }
                writer.start()
                Thread.sleep(forTimeInterval: 0.2)
                let other = try LineClient(path: path, timeout: 5)
                var slowest = 0.0
                var served = 0
                for i in 0..<50 {
                    let start = Date()
                    if try other.sendText("echo \(i)") == "回声：\(i)" { served += 1 }
                    slowest = max(slowest, Date().timeIntervalSince(start) * 1000)
                }
                hog.close()
                return (served, slowest)
            }
        }
        #expect(served == 50)
        #expect(maximumMilliseconds < 1000)
    }

    @Test func peerOutsideTheAllowListIsRefused() async throws {
        let me = UInt32(getuid())
        let refused = try await withServer(access: AccessPolicy(uids: [me &+ 1])) { _, path in
            try await blocking { try JSONReply(LineClient(path: path, timeout: 5).readLine()) }
        }
        #expect(refused.errorCode == "not_allowed")
        let allowed = try await withServer(access: AccessPolicy(uids: [me &+ 1], gids: [UInt32(getgid())])) { _, path in
            try await blocking { try LineClient(path: path, timeout: 5).sendText("echo 放行") }
        }
        #expect(allowed == "回声：放行")
    }

    @Test func operatorRightsFollowThePeersGroupAlsoInNamedSessions() async throws {
        let group = UInt32(getgid())
        let (inGroup, named) = try await withServer(access: AccessPolicy(operatorGIDs: [group])) { _, path in
            try await blocking {
                let client = try LineClient(path: path)
                return (try client.sendText("rights"), try JSONReply(client.sendJSON(#"{"id":1,"session":"s","text":"rights"}"#)).text)
            }
        }
        #expect(inGroup == "可操作")
        #expect(named == "可操作")
        let (outside, namedOutside) = try await withServer(access: AccessPolicy(operatorGIDs: [group &+ 1])) { _, path in
            try await blocking {
                let client = try LineClient(path: path)
                return (try client.sendText("rights"), try JSONReply(client.sendJSON(#"{"id":1,"session":"s","text":"rights"}"#)).text)
            }
        }
        #expect(outside == "不可操作")
        #expect(namedOutside == "不可操作")
    }

    @Test func statsLineCountsConnectionsRequestsAndErrors() async throws {
        let (json, text) = try await withServer { _, path in
            try await blocking {
                let client = try LineClient(path: path)
                _ = try client.sendText("echo 一")
                _ = try client.sendText("不认识的")
                let json = try JSONReply(client.sendJSON(#"{"id":"s1","cmd":"stats"}"#))
                return (json, try client.sendText("/stats"))
            }
        }
        #expect(json.id == "s1")
        #expect(json.intent == "server.stats")
        #expect(json.data?["connections"]?["open"] == 1)
        #expect(json.data?["requests"] == 2)
        #expect(json.data?["errors"] == 1)
        #expect(json.data?["latency_ms"]?["p99"] != nil)
        #expect(text.hasPrefix("连接 1"))
    }

    @Test func reloadableHandlerSwapsTheEngineBetweenRequests() async throws {
        let reloadable = ReloadableHandler(FakeHandler())
        let (before, after) = try await withServer(handler: reloadable) { _, path in
            try await blocking {
                let client = try LineClient(path: path)
                let before = try client.sendText("echo 旧")
                reloadable.replace(with: ConstantHandler(text: "新引擎"))
                return (before, try client.sendText("echo 旧"))
            }
        }
        #expect(before == "回声：旧")
        #expect(after == "新引擎")
    }
}

/// Answers every line with the same text.
struct ConstantHandler: LineHandler {
    var text: String
    func handle(_ line: String, session: Session) -> Reply { .done("test.constant", text) }
}

/// Hands a client to a thread that only writes to it.
/// `@unchecked Sendable`: `write` touches only the socket, never the read buffer the other thread uses.
struct WriteOnly: @unchecked Sendable {
    let client: LineClient
    init(_ client: LineClient) { self.client = client }
}
