import Foundation
import Testing

@Suite struct CLIGoldenTests {
    @Test(arguments: [
        ("proposals", ["proposals"]),
        ("proposals-sorted", ["proposals", "--sort", "divided"]),
        ("show-iro", ["show", "iro"]),
        ("show-filtered", ["show", "care-plan", "--stance", "supports,qualified"]),
        ("stakeholders", ["stakeholders"]),
        ("stakeholder-charity", ["stakeholder", "charity director"]),
        ("search-kinship", ["search", "kinship"]),
        ("export-markdown", ["export", "--format", "markdown"]),
        ("export-csv", ["export", "--format", "csv", "--stakeholder", "council"]),
        ("matrix", ["matrix"]),
        ("matrix-csv", ["matrix", "--format", "csv"]),
        ("compare", ["compare", "council", "the charity"]),
    ])
    func goldenOutput(name: String, args: [String]) throws {
        let r = try CLI.run(args + ["--data", CLI.fixture])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty)
        try CLI.expectGolden(r.stdout, name)
    }

    @Test func everyLineFitsEightyColumns() throws {
        for args in [["proposals"], ["show", "iro"], ["stakeholders"], ["stakeholder", "become"], ["search", "foster carers"]] {
            let r = try CLI.run(args)
            #expect(r.status == 0)
            for line in r.stdout.split(separator: "\n") {
                // A URL longer than the width cannot be broken; it stands alone on its line.
                let alone = line.trimmingCharacters(in: .whitespaces)
                if alone.hasPrefix("http"), !alone.contains(" ") { continue }
                #expect(line.count <= 80, "\(args): \(line)")
            }
        }
    }
}

@Suite struct CLIBehaviourTests {
    @Test func validateCleanAndBroken() throws {
        let ok = try CLI.run(["validate", "--data", CLI.fixture])
        #expect(ok.status == 0)
        #expect(ok.stdout == "ok: 2 documents, 3 stakeholders, 3 proposals, 3 positions, 3 quotes\n")

        let broken = FileManager.default.temporaryDirectory.appendingPathComponent("cr-cli-\(UUID().uuidString)")
        try FileManager.default.copyItem(atPath: CLI.fixture, toPath: broken.path)
        defer { try? FileManager.default.removeItem(at: broken) }
        let positions = broken.appendingPathComponent("positions.yaml")
        let text = try String(contentsOf: positions, encoding: .utf8)
        try text.replacingOccurrences(of: "stance: opposes", with: "stance: furious")
            .replacingOccurrences(of: "end: 121", with: "end: 120").write(to: positions, atomically: true, encoding: .utf8)
        let bad = try CLI.run(["validate", "--data", broken.path])
        #expect(bad.status == 1)
        let lines = bad.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("\(broken.path)/positions.yaml:4:11: 'furious' is not a valid stance"))
        #expect(lines[1].hasPrefix("\(broken.path)/positions.yaml:9:14: quote does not match document 'alpha' at 64..120"))
        #expect(bad.stderr.contains("2 problems"))

        // Any other command refuses the whole corpus with the same messages.
        let show = try CLI.run(["show", "iro", "--data", broken.path])
        #expect(show.status == 1)
        #expect(show.stdout.isEmpty)
        #expect(show.stderr.contains("positions.yaml:4:11: 'furious' is not a valid stance"))
        #expect(show.stderr.contains("nothing was loaded"))
    }

    @Test func environmentVariableSelectsData() throws {
        let r = try CLI.run(["validate"], env: ["CAREREVIEW_DATA": CLI.fixture])
        #expect(r.stdout.hasPrefix("ok: 2 documents"))
    }

    @Test func usageErrorsExitTwo() throws {
        let unknown = try CLI.run(["show", "zzzzzz", "--data", CLI.fixture])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no proposal matches 'zzzzzz'"))
        let near = try CLI.run(["stakeholder", "councel", "--data", CLI.fixture])
        #expect(near.status == 0)   // a near miss resolves
        let flag = try CLI.run(["proposals", "--bogus"])
        #expect(flag.status == 2)
        #expect(flag.stderr.contains("--bogus"))
        let stance = try CLI.run(["show", "iro", "--stance", "angry"])
        #expect(stance.status == 2)
        #expect(stance.stderr.contains("'angry' is not a stance"))
        let missing = try CLI.run(["export"])
        #expect(missing.status == 2)
    }

    @Test func ambiguousNameListsCandidates() throws {
        let r = try CLI.run(["show", "family"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("'family' matches several proposals"))
        #expect(r.stderr.contains("family-help  (A revolution in Family Help)"))
    }

    @Test func noSubcommandInAPipePrintsProposals() throws {
        let r = try CLI.run(["--data", CLI.fixture])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("3 proposals."))
        #expect(r.stdout.contains("Run carereview in a terminal to open the browser"))
    }

    @Test func embeddedIROShowsTheRecordedStakeholders() throws {
        let r = try CLI.run(["show", "iro"])
        #expect(r.status == 0)
        for name in ["Article 39", "Become", "Robin Sen", "drastic and dangerous move"] { #expect(r.stdout.contains(name)) }
        #expect(r.stdout.contains("-- OPPOSES (2)"))
    }

    @Test func jsonExportIsValid() throws {
        let r = try CLI.run(["export", "--format", "json"])
        let root = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect((root["positions"] as? [Any])?.count ?? 0 >= 45)
    }

    @Test func controlCharactersInDataNeverReachTheTerminal() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cr-esc-\(UUID().uuidString)")
        try FileManager.default.copyItem(atPath: CLI.fixture, toPath: dir.path)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("stakeholders.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "name: The Council", with: "name: \"The \\e[31mCouncil\\a\"").write(to: file, atomically: true, encoding: .utf8)
        let r = try CLI.run(["stakeholders", "--data", dir.path])
        #expect(r.status == 0)
        #expect(!r.stdout.contains("\u{1B}"))
        #expect(!r.stdout.contains("\u{07}"))
        #expect(r.stdout.contains("The ␛[31mCouncil␇"))
    }

    @Test func matrixFitsEightyColumnsByPaging() throws {
        let r = try CLI.run(["matrix"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("Page 1 of"))
        for line in r.stdout.split(separator: "\n") { #expect(line.count <= 80, "\(line)") }
        let one = try CLI.run(["matrix", "--page", "2"])
        #expect(one.stdout.contains("Page 2 of") && !one.stdout.contains("Page 1 of"))
        #expect(try CLI.run(["matrix", "--page", "99"]).status == 2)
    }

    @Test func briefOfMarkedPositions() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("cr-brief-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let dir = home.appendingPathComponent("carereview")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data(#"{"version":1,"marked":["article-39.iro-abolition"],"notes":{"article-39.iro-abolition":"Lead with this"}}"#.utf8)
            .write(to: dir.appendingPathComponent("annotations.json"))
        let r = try CLI.run(["brief", "--marked"], env: ["XDG_DATA_HOME": home.path])
        #expect(r.status == 0)
        #expect(r.stdout.contains("## Abolish the Independent Reviewing Officer role"))
        #expect(r.stdout.contains("### Article 39: opposes"))
        #expect(r.stdout.contains("**Note:** Lead with this"))
        // An unreadable database is moved aside (kept) and said so; the old JSON file is imported into the new one.
        try Data(String(repeating: "not a database", count: 100).utf8).write(to: dir.appendingPathComponent("notes.sqlite"))
        let bad = try CLI.run(["brief", "--marked"], env: ["XDG_DATA_HOME": home.path])
        #expect(bad.status == 0)
        #expect(bad.stderr.contains("could not be read") && bad.stderr.contains("notes.unreadable-"))
        #expect(bad.stdout.contains("**Note:** Lead with this"))
    }

    @Test func helpHasExamples() throws {
        for sub in ["proposals", "show", "stakeholders", "stakeholder", "search", "validate", "export", "open",
                    "matrix", "compare", "brief"] {
            let r = try CLI.run([sub, "--help"])
            #expect(r.status == 0)
            #expect(r.stdout.contains("carereview \(sub)"), "\(sub) --help has no example")
        }
    }
}
