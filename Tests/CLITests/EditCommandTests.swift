import Foundation
import Testing

/// `init`, `add`, `code` and `reanchor` through the real binary: what they
/// write, that a write changes only its own lines, and that every bad input
/// leaves the files untouched.
@Suite struct EditCommandTests {
    /// A fresh dataset directory written by `carereview init` (the embedded corpus, or empty).
    private func dataset(empty: Bool = false) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crv-edit-\(UUID().uuidString)").path
        let r = try CLI.run(["init", dir] + (empty ? ["--empty"] : []))
        #expect(r.status == 0, "\(r.stderr)")
        return dir
    }

    /// Every file of a directory with its bytes, to show nothing changed.
    private func snapshot(_ dir: String) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: dir) {
            var isDir: ObjCBool = false
            FileManager.default.fileExists(atPath: dir + "/" + path, isDirectory: &isDir)
            if !isDir.boolValue { out[path] = FileManager.default.contents(atPath: dir + "/" + path) }
        }
        return out
    }

    private func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    private let quote = "The government will not abolish the IRO role; it will strengthen it instead."

    /// An empty dataset with one added article and the stakeholder and proposal for coding it.
    private func codedDataset() throws -> (dir: String, doc: String) {
        let dir = try dataset(empty: true)
        let article = dir + "-article.md"
        try "Stable homes.\nThe government will not abolish the IRO role; it will strengthen it instead.\nNAIRO said the IRO role matters. The government will not abolish the IRO role; it will strengthen it instead.\n"
            .write(toFile: article, atomically: true, encoding: .utf8)
        let add = try CLI.run(["add", dir, article, "--title", "Stable Homes, Built on Love", "--date", "2023-02-02",
                               "--stage", "government-response", "--publisher", "Department for Education"])
        #expect(add.status == 0, "\(add.stderr)")
        let first = try CLI.run(["code", dir, "--document", "stable-homes-built-on-love", "--quote", "Stable homes.",
                                 "--stakeholder", "dfe", "--new-stakeholder", "Department for Education", "--kind", "government",
                                 "--description", "The department.", "--proposal", "iro-abolition",
                                 "--new-proposal", "Abolish the IRO role", "--proposal-summary", "Replace IROs.",
                                 "--chapter", "5", "--stage", "final-report", "--stance", "opposes", "--summary", "Keeps IROs."])
        #expect(first.status == 0, "\(first.stderr)")
        return (dir, "stable-homes-built-on-love")
    }

    @Test func initWritesAValidDatasetAndRefusesANonEmptyDirectory() throws {
        let dir = try dataset()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let v = try CLI.run(["validate", "--data", dir])
        #expect(v.status == 0 && v.stdout.hasPrefix("ok: 5 documents"), "\(v.stdout)")
        let before = try snapshot(dir)
        let again = try CLI.run(["init", dir])
        #expect(again.status == 2 && again.stderr.contains("is not empty"))
        #expect(try snapshot(dir) == before)
        let empty = try dataset(empty: true)
        defer { try? FileManager.default.removeItem(atPath: empty) }
        #expect(try CLI.run(["validate", "--data", empty]).stdout.hasPrefix("ok: 0 documents"))
    }

    @Test func addNormalisesTheTextAndNeedsItsMetadata() throws {
        let dir = try dataset(empty: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let article = dir + "-in.md"
        defer { try? FileManager.default.removeItem(atPath: article) }
        try Data([0xEF, 0xBB, 0xBF] + Array("# Heading  \r\nBody text.\t\r\n\r\n\r\n".utf8)).write(to: URL(fileURLWithPath: article))
        let before = try snapshot(dir)
        let missing = try CLI.run(["add", dir, article, "--date", "2023"])   // stdin is not a terminal
        #expect(missing.status == 2 && missing.stderr.contains("missing --title"))
        let badStage = try CLI.run(["add", dir, article, "--title", "T", "--date", "2023", "--stage", "sometime"])
        #expect(badStage.status == 2 && badStage.stderr.contains("not a stage"))
        #expect(try snapshot(dir) == before)
        let ok = try CLI.run(["add", dir, article, "--title", "A plan: for 2023", "--date", "2023-02", "--stage", "government-response"])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(try read(dir + "/texts/a-plan-for-2023.txt") == "# Heading\nBody text.\n")
        #expect(try read(dir + "/documents.yaml").contains("  title: \"A plan: for 2023\"\n  author: null\n"))
        #expect(try CLI.run(["validate", "--data", dir]).status == 0)
    }

    @Test func codingANewPositionAddsOnlyItsOwnLines() throws {
        let (dir, doc) = try codedDataset()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let before = try read(dir + "/positions.yaml")
        let r = try CLI.run(["code", dir, "--document", doc, "--quote", "NAIRO said the IRO role matters.", "--stakeholder", "nairo",
                             "--new-stakeholder", "NAIRO", "--kind", "professional-body", "--description", "IROs' association.",
                             "--proposal", "iro", "--stance", "supports", "--summary", "Says the role matters."])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("as a new position nairo.iro-abolition (supports)"))
        let after = try read(dir + "/positions.yaml")
        #expect(after.hasPrefix(before))
        #expect(String(after.dropFirst(before.count)) == """
            - id: nairo.iro-abolition
              stakeholder: nairo
              proposal: iro-abolition
              stance: supports
              summary: "Says the role matters."
              date: "2023-02-02"
              quotes:
                - document: stable-homes-built-on-love
                  start: 91
                  end: 123
                  text: "NAIRO said the IRO role matters."

            """)
        let json = try CLI.run(["export", "--format", "json", "--data", dir])
        #expect(json.stdout.contains("\"id\" : \"nairo.iro-abolition\""))
    }

    @Test func aSecondQuoteFromTheSameDocumentJoinsThePosition() throws {
        let (dir, doc) = try codedDataset()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try CLI.run(["code", dir, "--document", doc, "--quote", quote, "--occurrence", "2",
                             "--stakeholder", "dfe", "--proposal", "iro-abolition", "--stance", "opposes"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("to position dfe.iro-abolition"))
        let positions = try read(dir + "/positions.yaml")
        #expect(positions.components(separatedBy: "- id: ").count == 2)   // still one position
        #expect(positions.contains("start: 124\n"))                         // the second occurrence
    }

    @Test func badInputLeavesTheFilesUntouched() throws {
        let (dir, doc) = try codedDataset()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let before = try snapshot(dir)
        let base = ["code", dir, "--document", doc, "--stakeholder", "dfe", "--proposal", "iro-abolition"]
        let ambiguous = try CLI.run(base + ["--quote", quote, "--stance", "opposes"])
        #expect(ambiguous.status == 2)
        #expect(ambiguous.stderr.contains("occurs 2 times") && ambiguous.stderr.contains("--occurrence 2"))
        let absent = try CLI.run(base + ["--quote", "Nobody said this.", "--stance", "opposes"])
        #expect(absent.status == 1 && absent.stderr.contains("does not occur"))
        let stance = try CLI.run(base + ["--quote", "NAIRO said the IRO role matters.", "--stance", "furious"])
        #expect(stance.status == 2 && stance.stderr.contains("furious"))
        let noSummary = try CLI.run(["code", dir, "--document", doc, "--quote", "NAIRO said the IRO role matters.",
                                     "--stakeholder", "dfe", "--proposal", "other", "--new-proposal", "Another", "--proposal-summary", "S",
                                     "--chapter", "1", "--stage", "final-report", "--stance", "supports"])
        #expect(noSummary.status == 1 && noSummary.stderr.contains("needs --summary"))
        #expect(try snapshot(dir) == before)
    }

    @Test func aReadOnlyDirectoryIsRefusedWholeAndNothingIsWritten() throws {
        let (dir, doc) = try codedDataset()
        defer {
            _ = try? shell(getuid() == 0 ? ["chattr", "-i", dir] : ["chmod", "755", dir])
            try? FileManager.default.removeItem(atPath: dir)
        }
        let before = try snapshot(dir)
        // Root ignores permission bits, so as root the directory is made immutable instead.
        try shell(getuid() == 0 ? ["chattr", "+i", dir] : ["chmod", "555", dir])
        let r = try CLI.run(["code", dir, "--document", doc, "--quote", "NAIRO said the IRO role matters.", "--stakeholder", "dfe",
                             "--proposal", "iro-abolition", "--stance", "supports", "--summary", "s", "--date", "2024"])
        #expect(r.status == 1 && r.stderr.contains("not writable") && r.stderr.contains("nothing was written"), "\(r.stderr)")
        #expect(try snapshot(dir) == before)
    }

    @Test func reanchorAfterTextCorrections() throws {
        let dir = try dataset()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let sen = dir + "/texts/sen-two-tier-workforce.txt"
        // A sentence inserted before every quote: all move, none is lost.
        try ("An editor's note was added here. " + read(sen)).write(toFile: sen, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["validate", "--data", dir]).status == 1)
        let moved = try CLI.run(["reanchor", dir])
        #expect(moved.status == 0, "\(moved.stderr)")
        #expect(moved.stdout.contains("moved      robin-sen.") && moved.stdout.contains("(exact)") && moved.stdout.contains(" 0 lost"))
        #expect(try CLI.run(["validate", "--data", dir]).status == 0)

        // A quote's words changed: found approximately, with a score, and its text follows the document.
        let kerr = dir + "/texts/kerr-bold-new-chapter.txt"
        try read(kerr).replacingOccurrences(of: "a further attack on generalism", with: "a renewed attack on generalism")
            .write(toFile: kerr, atomically: true, encoding: .utf8)
        let fuzzy = try CLI.run(["reanchor", dir])
        #expect(fuzzy.status == 0, "\(fuzzy.stderr)")
        #expect(fuzzy.stdout.contains("approximate, score 0.9") && fuzzy.stdout.contains("a renewed attack on generalism"))
        #expect(try CLI.run(["validate", "--data", dir]).status == 0)

        // A quote deleted from the text: lost, and nothing is written without --force.
        let text = try read(sen)
        let gone = "two-tier"
        let lines = text.components(separatedBy: "\n").filter { !$0.contains(gone) }
        try lines.joined(separator: "\n").write(toFile: sen, atomically: true, encoding: .utf8)
        let before = try snapshot(dir)
        let lost = try CLI.run(["reanchor", dir])
        #expect(lost.status == 1 && lost.stdout.contains("lost       ") && lost.stderr.contains("nothing was written"))
        #expect(try snapshot(dir) == before)
        let forced = try CLI.run(["reanchor", dir, "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try snapshot(dir) != before)
    }

    /// SIGKILL at random moments while coding: every change the command
    /// reported as done is in the files, and the files always load.
    @Test func killedWritesLoseNothingAcknowledged() throws {
        let (dir, doc) = try codedDataset()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var acknowledged: [String] = []
        for i in 0..<24 {
            let who = "voice-\(i)"
            let p = Process()
            p.executableURL = URL(fileURLWithPath: CLI.binary)
            p.arguments = ["code", dir, "--document", doc, "--quote", "NAIRO said the IRO role matters.", "--stakeholder", who,
                           "--new-stakeholder", "Voice \(i)", "--kind", "charity", "--description", "d", "--proposal", "iro-abolition",
                           "--stance", "supports", "--summary", "s"]
            let out = Pipe()
            p.standardOutput = out
            p.standardError = FileHandle.nullDevice
            var env = ProcessInfo.processInfo.environment
            env["XDG_CACHE_HOME"] = CLI.cacheDir
            p.environment = env
            try p.run()
            usleep(UInt32.random(in: 0...40_000))
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            let said = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            if said.contains("as a new position") { acknowledged.append("\(who).iro-abolition") }
            let v = try CLI.run(["validate", "--data", dir])
            #expect(v.status == 0, "after kill \(i): \(v.stdout) \(v.stderr)")
        }
        let positions = try read(dir + "/positions.yaml")
        for id in acknowledged { #expect(positions.contains("- id: \(id)\n"), "\(id) was reported as coded but is not in the file") }
        // A killed writer may leave a temporary file; the next write of the same files removes it.
        let last = try CLI.run(["code", dir, "--document", doc, "--quote", "NAIRO said the IRO role matters.", "--stakeholder", "voice-last",
                                "--new-stakeholder", "Last voice", "--kind", "charity", "--description", "d", "--proposal", "iro-abolition",
                                "--stance", "supports", "--summary", "s"])
        #expect(last.status == 0, "\(last.stderr)")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".tmp") || $0.contains("write-check") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }
}

@discardableResult
private func shell(_ argv: [String]) throws -> Int32 {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = argv
    try p.run()
    p.waitUntilExit()
    return p.terminationStatus
}
