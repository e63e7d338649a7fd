import Foundation
import Testing
import Bot
@testable import Transcripts

// MARK: - A fake engine

/// Answers from the line alone, plus a per-session counter and the clock:
/// - `计数` → `第N条` (N counts lines in this session)
/// - `时间` → the clock, as seconds since 1970
/// - `两行 X` → `第一行 X` / `第二行 X`
/// - anything else → `你说：LINE`
private final class FakeHandler: LineHandler, @unchecked Sendable {
    let settings: TranscriptSettings
    private let lock = NSLock()
    private var counts: [ObjectIdentifier: Int] = [:]

    init(_ settings: TranscriptSettings) { self.settings = settings }

    func handle(_ line: String, session: Session) -> Reply {
        let n: Int = lock.withLock {
            counts[ObjectIdentifier(session), default: 0] += 1
            return counts[ObjectIdentifier(session)]!
        }
        if line == "计数" { return .done("count", "第\(n)条", data: ["count": .int(n), "session": .string(session.id)]) }
        if line == "时间" { return .done("clock", "\(Int(settings.clock.now.timeIntervalSince1970))") }
        if line.hasPrefix("两行 ") {
            let x = line.dropFirst(3)
            return .done("echo", "第一行 \(x)\n第二行 \(x)")
        }
        return .done("echo", "你说：\(line)", data: ["operator": .optional(session.operatorName)])
    }
}

private let runner = TranscriptRunner { settings in FakeHandler(settings) }

/// A temporary folder, removed by the caller.
private func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("transcripts-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

private func write(_ text: String, to name: String, in folder: URL) throws -> URL {
    let url = folder.appendingPathComponent(name)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url
}

private let file = URL(fileURLWithPath: "/tmp/example.txt")

// MARK: - Parsing

@Suite struct TranscriptRunnerParsingTests {
    @Test func commentsDirectivesAndMultiLineReplies() throws {
        let text = """
        # A comment
        @now 2026-12-01T10:30:00+08:00   # trailing comment on a directive
        @session s1

        > 两行 甲
        第一行 甲
        第二行 甲

        # between
        > 计数
        第1条
        @session s2
        > 计数
        """
        let t = try TranscriptFile.parse(text, file: file)
        #expect(t.settings.nowText == "2026-12-01T10:30:00+08:00")
        #expect(t.settings.utcOffsetSeconds == 8 * 3600)
        #expect(t.settings.now == Date(timeIntervalSince1970: 1_796_092_200))
        #expect(t.settings.session == "s1")
        #expect(t.steps.count == 6)
        #expect(t.steps[0].isHeader && t.steps[1].isHeader)
        #expect(t.steps[2].kind == .text("两行 甲"))
        #expect(t.steps[2].line == 5)
        #expect(t.steps[2].expected == ["第一行 甲", "第二行 甲"])
        #expect(t.steps[2].replyLines == 5..<7)
        #expect(t.steps[3].kind == .text("计数"))
        #expect(t.steps[3].line == 10)
        #expect(t.steps[3].expected == ["第1条"])
        #expect(t.steps[4].kind == .session("s2"))
        #expect(!t.steps[4].isHeader)
        #expect(t.steps[5].expected == [])
        #expect(t.exchanges.count == 3)
    }

    @Test func defaults() throws {
        let t = try TranscriptFile.parse("> 你好\n你说：你好\n", file: file)
        #expect(t.settings.nowText == "2026-11-29T09:00:00+08:00")
        #expect(t.settings.session == "default")
        #expect(t.settings.freshDatabase)
        #expect(t.steps == [TranscriptStep(kind: .text("你好"), line: 1, isHeader: false, expected: ["你说：你好"], replyLines: 1..<2)])
    }

    @Test func jsonLinesAndDbDirective() throws {
        let text = """
        >json {"id":"r1","text":"你好"}
        {"id":"r1","text":"你说：你好"}
        @db fresh
        >json{"id":"r2","text":"计数"}
        {
          "id": "r2"
        }
        """
        let t = try TranscriptFile.parse(text, file: file)
        #expect(t.steps.map(\.kind) == [.json(#"{"id":"r1","text":"你好"}"#), .freshDatabase, .json(#"{"id":"r2","text":"计数"}"#)])
        #expect(t.steps[1].isHeader == false)
        #expect(t.steps[2].expected.count == 3)
    }

    @Test func escapedReplyLines() throws {
        let t = try TranscriptFile.parse("> x\n\\# not a comment\n\\\\back\n", file: file)
        #expect(t.steps[0].expected == ["# not a comment", "\\back"])
    }

    @Test func crlfFile() throws {
        let t = try TranscriptFile.parse("> a\r\n你说：a\r\n", file: file)
        #expect(t.lineEnding == "\r\n")
        #expect(t.steps[0].expected == ["你说：a"])
        #expect(t.rewritten(replies: [:]) == "> a\r\n你说：a\r\n")
    }

    @Test(arguments: [
        ("@when tomorrow", 1, "unknown directive"),
        ("@now tomorrow", 1, "not an ISO 8601"),
        ("@db stale", 1, "@db fresh"),
        ("# c\nhello", 2, "no user line"),
        ("> a\nb\n# c\nd", 4, "line 1"),
        (">报事", 1, "'> '"),
        ("> {\"text\":\"a\"}", 1, ">json"),
        (">json {\"id\":1}\nnot json", 2, "not a JSON value"),
    ])
    func parseErrorsNameFileAndLine(text: String, line: Int, fragment: String) throws {
        do {
            _ = try TranscriptFile.parse(text, file: URL(fileURLWithPath: "/tmp/bad.txt"))
            Issue.record("expected a parse error for \(text)")
        } catch let error as TranscriptError {
            guard case .parse(let f, let l, let message) = error else { Issue.record("wrong error \(error)"); return }
            #expect(f.lastPathComponent == "bad.txt")
            #expect(l == line)
            #expect(message.contains(fragment), "\(message)")
            #expect(error.description.hasPrefix("/tmp/bad.txt:\(line): "))
        }
    }

    @Test func dates() {
        #expect(TranscriptSettings.parseDate("2026-11-29T09:00:00+08:00")?.offset == 28800)
        #expect(TranscriptSettings.parseDate("2026-11-29T01:00:00Z")?.date == TranscriptSettings.parseDate("2026-11-29T09:00+08:00")?.date)
        #expect(TranscriptSettings.parseDate("2026-02-30T09:00:00+08:00") == nil)
        #expect(TranscriptSettings.parseDate("2026-11-29T09:00:00") == nil)
    }
}

// MARK: - Running

@Suite struct TranscriptRunnerTests {
    @Test func matchingTranscriptPasses() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = try write("""
        # two sessions, a clock, JSON subsets
        @now 2026-11-29T09:00:00+08:00
        > 计数
        第1条
        > 两行 乙
        第一行 乙
        第二行 乙   

        > 时间
        1795914000
        @now 2026-11-30T09:00:00+08:00
        > 时间
        1796000400
        @session other
        > 计数
        第1条
        >json {"id":"r1","text":"计数"}
        {"id":"r1","ok":true,"data":{"count":2}}
        >json {"id":7,"text":"你好","operator":"王芳"}
        {"id":7,"text":"你说：你好","data":{"operator":"王芳"}}
        >json {"id":"r3","text":"计数","session":"shared"}
        {"data":{"session":"shared","count":1}}
        @session default
        > 计数
        第5条
        @db fresh
        > 计数
        第1条
        """, to: "ok.txt", in: folder)
        let result = try runner.run(file: url, mode: .inProcess)
        #expect(result.passed, "\(result.report)")
        #expect(result.exchanges == 10)
        #expect(result.summary.hasPrefix("ok "))
    }

    @Test func mismatchGivesDiffNamingFileAndLine() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = try write("""
        > 两行 丙
        第一行 丙
        第三行 丙
        > 计数
        第1条
        >json {"id":"r1","text":"计数"}
        {"id":"r1","data":{"count":9}}
        """, to: "bad.txt", in: folder)
        let result = try runner.run(file: url, mode: .inProcess)
        #expect(!result.passed)
        try #require(result.mismatches.map(\.line) == [1, 4, 6])
        let first = result.mismatches[0]
        #expect(first.location.hasSuffix("bad.txt:1"))
        #expect(first.diff.contains("bad.txt:1 expected"))
        #expect(first.diff.contains("@@ -1,2 +1,2 @@\n 第一行 丙\n-第三行 丙\n+第二行 丙\n"))
        #expect(first.report.contains("reply differs for > 两行 丙"))
        #expect(result.mismatches[1].diff.contains("@@ -1,1 +1,1 @@\n-第1条\n+第2条\n"))
        // JSON: the diff shows only the keys the expectation names.
        let json = result.mismatches[2].diff
        #expect(json.contains("-    \"count\" : 9") || json.contains("-    \"count\": 9"), "\(json)")
        #expect(!json.contains("\"ok\""))
        #expect(result.report.contains("FAIL"))
    }

    @Test func updateRewritesThenPasses() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = """
        # header comment
        @now 2026-11-29T09:00:00+08:00 # keep me

        > 两行 丁
        wrong

        # a comment after a blank line
        > 计数
        第2条
        > # looks like a comment
        >json {"id":"r1","text":"计数"}
        {"id":"r1","ok":true}
        >json {"id":"r2","text":"计数"}
        > 你好
        你说：你好
        """ + "\n"
        let url = try write(original, to: "update.txt", in: folder)
        #expect(try !runner.run(file: url, mode: .inProcess).passed)
        let before = try runner.update(file: url)
        #expect(before.mismatches.map(\.line) == [4, 10, 13])
        let updated = try String(contentsOf: url, encoding: .utf8)
        let r2 = #"{"data":{"count":5,"session":"default"},"id":"r2","intent":"count","ok":true,"state":"done","text":"第5条"}"#
        #expect(updated == """
        # header comment
        @now 2026-11-29T09:00:00+08:00 # keep me

        > 两行 丁
        第一行 丁
        第二行 丁

        # a comment after a blank line
        > 计数
        第2条
        > # looks like a comment
        你说：# looks like a comment
        >json {"id":"r1","text":"计数"}
        {"id":"r1","ok":true}
        >json {"id":"r2","text":"计数"}
        \(r2)
        > 你好
        你说：你好

        """)
        let after = try runner.run(file: url, mode: .inProcess)
        #expect(after.passed, "\(after.report)")
        // Nothing left to change: the file stays byte for byte.
        try runner.update(file: url)
        #expect(try String(contentsOf: url, encoding: .utf8) == updated)
    }

    @Test func updateEscapesReplyLinesThatLookLikeMarkup() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The fake engine echoes the tail after "两行 " on its second line — make it start with '#'.
        let handler = TranscriptRunner { _ in EchoFirstLine() }
        let url = try write("> #1\n> @x\n", to: "esc.txt", in: folder)
        try handler.update(file: url)
        #expect(try String(contentsOf: url, encoding: .utf8) == "> #1\n\\#1\n> @x\n\\@x\n")
        #expect(try handler.run(file: url, mode: .inProcess).passed)
    }

    @Test func socketModeConnectsOncePerSession() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = try write("""
        > 计数
        第1条
        @session b
        > 计数
        第1条
        @session default
        > 计数
        第2条
        @db fresh
        > 计数
        第1条
        """, to: "socket.txt", in: folder)
        let log = ConnectLog()
        let result = try runner.run(file: url, mode: .socket(connect: { settings, handler in
            log.append("\(settings.session)#\(settings.generation)")
            return RecordingTransport(InProcessTransport(handler: handler, session: Session(id: settings.session)), log: log)
        }))
        #expect(result.passed, "\(result.report)")
        #expect(log.entries == ["default#0", "b#0", "close", "close", "default#1", "close"])
    }

    @Test func handlerErrorsNameTheFile() throws {
        struct Boom: Error {}
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = try write("# nothing\n> 你好\n", to: "boom.txt", in: folder)
        let failing = TranscriptRunner { _ in throw Boom() }
        #expect {
            try failing.run(file: url, mode: .inProcess)
        } throws: { error in
            "\(error)".contains("boom.txt:2: cannot make the handler")
        }
    }

    @Test func inProcessTransportMimicsTheWire() throws {
        let t = InProcessTransport(handler: FakeHandler(try TranscriptSettings(file: file)), session: Session(id: "x"))
        let bad = try JSONMatch.parse(try t.send(json: "{not json"))
        #expect(JSONMatch.matches(expected: ["ok": false, "state": "error", "error": ["code": "bad_json"]], actual: bad))
        let missing = try JSONMatch.parse(try t.send(json: #"{"id":"q"}"#))
        #expect(JSONMatch.matches(expected: ["id": "q", "error": ["code": "missing_text"]], actual: missing))
        #expect(try t.send(text: "a\u{7}b").contains("控制字符"))
    }
}

private struct EchoFirstLine: LineHandler {
    func handle(_ line: String, session: Session) -> Reply { .done(nil, line) }
}

private final class ConnectLog: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func append(_ s: String) { lock.withLock { items.append(s) } }
    var entries: [String] { lock.withLock { items } }
}

private final class RecordingTransport: TranscriptTransport {
    let inner: InProcessTransport
    let log: ConnectLog
    init(_ inner: InProcessTransport, log: ConnectLog) { self.inner = inner; self.log = log }
    func send(text: String) throws -> String { try inner.send(text: text) + "\n" }
    func send(json: String) throws -> String { try inner.send(json: json) }
    func close() { log.append("close") }
}

// MARK: - JSON matching

@Suite struct TranscriptRunnerJSONMatchTests {
    @Test func subsetRules() throws {
        let actual = try JSONMatch.parse(#"{"id":"r1","ok":true,"data":{"n":1,"list":[{"a":1,"b":2}]}}"#)
        #expect(JSONMatch.matches(expected: try JSONMatch.parse(#"{"ok":true}"#), actual: actual))
        #expect(JSONMatch.matches(expected: try JSONMatch.parse(#"{"data":{"n":1.0,"list":[{"b":2}]}}"#), actual: actual))
        #expect(!JSONMatch.matches(expected: try JSONMatch.parse(#"{"data":{"list":[]}}"#), actual: actual))
        #expect(!JSONMatch.matches(expected: try JSONMatch.parse(#"{"missing":null}"#), actual: actual))
        #expect(!JSONMatch.matches(expected: try JSONMatch.parse(#"{"ok":"true"}"#), actual: actual))
        #expect(JSONMatch.project(actual, onto: try JSONMatch.parse(#"{"data":{"n":0}}"#)) == ["data": ["n": 1]])
    }
}

// MARK: - Discovery

@Suite struct TranscriptRunnerDiscoveryTests {
    @Test func findsTranscriptsRecursivelySorted() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["b.txt", "a.transcript", "sub/c.txt", "sub/deeper/d.TXT", "notes.md", ".hidden.txt", ".git/x.txt"] {
            _ = try write("", to: name, in: folder)
        }
        let explicit = try write("", to: "other/explicit.md", in: folder)
        let found = try TranscriptDiscovery.files(in: [folder, explicit, folder.appendingPathComponent("b.txt")])
        let base = folder.standardizedFileURL.path + "/"
        #expect(found.map { String($0.path.dropFirst(base.count)) } == [
            "a.transcript", "b.txt", "other/explicit.md", "sub/c.txt", "sub/deeper/d.TXT",
        ])
        #expect(throws: TranscriptError.self) { try TranscriptDiscovery.files(in: ["/nonexistent/transcripts"]) }
    }
}

// MARK: - Unified diff

@Suite struct TranscriptRunnerUnifiedDiffTests {
    @Test func equalInputsGiveNoDiff() {
        #expect(UnifiedDiff.diff(old: ["a", "b"], new: ["a", "b"]) == "")
        #expect(UnifiedDiff.diff(old: [], new: []) == "")
    }

    @Test func oneChangedLine() {
        #expect(UnifiedDiff.diff(old: ["a", "b", "c"], new: ["a", "x", "c"], oldName: "x.txt:3 expected", newName: "x.txt:3 actual") == """
        --- x.txt:3 expected
        +++ x.txt:3 actual
        @@ -1,3 +1,3 @@
         a
        -b
        +x
         c

        """)
    }

    @Test func insertionIntoEmptyAndDeletionToEmpty() {
        #expect(UnifiedDiff.diff(old: [], new: ["a", "b"]) == "--- expected\n+++ actual\n@@ -0,0 +1,2 @@\n+a\n+b\n")
        #expect(UnifiedDiff.diff(old: ["a"], new: []) == "--- expected\n+++ actual\n@@ -1,1 +0,0 @@\n-a\n")
    }

    @Test func contextIsThreeLinesAndDistantChangesMakeTwoHunks() {
        let old = (1...20).map { "l\($0)" }
        var new = old
        new[1] = "L2"          // line 2
        new[16] = "L17"        // line 17
        new.insert("new", at: 10) // after line 10
        let diff = UnifiedDiff.diff(old: old, new: new)
        #expect(diff == """
        --- expected
        +++ actual
        @@ -1,5 +1,5 @@
         l1
        -l2
        +L2
         l3
         l4
         l5
        @@ -8,13 +8,14 @@
         l8
         l9
         l10
        +new
         l11
         l12
         l13
         l14
         l15
         l16
        -l17
        +L17
         l18
         l19
         l20

        """)
    }

    @Test func pureInsertionInTheMiddle() {
        #expect(UnifiedDiff.diff(old: ["a", "b", "c", "d", "e", "f", "g", "h"], new: ["a", "b", "c", "d", "X", "e", "f", "g", "h"]) == """
        --- expected
        +++ actual
        @@ -2,6 +2,7 @@
         b
         c
         d
        +X
         e
         f
         g

        """)
    }

    @Test func editScriptIsMinimal() {
        let edits = UnifiedDiff.edits(["a", "b", "c", "a", "b", "b", "a"], ["c", "b", "a", "b", "a", "c"])
        let kept = edits.filter { if case .same = $0 { return true } else { return false } }.count
        #expect(kept == 4) // LCS length of the classic example
    }
}

// MARK: - A real Unix socket

/// A minimal line server for the test: one thread per connection, the §3 framing
/// (JSON line → one JSON line; text line → reply lines and an empty line),
/// answering through `InProcessTransport`. (The project's SocketServer does this
/// for real; this one only proves the runner's socket mode and `UnixSocketTransport`.)
private final class MiniSocketServer: @unchecked Sendable {
    let path: String
    private let listener: Int32
    private let handler: any LineHandler
    private let registry = SessionRegistry()

    init(handler: any LineHandler) throws {
        self.handler = handler
        path = "/tmp/tx-\(UUID().uuidString.prefix(8)).sock"
        listener = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in raw.copyBytes(from: bytes); raw[bytes.count] = 0 }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0, listen(listener, 8) == 0 else { throw TranscriptError.notFound(path: path) }
        Thread.detachNewThread { [self] in acceptLoop() }
    }

    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        _ = Glibc.close(listener)
        unlink(path)
    }

    private func acceptLoop() {
        var n = 0
        while true {
            let fd = accept(listener, nil, nil)
            if fd < 0 { return }
            n += 1
            let session = Session(id: "conn\(n)")
            Thread.detachNewThread { [self] in serve(fd, session) }
        }
    }

    private func serve(_ fd: Int32, _ session: Session) {
        let transport = InProcessTransport(handler: handler, session: session, registry: registry)
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { _ = Glibc.close(fd); return }
            buffer += chunk[..<n]
            while let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffer[..<newline], as: UTF8.self)
                buffer.removeSubrange(...newline)
                let out = line.hasPrefix("{")
                    ? ((try? transport.send(json: line)) ?? "") + "\n"
                    : ((try? transport.send(text: line)) ?? "") + "\n\n"
                _ = Array(out.utf8).withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            }
        }
    }
}

@Suite struct TranscriptRunnerSocketTests {
    @Test func sameTranscriptPassesInProcessAndThroughASocket() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = try write("""
        > 两行 戊
        第一行 戊
        第二行 戊
        >json {"id":"r1","text":"计数","session":"named"}
        {"id":"r1","text":"第1条","data":{"session":"named"}}
        @session b
        > 计数
        第1条
        @session default
        > 计数
        第2条
        @db fresh
        > 计数
        第1条
        """, to: "both.txt", in: folder)
        #expect(try runner.run(file: url, mode: .inProcess).passed)

        let servers = ServerPool()
        defer { servers.stopAll() }
        let result = try runner.run(file: url, mode: .socket(connect: { settings, handler in
            let server = try servers.server(generation: settings.generation, handler: handler)
            return try UnixSocketTransport(path: server.path)
        }))
        #expect(result.passed, "\(result.report)")
        #expect(servers.count == 2)
    }

    @Test func replayHelperReportsAndUpdates() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try write("> 你好\n你说：你好\n", to: "a.txt", in: folder)
        let b = try write("> 计数\n第9条\n", to: "sub/b.transcript", in: folder)
        var out: [String] = [], err: [String] = []
        #expect(!runner.replay(paths: [folder.path], output: { out.append($0) }, errors: { err.append($0) }))
        #expect(out.last == "1 of 2 transcripts failed")
        #expect(out.contains { $0.contains("b.transcript:1: reply differs for > 计数") })
        #expect(runner.replay(paths: [b.path], update: true, output: { out.append($0) }, errors: { err.append($0) }))
        #expect(runner.replay(paths: [folder.path], output: { out.append($0) }, errors: { err.append($0) }))
        #expect(out.last == "2 transcripts passed")
        #expect(err.isEmpty)
        #expect(!runner.replay(paths: [folder.appendingPathComponent("missing").path], output: { _ in }, errors: { err.append($0) }))
        #expect(err.count == 1)
    }

    @Test func packageRootIsFound() {
        let root = TranscriptDiscovery.packageRoot()
        #expect(root.map { FileManager.default.fileExists(atPath: $0.appendingPathComponent("Package.swift").path) } == true)
    }
}

private final class ServerPool: @unchecked Sendable {
    private let lock = NSLock()
    private var servers: [Int: MiniSocketServer] = [:]
    func server(generation: Int, handler: any LineHandler) throws -> MiniSocketServer {
        try lock.withLock {
            if let s = servers[generation] { return s }
            let s = try MiniSocketServer(handler: handler)
            servers[generation] = s
            return s
        }
    }
    var count: Int { lock.withLock { servers.count } }
    func stopAll() { lock.withLock { servers.values.forEach { $0.stop() } } }
}
