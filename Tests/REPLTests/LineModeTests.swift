import Bot
import Foundation
import Testing
@testable import REPL

/// Echoes each line with its length; `报事` starts a dialogue.
struct EchoHandler: LineHandler {
    func handle(_ line: String, session: Session) -> Reply {
        if line == "报事" {
            session.dialogue = Dialogue(intent: "grievance.file", slots: [:], label: "报事")
            return .ask("grievance.file", "请描述问题：")
        }
        return .done(nil, "收到：\(line)\n共 \(line.count) 字")
    }
}

/// Runs `LineMode` over a file of `input` and returns what it printed.
private func runLineMode(_ input: [UInt8]) throws -> String {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let inputURL = directory.appendingPathComponent("in")
    let outputURL = directory.appendingPathComponent("out")
    try Data(input).write(to: inputURL)
    let inputFD = open(inputURL.path, O_RDONLY)
    let outputFD = open(outputURL.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    defer { close(inputFD) }
    LineMode.run(handler: EchoHandler(), session: Session(id: "t"), input: inputFD, output: outputFD)
    close(outputFD)
    return try String(contentsOf: outputURL, encoding: .utf8)
}

@Suite struct LineModeTests {
    @Test func eachLineGetsItsReplyAndBlankLinesNone() throws {
        let output = try runLineMode(Array("你好\n\n  \r\nab\r\n最后".utf8))
        #expect(output == "收到：你好\n共 2 字\n收到：ab\n共 2 字\n收到：最后\n共 2 字\n")
    }

    @Test func badLinesGetTheSharedErrorsAndReadingGoesOn() throws {
        let long = [UInt8](repeating: 0x61, count: WireFormat.maximumLineBytes + 1)
        let output = try runLineMode([0xFF, 0x0A, 0x61, 0x00, 0x0A] + long + Array("\n好\n".utf8))
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines.count == 5)
        #expect(lines[0].contains("UTF-8"))
        #expect(lines[1].contains("控制字符"))
        #expect(lines[2].contains("输入过长"))
        #expect(lines[3...] == ["收到：好", "共 1 字"])
    }

    @Test func manyLinesAreAllAnswered() throws {
        let input = (0..<20_000).map { "第\($0)行\n" }.joined()
        let output = try runLineMode(Array(input.utf8))
        let lines = output.split(separator: "\n")
        #expect(lines.count == 40_000)
        #expect(lines.last == "共 7 字")
    }
}

@Suite struct PromptTests {
    @Test func promptShowsTheDialogueInProgress() {
        let session = Session(id: "p")
        #expect(ReadlineREPL.prompt(for: session) == "观澜> ")
        _ = EchoHandler().handle("报事", session: session)
        #expect(ReadlineREPL.prompt(for: session) == "观澜[报事]> ")
    }
}
