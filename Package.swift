// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "guanlan",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "guanlan", targets: ["guanlan"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    ],
    targets: [
        // Pure: text -> intent + slots + entities. No I/O at parse time.
        // Release builds give each function its own section, for the link's layout (below).
        .target(name: "Understanding", dependencies: ["Yams"],
                swiftSettings: [.unsafeFlags(["-Xfrontend", "-function-sections"], .when(configuration: .release))]),
        // Pure domain: models, services, the narrow SQL interface, migrations, CSV import.
        .target(name: "Domain"),
        // Adapter: the embedded SQLite engine behind Domain's SQLDatabase.
        .target(name: "SQLiteStorage", dependencies: ["Domain", .product(name: "GRDB", package: "GRDB.swift"),
                                                     // SQLite's C interface, for binding values without GRDB's generic arguments.
                                                     .product(name: "GRDBSQLite", package: "GRDB.swift")]),
        // Adapter: PostgreSQL behind the same SQLDatabase, through libpq (a system library).
        .systemLibrary(name: "CLibPQ", providers: [.apt(["libpq-dev"])]),
        .target(name: "PostgresStorage", dependencies: ["Domain", "CLibPQ"]),
        // The one engine: handle(line, session) -> Reply; dialogue, routing, rendering.
        .target(name: "Bot", dependencies: ["Understanding", "Domain"]),
        // Transcript files: parse and run whole conversations.
        .target(name: "Transcripts", dependencies: ["Bot", "SocketServer"]),
        // Adapter: Unix-domain socket server (SwiftNIO).
        .target(name: "SocketServer", dependencies: [
            "Bot",
            "Domain",
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // Adapter: GNU readline through a system-library target.
        .systemLibrary(name: "CReadline", providers: [.apt(["libreadline-dev"])]),
        .target(name: "REPL", dependencies: ["Bot", "CReadline"]),
        // Thin executable.
        .executableTarget(name: "guanlan", dependencies: [
            "Bot", "Understanding", "Domain", "SQLiteStorage", "PostgresStorage", "Transcripts", "SocketServer", "REPL",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ],
        // Release builds link the Swift runtime, Foundation and Dispatch statically (as
        // `--static-swift-stdlib` does, but for this binary alone and with nothing recompiled):
        // every retain, release and lazy global's `swift_once` is then a direct call rather than
        // one through the PLT into a shared library, and the understanding took 5-8 % less CPU
        // per utterance (docs/PERFORMANCE.md, und9). The modules are compiled as for shared
        // libraries, so the static archives' own dependencies are named here (the link fails
        // at once if a toolchain renames one). Debug builds (tests, `make run`) keep the
        // shared libraries and their quick links.
        //
        // Release builds are also linked by lld (shipped with the toolchain), which lays the
        // understanding's functions out next to their callers by a profile of the benchmark
        // (linker/understanding-call-graph.txt, made by scripts/make-link-order.sh): a parse runs
        // through more code than the instruction cache holds, and it missed that cache about
        // 5 % less often. Functions the profile does not name are placed as before, without a warning.
        linkerSettings: [.unsafeFlags(["-static-stdlib", "-lCoreFoundation", "-l_FoundationCollections", "-l_FoundationCShims",
                                       "-l_FoundationICU", "-lswiftSynchronization",
                                       "-use-ld=lld",
                                       "-Xlinker", "--call-graph-ordering-file=\(Context.packageDirectory)/linker/understanding-call-graph.txt",
                                       "-Xlinker", "--no-warn-symbol-ordering"], .when(configuration: .release))]),
        // The labelled sets and the outside corpora are read from their paths, not bundled.
        .testTarget(name: "UnderstandingTests", dependencies: ["Understanding"], exclude: ["Fixtures", "Corpora"]),
        .testTarget(name: "DomainTests", dependencies: ["Domain", "SQLiteStorage", "PostgresStorage"]),
        .testTarget(name: "BotTests", dependencies: ["Bot", "Understanding", "Domain", "SQLiteStorage", "PostgresStorage", "Transcripts", "SocketServer", .product(name: "Logging", package: "swift-log")]),
        .testTarget(name: "SocketServerTests", dependencies: [
            "SocketServer", "Bot",
            .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "REPLTests", dependencies: ["REPL", "Bot"]),
    ]
)
