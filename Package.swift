// swift-tools-version: 6.0
// carereview: a terminal browser for stakeholder responses to England's
// Independent Review of Children's Social Care.
import PackageDescription

let package = Package(
    name: "carereview",
    products: [
        .executable(name: "carereview", targets: ["carereview"]),
        .library(name: "CareReview", targets: ["CareReview"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        // Marks and notes: SQLite (the system's libsqlite3) through GRDB.
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
    ],
    targets: [
        // The model: documents, stakeholders, proposals, positions, queries,
        // search, export. No terminal dependency.
        .target(name: "CareReview", dependencies: ["Yams"]),

        // The marks-and-notes store: SQLite through GRDB, in a module of its
        // own so GRDB's SQL operator overloads stay out of the model's code.
        .target(name: "CareReviewNotes", dependencies: ["CareReview", .product(name: "GRDB", package: "GRDB.swift")]),

        // Text bound for a terminal: display width and control-character
        // sanitising, shared by the browser and the command line.
        .target(name: "TerminalText"),

        // The dataset in Resources/, embedded into the binary at build time
        // by a build-tool plugin (SwiftPM's Bundle.module would put it in a
        // folder beside the binary on Linux).
        .executableTarget(name: "EmbedCorpusTool"),
        .plugin(name: "EmbedCorpusPlugin", capability: .buildTool(), dependencies: ["EmbedCorpusTool"]),
        .target(name: "EmbeddedCorpus", dependencies: ["CareReview"], plugins: ["EmbedCorpusPlugin"]),

        // REFI-QDA exchange (.qdpx/.qdc export and import): zip and XML
        // libraries stay here, used only by the export and import commands.
        // XML is read with libxml2's reader, which CXMLReader loads with
        // dlopen only when an import runs (the binary links no XML library).
        .target(name: "CXMLReader"),
        .target(name: "CareReviewExchange", dependencies: ["CareReview", "CXMLReader", "ZIPFoundation"]),

        // UI logic: State, Action, a pure reducer, views rendering into a cell buffer.
        .target(name: "CareReviewUI", dependencies: ["CareReview", "TerminalText"]),

        // The terminal: libncursesw through a system-library target, and a
        // small C target for async-signal-safe terminal restoration.
        .systemLibrary(name: "CNcursesw"),
        .target(name: "CTerminalGuard"),
        .target(name: "TerminalBackend", dependencies: ["CareReviewUI", "CareReviewNotes", "CNcursesw", "CTerminalGuard", "TerminalText"]),

        // The command line.
        .executableTarget(
            name: "carereview",
            dependencies: [
                "CareReview", "CareReviewNotes", "EmbeddedCorpus", "CareReviewUI", "TerminalBackend", "CareReviewExchange", "TerminalText",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // `make bench`: synthetic corpora and figures.
        .executableTarget(name: "carereview-bench", dependencies: ["CareReview", "EmbeddedCorpus", "CareReviewUI", "CareReviewExchange"]),

        // Test data is read from the source tree (#filePath), not bundled.
        // Yams here only as the whole-file reference parse the loader is checked against.
        .testTarget(name: "CareReviewTests", dependencies: ["CareReview", "CareReviewNotes", "EmbeddedCorpus", "CareReviewExchange", "TerminalText",
                                                            .product(name: "Yams", package: "Yams")], exclude: ["Fixtures"]),
        .testTarget(name: "CareReviewUITests", dependencies: ["CareReviewUI", "CareReview", "EmbeddedCorpus", "TerminalText"], exclude: ["Goldens"]),
        .testTarget(name: "CLITests", dependencies: ["CareReview"], exclude: ["Goldens"]),
    ]
)
