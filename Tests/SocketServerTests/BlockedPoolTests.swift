import Bot
import Testing
@testable import SocketServer

/// These tests call the blocking client straight from async test code, tying up
/// threads of Swift's cooperative pool while they wait; several run at once.
/// The server must still answer: its tasks run on their own executor.
@Suite struct BlockedPoolTests {
    @Test(arguments: 0..<6)
    func serverAnswersWhileTheCooperativePoolIsBlocked(n: Int) async throws {
        let reply = try await withServer { _, path in
            let client = try LineClient(path: path, timeout: 10)
            return try (0..<5).map { k in try client.sendText("sleep 20") + " \(k)" }
        }
        #expect(reply == (0..<5).map { "睡了 20 毫秒 \($0)" })
    }
}
