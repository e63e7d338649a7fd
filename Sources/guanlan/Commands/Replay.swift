import ArgumentParser
import Bot
import Domain
import Foundation
import SQLiteStorage
import Transcripts

/// `guanlan replay PATH ...`: runs transcript files (or folders of them), each
/// on a fresh in-memory database with the sample data; exit 0 only when every
/// transcript matches. `--update` rewrites the expected replies.
struct Replay: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run transcript files; exit 0 only when all match.")

    @Flag(help: "Rewrite the expected replies with the actual ones (review the change in git).")
    var update = false

    @Argument(help: "Transcript files or folders.") var paths: [String]

    func run() async throws {
        let root = BotEnvironment.resourceRoot()
        // One database filled with the sample data and one understanding layer over it;
        // each transcript (and each `@db fresh`) gets an engine over a copy of that database.
        let template = try SQLiteDatabase(path: ":memory:")
        try BotEnvironment.prepare(template, root: root)
        let blueprint = try EngineBlueprint(db: template, root: root)
        let runner = TranscriptRunner { settings in
            let clock = Clock(timeZone: TimeZone(secondsFromGMT: settings.utcOffsetSeconds)!) { settings.clock.now }
            return blueprint.makeEngine(db: try template.inMemoryCopy(), clock: clock)
        }
        guard runner.replay(paths: paths, update: update) else { throw ExitCode(1) }
    }
}
