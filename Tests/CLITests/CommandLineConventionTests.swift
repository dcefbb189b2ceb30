import Foundation
import Testing

/// Issue 8's command-line defects, each pinned by a test: the chapter
/// filter, widths, the stakeholder list, --version, suggestions, usage,
/// the brief's grammar and citations.
@Suite struct ChapterFilterTests {
    @Test func chapterFiltersProposals() throws {
        let all = try CLI.run(["proposals"])
        let five = try CLI.run(["proposals", "--chapter", "5"])
        #expect(five.status == 0, "\(five.stderr)")
        #expect(five.stdout.contains("Filter: chapter=5"))
        #expect(five.stdout.contains("\n5 Transforming care\n"))
        #expect(!five.stdout.contains("\n1 Reset children's social care\n"))
        #expect(five.stdout.count < all.stdout.count)
        #expect(!five.stdout.hasPrefix("37 proposals"))
    }

    /// The README's own examples filter.
    @Test func readmeExamplesFilter() throws {
        let adcs = try CLI.run(["stakeholder", "adcs", "--chapter", "5"])
        #expect(adcs.status == 0)
        #expect(adcs.stdout.contains("(filter: chapter=5)"))
        let unfiltered = try CLI.run(["stakeholder", "adcs"])
        #expect(adcs.stdout.count < unfiltered.stdout.count)
        let opposes = try CLI.run(["proposals", "--chapter", "5", "--stance", "opposes"])
        #expect(opposes.status == 0)
        #expect(opposes.stdout.contains("Filter: stance=opposes chapter=5"))
        let readme = try String(contentsOf: CLI.testsDir.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("stakeholder adcs --chapter 5"))
        #expect(!readme.contains("--theme 5"))
    }

    @Test func unknownChapterIsAUsageError() throws {
        for value in ["12", "0", "mono", "5,x"] {
            let r = try CLI.run(["proposals", "--chapter", value])
            #expect(r.status == 2, "--chapter \(value)")
            #expect(r.stderr.contains("is not a chapter; chapters are numbered 1 to 9"), "\(r.stderr)")
            #expect(r.stdout.isEmpty)
        }
    }

    /// The colour theme no longer swallows a chapter number, nor is it
    /// silently accepted by a command that prints text.
    @Test func themeIsNotAFilter() throws {
        let five = try CLI.run(["proposals", "--theme", "5"])
        #expect(five.status == 2)
        #expect(five.stderr.contains("to filter by chapter, use --chapter 5"))
        #expect(five.stdout.isEmpty)
        let mono = try CLI.run(["show", "iro", "--theme", "mono"])
        #expect(mono.status == 2)
        #expect(mono.stderr.contains("'--theme' is an option of the browser"))
        #expect(mono.stderr.contains("Usage: carereview show"))
        let bogus = try CLI.run(["--theme", "12"])
        #expect(bogus.status == 2)
        #expect(bogus.stderr.contains("'default', 'light', 'high-contrast'"))   // the browser's light theme (issue-8a)
    }

    @Test func optionValuesAreChecked() throws {
        let sort = try CLI.run(["proposals", "--sort", "loudest"])
        #expect(sort.status == 2)
        #expect(sort.stderr.contains("'chapter', 'positions' or 'divided'"))
        #expect(try CLI.run(["proposals", "--sort", "theme", "--data", CLI.fixture]).status == 0)   // the old name still works
        let stance = try CLI.run(["show", "iro", "--stance", "suports"])
        #expect(stance.status == 2)
        #expect(stance.stderr.contains("'suports' is not a stance; did you mean 'supports'?"))
    }
}

@Suite struct OutputWidthTests {
    static let longTitle = "  review-independence  The Review's independence and the appointment of its chair"

    @Test func pipesAreNeverCut() throws {
        let r = try CLI.run(["proposals"], unset: ["COLUMNS"])
        #expect(r.status == 0)
        #expect(r.stdout.contains(Self.longTitle + "\n"))
        #expect(!r.stdout.contains("…"))
        let grep = r.stdout.split(separator: "\n").filter { $0.contains("appointment of its chair") }
        #expect(grep.count == 1)
        // Prose is not wrapped either: each paragraph is one line.
        let show = try CLI.run(["show", "iro"], unset: ["COLUMNS"])
        #expect(show.stdout.contains("The final report recommended abolishing the Independent Reviewing Officer, the experienced social worker, not connected"))
    }

    @Test func columnsInAPipeWrapsWithoutCutting() throws {
        let r = try CLI.run(["proposals"], env: ["COLUMNS": "60"])
        for line in r.stdout.split(separator: "\n") { #expect(line.count <= 60, "\(line)") }
        #expect(!r.stdout.contains("…"))
        // The title continues on the next line, under the indent.
        #expect(r.stdout.replacingOccurrences(of: "\n      ", with: " ").contains("The Review's independence and the appointment of its chair"))
    }

    @Test func terminalWidthIsUsedAndColumnsOverrides() throws {
        func lines(width: Int, columns: Int? = nil) throws -> [String] {
            let t = try TmuxSession(width: width, height: 30)
            let env = columns.map { "COLUMNS=\($0) " } ?? ""
            // The marker is computed, so the typed command line cannot match it.
            try t.type("\(env)\(CLI.binary) proposals; echo end-of-$((40+2))\n")
            try t.waitFor("end-of-42\ne2e$")
            let all = try t.tmux(["capture-pane", "-p", "-J", "-S", "-", "-t", "e2e"])
            return all.split(separator: "\n").map(String.init)
        }
        let wide = try lines(width: 120)
        #expect(wide.contains(Self.longTitle), "a 120-column terminal shows the title whole")
        let narrow = try lines(width: 80)
        #expect(!narrow.contains(Self.longTitle))
        #expect(narrow.contains { $0.hasPrefix("  review-independence  The Review") && $0.hasSuffix("…") && $0.count == 80 })
        let overridden = try lines(width: 120, columns: 60)
        let cut = overridden.filter { $0.hasSuffix("…") }
        #expect(!cut.isEmpty)
        for l in cut { #expect(l.count == 60, "\(l)") }
    }
}

@Suite struct CommandLineConventionTests {
    @Test func stakeholdersKeepIdAndNameApart() throws {
        let r = try CLI.run(["stakeholders"])
        #expect(r.status == 0)
        #expect(!r.stdout.contains("2019Care"))
        let ids = try CLI.run(["export", "--format", "json"]).stdout
        let root = try #require(try JSONSerialization.jsonObject(with: Data(ids.utf8)) as? [String: Any])
        let stakeholders = try #require(root["stakeholders"] as? [[String: Any]])
        for s in stakeholders {
            let id = try #require(s["id"] as? String)
            #expect(r.stdout.contains("  \(id)  ") || r.stdout.contains("  \(id)\n"), "\(id) runs into its name")
        }
    }

    @Test func version() throws {
        let r = try CLI.run(["--version"])
        #expect(r.status == 0)
        #expect(r.stdout.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil, "\(r.stdout)")
    }

    @Test func mistypedSubcommandGetsASuggestion() throws {
        let r = try CLI.run(["shwo", "iro"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("unknown command 'shwo'; did you mean 'show'?"))
        let far = try CLI.run(["--data", CLI.fixture, "zzzzz"])
        #expect(far.status == 2)
        #expect(far.stderr.contains("unknown command 'zzzzz'; the commands are: proposals, show"))
    }

    @Test func nameErrorsShowTheSubcommandsUsage() throws {
        let r = try CLI.run(["show", "zzzzzz"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("no proposal matches 'zzzzzz'"))
        #expect(r.stderr.contains("Usage: carereview show "))
        #expect(r.stderr.contains("See 'carereview show --help'"))
        #expect(!r.stderr.contains("<subcommand>"))
        let s = try CLI.run(["compare", "adcs", "qqqqqqq"])
        #expect(s.status == 2)
        #expect(s.stderr.contains("Usage: carereview compare "))
    }

    @Test func briefReadsAsProse() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("cr-brief1-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let dir = home.appendingPathComponent("carereview")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data(#"{"version":1,"marked":["article-39.iro-abolition"],"notes":{}}"#.utf8).write(to: dir.appendingPathComponent("annotations.json"))
        let r = try CLI.run(["brief", "--marked"], env: ["XDG_DATA_HOME": home.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("1 position on 1 proposal.\n"))
        #expect(!r.stdout.contains("(s)"))
        #expect(r.stdout.contains("### Article 39: opposes\n"))
        #expect(!r.stdout.contains("— --"))
        #expect(!r.stdout.contains("““"))
    }

    @Test func citationsHaveNoDoubledMarksOrRepeatedAuthors() throws {
        let iro = try CLI.run(["show", "iro"])
        #expect(!iro.stdout.contains("““"))
        #expect(iro.stdout.contains("“‘Only the beginning’: Children’s social care sector"))
        #expect(iro.stdout.contains("May 2022, inferred"))
        let sen = try CLI.run(["stakeholder", "robin-sen"], unset: ["COLUMNS"])
        #expect(!sen.stdout.contains("services”, Robin Sen,"))
        #expect(sen.stdout.contains("services”, Professional Social Work magazine (BASW), 26 May 2022"))
    }
}

/// HOME and the XDG variables come from the environment, not from passwd
/// (tests run as a user whose passwd home is elsewhere).
@Suite(.serialized) struct UserDirectoryTests {
    @Test func browserStateAndConfigFollowHome() throws {
        let t = try TmuxSession(width: 100, height: 30)   // HOME is t.state; no XDG variables
        let config = t.state.appendingPathComponent(".config/carereview")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try "theme = no-such-theme\n".write(to: config.appendingPathComponent("config"), atomically: true, encoding: .utf8)
        try t.type("\(CLI.binary) --fresh; echo status=$?\n")
        let screen = try t.waitFor("status=2")
        #expect(screen.replacingOccurrences(of: "\n", with: "").contains("\(t.state.path)/.config/carereview/config: unknown theme 'no-such-theme'"),
                "the config file is read from $HOME")

        try FileManager.default.removeItem(at: config.appendingPathComponent("config"))
        try t.type("clear; \(CLI.binary) --fresh\n")
        try t.waitFor("Proposals (")
        try t.type(":quit")
        try t.press("Enter")
        let deadline = Date().addingTimeInterval(10)
        while try t.flags().hasPrefix("1 "), Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }   // the browser has left the screen
        try t.type("echo quit-$((40+2))\n")
        try t.waitFor("quit-42\ne2e$")
        let state = t.state.appendingPathComponent(".local/state/carereview")
        let saved = (try? FileManager.default.contentsOfDirectory(atPath: state.path)) ?? []
        #expect(!saved.isEmpty, "the session is saved under $HOME/.local/state")
    }

    @Test func tildeInDataIsHome() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("cr-home-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: CLI.fixture, toPath: home.appendingPathComponent("corpus").path)
        let r = try CLI.run(["validate", "--data=~/corpus"], env: ["HOME": home.path], unset: ["XDG_CACHE_HOME"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("ok: 2 documents"))
        let show = try CLI.run(["show", "iro", "--data=~/corpus"], env: ["HOME": home.path], unset: ["XDG_CACHE_HOME"])
        #expect(show.status == 0)
        // The load cache went under $HOME/.cache.
        #expect(FileManager.default.fileExists(atPath: home.appendingPathComponent(".cache/carereview").path))
    }
}

@Suite struct SearchOutputTests {
    /// One ADCS sentence is coded for four proposals: one entry, naming all four.
    @Test func aSharedQuoteIsOneEntry() throws {
        let r = try CLI.run(["search", "profiteering", "--limit", "10"], unset: ["COLUMNS"])
        #expect(r.status == 0)
        let snippet = "«profiteering» in the placements market – including better regulation of agency social work"
        #expect(r.stdout.components(separatedBy: snippet).count == 2, "\(r.stdout)")
        #expect(r.stdout.contains("a quote several positions share is shown once"))
        for id in ["adcs.workforce-support", "adcs.placements-market", "adcs.agency-social-work"] {
            #expect(r.stdout.contains("also Association of Directors of Children's Services on ") && r.stdout.contains("[\(id)]"), "\(id)")
        }
    }
}
