import Foundation
import Testing

/// Coding in the browser, end to end in a real terminal (tmux): a new
/// dataset, a new document, a passage coded into a new position for a new
/// stakeholder on a new proposal, seen on the proposal's screen, found in
/// the JSON export, and undone byte for byte.
@Suite(.serialized) struct CodingEndToEndTests {
    static func files(_ dir: String) -> [String: Data] {
        var out: [String: Data] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: dir) ?? FileManager.DirectoryEnumerator() {
            var isDir: ObjCBool = false
            let full = dir + "/" + path
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue { out[path] = FileManager.default.contents(atPath: full) }
        }
        return out
    }

    @Test func initAddCodeSeeExportUndo() throws {
        let t = try TmuxSession(width: 120, height: 40)
        let dir = t.state.appendingPathComponent("dataset").path
        let article = t.state.appendingPathComponent("stable-homes.md").path
        try """
        # Stable Homes, Built on Love

        The government sets out its plans for children's social care. We will not abolish the \
        Independent Reviewing Officer role. Instead we will strengthen it.
        """.write(toFile: article, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["init", "--empty", dir]).status == 0)
        let added = try CLI.run(["add", dir, article, "--title", "Stable Homes, Built on Love", "--publisher", "Department for Education",
                                 "--date", "2023-02-02", "--stage", "government-response"])
        #expect(added.status == 0, "\(added.stderr)")
        let before = Self.files(dir)

        try t.waitFor("e2e$")
        // An "editor" that writes a two-line summary into the file it is given.
        let editor = "f(){ sleep 1.5; printf 'A longer summary\\nfrom the editor.\\n' > \"$1\"; }; f"
        try t.type("EDITOR='\(editor.replacingOccurrences(of: "'", with: "'\\''"))' XDG_STATE_HOME=\(t.state.path) XDG_DATA_HOME=\(t.state.path)/data XDG_CACHE_HOME=\(t.state.path)/cache \(CLI.binary) --data \(dir) --fresh; echo EXIT=$?")
        try t.press("Enter")
        try t.waitFor("? help")
        // The new article, through search, in the source reader.
        try t.press("/")
        try t.type("strengthen")
        try t.waitFor("Stable Homes")
        try t.press("Enter")
        try t.waitFor("Source", "We will not abolish")

        // Select the sentence: find its start, then extend to its end.
        try t.press("v")
        try t.press("/")
        try t.type("We will not")
        try t.press("Enter")
        try t.press(")")
        try t.waitFor("c code")

        // Code it: a new stakeholder, a new proposal, a stance, a summary.
        try t.press("c")
        try t.waitFor("Who says it?")
        try t.type("NAIRO")
        try t.waitFor("new stakeholder “NAIRO”")
        try t.press("Enter")
        try t.waitFor("New stakeholder’s name: NAIRO")
        try t.press("Enter")
        try t.waitFor("Kind of the new stakeholder")
        try t.type("professional")
        try t.press("Enter")
        try t.waitFor("Who they are")
        try t.type("The national association of independent reviewing officers.")
        try t.press("Enter")
        try t.waitFor("On what? Proposal")
        try t.type("Keep the IRO role")
        try t.press("Enter")
        try t.waitFor("New proposal’s title: Keep the IRO role")
        try t.press("Enter")
        try t.waitFor("Chapter of the new proposal")
        try t.type("care experience")
        try t.press("Enter")
        try t.waitFor("What it proposes")
        try t.type("Keep independent reviewing officers.")
        try t.press("Enter")
        try t.waitFor("Stance", "opposes")
        try t.press("1")
        try t.waitFor("Summary in your words")
        try t.type("Keeps and strengthens the IRO role.")
        try t.press("Enter")
        try t.waitFor("Saved: new position of NAIRO on Keep the IRO role")

        // Its position, on the proposal's screen.
        try t.press("Enter")
        let screen = try t.waitFor("Keep the IRO role", "NAIRO", "Keeps and strengthens the IRO role.")
        #expect(screen.contains("supports"))

        // In the export, from another program.
        let export = try CLI.run(["export", "--format", "json", "--data", dir])
        #expect(export.status == 0)
        #expect(export.stdout.contains("\"nairo.keep-the-iro-role\""))
        #expect(export.stdout.contains("We will not abolish the Independent Reviewing Officer role."))
        #expect(export.stdout.contains("Keeps and strengthens the IRO role."))

        // Edit it: keep the stance, write the summary in $EDITOR.
        try t.press("e")
        try t.waitFor("Enter keeps")
        try t.press("Enter")
        try t.waitFor("Summary in your words")
        try t.press("C-e")
        Thread.sleep(forTimeInterval: 0.7)
        #expect(try t.flags().split(separator: " ").last?.hasPrefix("0") == true, "no mouse reports while the editor runs")
        try t.waitFor("A longer summary from the editor.")
        #expect(try t.flags().split(separator: " ").last?.hasPrefix("1") == true, "mouse reports back after it")
        try t.press("Enter")
        try t.waitFor("Saved: NAIRO’s position on Keep the IRO role now supports")
        #expect(try String(contentsOfFile: dir + "/positions.yaml", encoding: .utf8).contains("A longer summary from the editor."))

        // Undo twice: the files are as they were, byte for byte.
        try t.press("u")
        try t.waitFor("Undone: NAIRO’s position")
        try t.press("u")
        try t.waitFor("Undone: new position of NAIRO")
        #expect(Self.files(dir) == before)

        // Another program codes in the same dataset: the browser reloads it and says so.
        let other = try CLI.run(["code", dir, "--document", "stable-homes-built-on-love", "--quote", "Instead we will strengthen it.",
                                 "--stakeholder", "dfe", "--new-stakeholder", "Department for Education", "--kind", "government",
                                 "--description", "The government department.", "--proposal", "iro-role", "--new-proposal", "The IRO role",
                                 "--proposal-summary", "Keep IROs.", "--chapter", "6", "--stage", "government-response",
                                 "--stance", "supports", "--summary", "Strengthens IROs."])
        #expect(other.status == 0, "\(other.stderr)")
        try t.waitFor("changed on disk (another program): reloaded")
        try t.press("Q")
        try t.waitFor("EXIT=0")
    }

    /// `init` writes the embedded corpus out; a passage selected with the
    /// mouse joins Article 39's position on the IRO proposal from the same article.
    @Test func initThenDragToSelectAndJoinAPosition() throws {
        let t = try TmuxSession(width: 120, height: 40)
        let dir = t.state.appendingPathComponent("corpus").path
        #expect(try CLI.run(["init", dir]).status == 0)
        try t.waitFor("e2e$")
        try t.type("XDG_STATE_HOME=\(t.state.path) XDG_DATA_HOME=\(t.state.path)/data XDG_CACHE_HOME=\(t.state.path)/cache \(CLI.binary) open iro --stakeholder article-39 --data \(dir); echo EXIT=$?")
        try t.press("Enter")
        try t.waitFor("Article 39")
        try t.press("Enter")
        let screen = try t.waitFor("Source", "drastic and dangerous move")
        // A line of the article a few rows below the coded quote: drag over its first words.
        let rows = screen.components(separatedBy: "\n")
        let quoteRow = try #require(rows.firstIndex { $0.contains("drastic and dangerous move") })
        let row = try #require((quoteRow + 2..<rows.count - 3).first { rows[$0].trimmingCharacters(in: .whitespaces).count > 40 })
        let line = Array(rows[row])
        let from = try #require(line.firstIndex { $0 != " " })
        let to = from + 30
        let words = String(line[from..<to]).trimmingCharacters(in: .whitespaces)
        try t.type("\u{1B}[<0;\(from + 1);\(row + 1)M")
        try t.type("\u{1B}[<32;\(from + 10);\(row + 1)M")
        try t.type("\u{1B}[<0;\(to + 1);\(row + 1)m")
        try t.waitFor("Selected: c codes it")
        try t.press("c")
        try t.waitFor("Who says it?")
        try t.type("article 39")
        try t.press("Enter")
        try t.waitFor("On what? Proposal")
        try t.type("independent reviewing officer")
        try t.waitFor("joins their position")
        try t.press("Enter")
        try t.waitFor("Saved: quote added to Article 39’s position")
        let positions = try String(contentsOfFile: dir + "/positions.yaml", encoding: .utf8)
        #expect(positions.contains("text: \"\(words)\""), "the dragged words \(words) are a quote now")
        try t.press("Q")
        try t.waitFor("EXIT=0")
    }

    @Test func theEmbeddedCorpusSaysItIsReadOnly() throws {
        let t = try TmuxSession(width: 100, height: 30)
        try t.waitFor("e2e$")
        try t.type("XDG_STATE_HOME=\(t.state.path) \(CLI.binary) open iro --stakeholder article-39; echo EXIT=$?")
        try t.press("Enter")
        try t.waitFor("Article 39")
        try t.press("e")
        try t.waitFor("read-only")
        try t.press("Q")
        try t.waitFor("EXIT=0")
    }
}
