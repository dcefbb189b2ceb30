import Foundation
import Testing
@testable import CareReviewExchange

/// libxml2 is loaded only when an import runs: the binary links no XML
/// library, and a machine without libxml2 gets a clear message.
@Suite struct REFIQDALinkTests {
    @Test func absentLibxml2IsAClearError() {
        do {
            try XMLLibrary.load("libxml2-not-installed.so.9", for: "x.qdpx: project.qde")
            Issue.record("loading a library that does not exist succeeded")
        } catch {
            #expect(error.description.hasPrefix("x.qdpx: project.qde: reading REFI-QDA XML needs libxml2 (libxml2-not-installed.so.9), which could not be loaded: "), "\(error)")
            #expect(error.description.contains("apt-get install libxml2"), "\(error)")
        }
        // The real one still loads afterwards.
        #expect(throws: Never.self) { try XMLLibrary.load(for: "x.qdpx") }
    }

    /// `ldd` on the carereview binary beside the tests: no libxml2, ICU,
    /// liblzma or FoundationXML (`make release` checks the whole list).
    @Test func binaryLinksNoXMLLibrary() throws {
        let tests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        var binary = tests.appendingPathComponent("carereview").path
        if !FileManager.default.isExecutableFile(atPath: binary) {
            binary = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../.build/debug/carereview").standardized.path
        }
        #expect(FileManager.default.isExecutableFile(atPath: binary), "no carereview binary at \(binary): run `swift build` first")
        let ldd = Process()
        ldd.executableURL = URL(fileURLWithPath: "/usr/bin/ldd")
        ldd.arguments = [binary]
        let out = Pipe()
        ldd.standardOutput = out
        ldd.standardError = out
        try ldd.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        ldd.waitUntilExit()
        #expect(ldd.terminationStatus == 0, "ldd: \(text)")
        #expect(text.contains("libc.so"), "ldd printed no libraries: \(text)")
        for forbidden in ["libxml2", "libFoundationXML", "libicu", "liblzma"] {
            #expect(!text.contains(forbidden), "carereview links \(forbidden):\n\(text)")
        }
    }
}
