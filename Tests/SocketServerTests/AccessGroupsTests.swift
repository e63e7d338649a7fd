import Foundation
import Testing
@testable import SocketServer

/// Supplementary groups count in the allow-list and the operator group (issue 7).
@Suite struct AccessGroupsTests {
    @Test func supplementaryGroupLetsThePeerInAndOperate() {
        let member = PeerCredentials(pid: 1, uid: 1000, gid: 7, supplementaryGroups: [42])
        let outsider = PeerCredentials(pid: 2, uid: 1001, gid: 7, supplementaryGroups: [43])
        let policy = AccessPolicy(gids: [42], operatorGIDs: [42])
        #expect(policy.allows(member))
        #expect(policy.mayOperate(member))
        #expect(!policy.allows(outsider))
        #expect(!policy.mayOperate(outsider))
        // The primary group still counts on its own.
        #expect(AccessPolicy(gids: [7]).allows(outsider))
    }

    @Test func groupListMatchesTheSystemsAnswer() throws {
        let uid = UInt32(getuid())
        let gid = UInt32(getgid())
        let name = try #require(Platform.userName(uid: uid))
        let id = Process()
        id.executableURL = URL(fileURLWithPath: "/usr/bin/id")
        id.arguments = ["-G", name]
        let pipe = Pipe()
        id.standardOutput = pipe
        try id.run()
        id.waitUntilExit()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let expected = Set(output.split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap { UInt32($0) })
        #expect(!expected.isEmpty)
        #expect(Platform.groups(uid: uid, gid: gid) == expected.union([gid]))
    }

    @Test func unknownUidHasOnlyItsPrimaryGroup() {
        #expect(Platform.groups(uid: 4_000_000_000, gid: 12345) == [12345])
    }
}
