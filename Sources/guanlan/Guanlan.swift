import ArgumentParser

/// `guanlan`: the command bot of the 观澜 service hotline (CONTRACT §1).
@main
struct Guanlan: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "guanlan",
        abstract: "观澜街道服务热线助手 — the 观澜 service hotline bot.",
        subcommands: [Chat.self, Serve.self, Parse.self, Eval.self, Replay.self, Import.self, Migrate.self, BenchUnderstanding.self],
        defaultSubcommand: Chat.self)
}
