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
        .target(name: "Understanding", dependencies: ["Yams"]),
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
        ]),
        .testTarget(name: "UnderstandingTests", dependencies: ["Understanding"]),
        .testTarget(name: "DomainTests", dependencies: ["Domain", "SQLiteStorage", "PostgresStorage"]),
        .testTarget(name: "BotTests", dependencies: ["Bot", "Understanding", "Domain", "SQLiteStorage", "PostgresStorage", "Transcripts", "SocketServer", .product(name: "Logging", package: "swift-log")]),
        .testTarget(name: "SocketServerTests", dependencies: [
            "SocketServer", "Bot",
            .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "REPLTests", dependencies: ["REPL", "Bot"]),
    ]
)
