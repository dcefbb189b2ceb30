import Foundation
import Testing

/// Runs the built `carereview` binary and captures what it prints.
enum CLI {
    struct Result { let status: Int32; let stdout: String; let stderr: String }

    static let testsDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let repository = testsDir.deletingLastPathComponent().deletingLastPathComponent().path
    static let fixture = testsDir.deletingLastPathComponent().appendingPathComponent("CareReviewTests/Fixtures/mini").path

    /// The binary beside the test bundle (same build), else the default debug build.
    static let binary: String = {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("carereview").path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        return testsDir.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(".build/debug/carereview").path
    }()

    static let cacheDir = FileManager.default.temporaryDirectory.appendingPathComponent("cr-cli-cache-\(getpid())").path

    /// `unset`: variables to remove (e.g. COLUMNS, which is 80 unless removed).
    static func run(_ args: [String], env: [String: String] = [:], unset: Set<String> = []) throws -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = args
        var environment = ProcessInfo.processInfo.environment
        environment["COLUMNS"] = "80"
        environment.removeValue(forKey: "CAREREVIEW_DATA")
        environment["XDG_CACHE_HOME"] = cacheDir   // keep the load cache out of the user's home
        for (k, v) in env { environment[k] = v }
        for k in unset { environment.removeValue(forKey: k) }
        p.environment = environment
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        // Read both pipes before waiting, so a large output cannot block the child.
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    /// Compares with Goldens/NAME.txt; UPDATE_GOLDENS=1 rewrites it instead.
    static func expectGolden(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = testsDir.appendingPathComponent("Goldens/\(name).txt")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDENS"] == "1" {
            try text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let golden = try String(contentsOf: url, encoding: .utf8)
        #expect(text == golden, "output differs from Goldens/\(name).txt (UPDATE_GOLDENS=1 rewrites it)", sourceLocation: sourceLocation)
    }
}

/// Runs the sqlite3 shell on a database (a test dependency, installed by
/// .ci/run; fails when missing) and returns what it printed.
func sqliteQuery(_ db: String, _ sql: String) throws -> String {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
    p.arguments = [db, sql]
    let out = Pipe()
    p.standardOutput = out
    try p.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    #expect(p.terminationStatus == 0, "sqlite3 \(db) \(sql)")
    return String(decoding: data, as: UTF8.self)
}
