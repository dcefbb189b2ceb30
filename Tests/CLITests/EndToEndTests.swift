import Foundation
import Testing

/// Drives the real binary in a real terminal (tmux): what a person sees.
final class TmuxSession {
    let socket = "carereview-e2e-\(UUID().uuidString.prefix(8))"
    let state = FileManager.default.temporaryDirectory.appendingPathComponent("cr-e2e-\(UUID().uuidString)")

    init(width: Int, height: Int) throws {
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        // A plain shell with a known prompt, so we can check it is usable after quitting.
        try tmux(detached: true, ["-f", "/dev/null", "new-session", "-d", "-s", "e2e", "-x", "\(width)", "-y", "\(height)",
                  "env", "-i", "PATH=/usr/bin:/bin", "HOME=\(state.path)", "TERM=tmux-256color", "LANG=C.UTF-8",
                  "PS1=e2e$ ", "bash", "--norc", "--noprofile"])
    }

    deinit { _ = try? tmux(["kill-server"]); try? FileManager.default.removeItem(at: state) }

    /// Runs a tmux command and returns what it printed. posix_spawn and
    /// waitpid rather than Foundation's Process, whose wait can miss the
    /// exit of a client that forks the tmux server. `detached`: the command
    /// starts the server, which would inherit and hold an output pipe.
    @discardableResult
    func tmux(detached: Bool = false, _ args: [String]) throws -> String {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var fds: [Int32] = [-1, -1]
        if detached {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        } else {
            guard pipe(&fds) == 0 else { throw POSIXError(.EMFILE) }
            posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
            posix_spawn_file_actions_addclose(&actions, fds[0])
            posix_spawn_file_actions_addclose(&actions, fds[1])
        }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ["tmux", "-L", socket] + args
        var cargs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { for a in cargs { free(a) } }
        // A clean signal mask and default handlers, whatever the test runner has.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, "tmux", &actions, &attributes, &cargs, environ)
        var output = Data()
        if !detached {
            close(fds[1])
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = read(fds[0], &buffer, buffer.count)
                if n > 0 { output.append(contentsOf: buffer[0..<n]) } else if n == 0 || errno != EINTR { break }
            }
            close(fds[0])
        }
        guard spawned == 0 else { throw POSIXError(.ENOENT) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return String(decoding: output, as: UTF8.self)
    }

    func type(_ text: String) throws { try tmux(["send-keys", "-t", "e2e", "-l", text]) }
    func press(_ keys: String...) throws { try tmux(["send-keys", "-t", "e2e"] + keys) }
    func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", "e2e"]) }
    func flags() throws -> String { try tmux(["display", "-p", "-t", "e2e", "#{alternate_on} #{cursor_flag} #{mouse_any_flag}"]) }

    /// Polls the screen until every text appears (or 10 s pass), then returns it.
    @discardableResult
    func waitFor(_ texts: String..., sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let deadline = Date().addingTimeInterval(10)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if texts.allSatisfy(last.contains) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Issue.record("timed out waiting for \(texts) on screen:\n\(last)", sourceLocation: sourceLocation)
        return last
    }
}

@Suite(.serialized) struct EndToEndTests {
    @Test func searchOpenReadSourceGoBackResizeQuit() throws {
        let t = try TmuxSession(width: 100, height: 30)
        try t.waitFor("e2e$")
        try t.type("XDG_STATE_HOME=\(t.state.path) \(CLI.binary) --fresh; echo EXIT=$?")
        try t.press("Enter")
        try t.waitFor("Proposals (", "? help")
        #expect(try t.flags().hasPrefix("1 "), "the browser uses the alternate screen")

        // Search, and open the first result: the IRO proposal.
        try t.press("/")
        try t.type("Independent Reviewing")
        try t.waitFor("Abolish the Independent Reviewing Officer")
        try t.press("Enter")
        var screen = try t.waitFor("Positions (3)", "Abolish the Independent Reviewing")
        for name in ["Article 39", "Become", "Robin Sen", "opposes", "concerned"] {
            #expect(screen.contains(name), "\(name) missing from the IRO positions:\n\(screen)")
        }

        // Article 39's position, its quote, then the quote in its source.
        try t.press("j")
        try t.waitFor("Article 39 · charity", "dangerous move")
        try t.press("Enter")
        try t.press("Enter")
        screen = try t.waitFor("Children’s social care sector responds", "drastic and dangerous move")
        #expect(screen.contains("Article 39") || screen.contains("IRO"))

        // Back to the positions.
        try t.press("BSpace")
        try t.waitFor("Positions (3)")

        // A smaller terminal reflows at once.
        try t.tmux(["resize-window", "-t", "e2e", "-x", "60", "-y", "20"])
        screen = try t.waitFor("Positions (3)")
        #expect(screen.split(separator: "\n").allSatisfy { $0.count <= 60 })

        // Quit (Q, from any depth): the terminal is restored and the shell still works.
        try t.press("Q")
        try t.waitFor("EXIT=0")
        #expect(try t.flags().trimmingCharacters(in: .whitespacesAndNewlines) == "0 1 0",
                "alternate screen off, cursor visible, mouse off")
        try t.type("echo shell-still-works")
        try t.press("Enter")
        try t.waitFor("\nshell-still-works")
        // Where the user was is saved for next time.
        #expect(FileManager.default.fileExists(atPath: t.state.appendingPathComponent("carereview/session.json").path))
    }

    @Test func signalsRestoreTheTerminal() throws {
        let t = try TmuxSession(width: 80, height: 24)
        try t.waitFor("e2e$")
        try t.type("\(CLI.binary) --fresh; echo EXIT=$?")
        try t.press("Enter")
        try t.waitFor("Proposals (")
        try t.press("C-c")
        try t.waitFor("EXIT=130")
        #expect(try t.flags().trimmingCharacters(in: .whitespacesAndNewlines) == "0 1 0")

        // SIGTERM to the browser running in the foreground.
        try t.type("clear; \(CLI.binary) --fresh; echo TERM-EXIT=$?")
        try t.press("Enter")
        try t.waitFor("Proposals (")
        let shell = try t.tmux(["display", "-p", "-t", "e2e", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let children = try String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
        let browser = try #require(children.split(separator: " ").first.flatMap { Int32($0) })
        kill(browser, SIGTERM)
        try t.waitFor("TERM-EXIT=143")
        #expect(try t.flags().trimmingCharacters(in: .whitespacesAndNewlines) == "0 1 0")

        // Ctrl-Z suspends to the shell; fg brings the browser back, keys still work.
        try t.type("clear; \(CLI.binary) --fresh")
        try t.press("Enter")
        try t.waitFor("Proposals (")
        try t.press("C-z")
        try t.waitFor("Stopped")
        #expect(try t.flags().hasPrefix("0 "))
        try t.type("fg")
        try t.press("Enter")
        try t.waitFor("Proposals (")
        try t.press("Down")
        let count = try CLI.run(["proposals"]).stdout.split(separator: " ").first.map(String.init) ?? "?"
        try t.waitFor("2/\(count)")
        try t.press("q")
    }

    @Test func unknownTerminalGetsAClearMessage() throws {
        let t = try TmuxSession(width: 100, height: 30)
        try t.waitFor("e2e$")
        // The list goes to the screen; the explanation (stderr) is shown after it.
        try t.type("TERM=no-such-terminal-xyz \(CLI.binary) --fresh 2>\(t.state.path)/err; echo STATUS=$?; cat \(t.state.path)/err")
        try t.press("Enter")
        let screen = try t.waitFor("STATUS=0", "printing the list instead")
        #expect(screen.contains("the terminal type 'no-such-terminal-xyz' is not known"))
        #expect(screen.contains("printing the list instead"))
        #expect(try t.flags().trimmingCharacters(in: .whitespacesAndNewlines) == "0 1 0")
    }
}

@Suite(.serialized) struct WorkshopEndToEndTests {
    /// A corrupt notes database is kept aside and reported; marking writes a new one.
    @Test func marksPersistAndCorruptNotesAreKept() throws {
        let t = try TmuxSession(width: 100, height: 30)
        let data = t.state.appendingPathComponent("data/carereview")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        let garbage = String(repeating: "{ not a database ", count: 64)
        try Data(garbage.utf8).write(to: data.appendingPathComponent("notes.sqlite"))
        try t.waitFor("e2e$")
        try t.type("XDG_DATA_HOME=\(t.state.path)/data XDG_STATE_HOME=\(t.state.path) \(CLI.binary) open iro --stakeholder article-39")
        try t.press("Enter")
        try t.waitFor("file could not be read: kept as notes.unreadable-", "Article 39")
        let kept = try FileManager.default.contentsOfDirectory(atPath: data.path).filter { $0.hasPrefix("notes.unreadable") }
        #expect(kept.count == 1)
        try t.press("m")
        try t.waitFor("Marked Article 39")
        try t.press("Q")
        try t.waitFor("e2e$ ")
        let saved = try sqliteQuery(data.appendingPathComponent("notes.sqlite").path, "SELECT position FROM mark")
        #expect(saved.contains("article-39.iro-abolition"))
        #expect(try String(contentsOf: data.appendingPathComponent(kept[0]), encoding: .utf8) == garbage)
    }

    /// Presenter mode: a slide readable in a monochrome capture.
    @Test func presenterSlideReadsWithoutColour() throws {
        let t = try TmuxSession(width: 80, height: 24)
        try t.waitFor("e2e$")
        try t.type("XDG_STATE_HOME=\(t.state.path) XDG_DATA_HOME=\(t.state.path) \(CLI.binary) open iro --present")
        try t.press("Enter")
        // Opening a proposal selects its first position, so the show starts on its slide.
        var slide = try t.waitFor("Abolish the Independent Reviewing Officer role", "Become · charity")
        #expect(slide.contains("concerned"))
        // Become's second quote is a sub-slide of its own (2/4 (2/2)), then Article 39.
        try t.press("Right")
        try t.waitFor("(2/2)")
        try t.press("Right")
        slide = try t.waitFor("Article 39 · charity", "drastic and")
        #expect(slide.contains("opposes"))
        // The capture has no colour at all: the stance still reads as glyph and word.
        #expect(slide.contains("○  opposes"))
        try t.press("Q")
    }

    // MARK: Issue 8: navigation, presenter and layout at the common sizes

    /// q closes the screen in front (at home it quits), Esc backs out of every
    /// screen, the matrix and compare too, Q quits from anywhere.
    @Test func qClosesEscBacksOutAndQQuits() throws {
        let t = try TmuxSession(width: 80, height: 24)
        try t.waitFor("e2e$")
        try t.type("XDG_STATE_HOME=\(t.state.path) XDG_DATA_HOME=\(t.state.path) \(CLI.binary) --fresh; echo EXIT=$?")
        try t.press("Enter")
        try t.waitFor("Proposals (", "? help")
        try t.press("M")
        try t.waitFor("Stance matrix")
        try t.press("Escape")
        try t.waitFor("Proposals (")
        #expect(try !t.screen().contains("Stance matrix"))
        try t.press(":")
        try t.type("compare become adcs")
        try t.press("Enter")
        try t.waitFor("Compare: Become")
        try t.press("Escape")
        try t.waitFor("Proposals (")
        try t.press("W")
        try t.waitFor("Stakeholders (", "Article 39")
        try t.press("Enter")   // the first by name
        try t.waitFor("Stakeholder › ")
        try t.press("q")
        try t.waitFor("Stakeholders (")
        try t.press("q")
        try t.waitFor("Proposals (")
        try t.press("q")
        try t.waitFor("EXIT=0")
        // Q from deep inside.
        try t.type("clear; XDG_STATE_HOME=\(t.state.path) XDG_DATA_HOME=\(t.state.path) \(CLI.binary) open iro --stakeholder become; echo EXIT2=$?")
        try t.press("Enter")
        try t.waitFor("Become · charity")
        try t.press("M")
        try t.waitFor("Stance matrix")
        try t.press("Q")
        try t.waitFor("EXIT2=0")
    }

    /// Presenter: q leaves presenter mode (never the program), Esc returns
    /// to the proposal on screen, extra quotes are sub-slides.
    @Test func presenterQLeavesAndEscReturnsToTheProposalShown() throws {
        let t = try TmuxSession(width: 120, height: 40)
        try t.waitFor("e2e$")
        try t.type("XDG_STATE_HOME=\(t.state.path) XDG_DATA_HOME=\(t.state.path) \(CLI.binary) open iro --present; echo EXIT=$?")
        try t.press("Enter")
        try t.waitFor("Abolish the Independent Reviewing Officer role", "Become · charity")
        try t.press("q")
        try t.waitFor("? help", "Positions (")
        #expect(try !t.screen().contains("EXIT="))
        try t.press("P")
        try t.waitFor("Become · charity")
        try t.press("j")   // the next proposal: its title slide
        var shown = ""
        for _ in 0..<200 {
            let first = try t.screen().split(separator: "\n").first.map(String.init) ?? ""
            if !first.contains("Abolish the Independent Reviewing"), first.contains("1/") {
                shown = String(first.trimmingCharacters(in: .whitespaces).prefix(20)); break
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(!shown.isEmpty, "the next proposal's slide")
        try t.press("Escape")
        let back = try t.waitFor("? help")
        #expect(back.contains(shown), "left presenter mode at the proposal shown (\(shown)):\n\(back)")
        try t.press("Q")
        try t.waitFor("EXIT=0")
    }

    /// At 80×24, 120×40 and 200×60: nothing wider than the terminal, the
    /// proposal's summary shown, the hint line naming the screen's actions,
    /// the mouse in SGR mode (and none with --no-mouse), :theme light.
    @Test func theMainScreensAtTheCommonSizes() throws {
        for (w, h) in [(80, 24), (120, 40), (200, 60)] {
            let t = try TmuxSession(width: w, height: h)
            try t.waitFor("e2e$")
            try t.type("XDG_STATE_HOME=\(t.state.path) XDG_DATA_HOME=\(t.state.path) \(CLI.binary) open iro --stakeholder become; echo EXIT=$?")
            try t.press("Enter")
            var screen = try t.waitFor("Become · charity", "m mark")
            #expect(screen.split(separator: "\n").allSatisfy { $0.count <= w }, "\(w)x\(h)")
            #expect(screen.contains("y copy") && screen.contains("c compare"), "\(w)x\(h) hints:\n\(screen)")
            #expect(try t.tmux(["display", "-p", "-t", "e2e", "#{mouse_sgr_flag}"]).hasPrefix("1"), "SGR mouse at \(w)x\(h)")
            try t.press("h")   // the positions list, under the proposal's title and summary
            screen = try t.waitFor("Positions (")
            #expect(screen.contains("Abolish the Independent Reviewing Officer"), "\(w)x\(h):\n\(screen)")
            try t.press(":")
            try t.type("theme light")
            try t.press("Enter")
            try t.waitFor("Theme: light")
            try t.press("Q")
            try t.waitFor("EXIT=0")
            try t.type("clear; XDG_STATE_HOME=\(t.state.path) \(CLI.binary) --no-mouse; echo EXIT2=$?")
            try t.press("Enter")
            try t.waitFor("? help")   // where the last run left off
            #expect(try t.tmux(["display", "-p", "-t", "e2e", "#{mouse_any_flag}"]).hasPrefix("0"), "--no-mouse at \(w)x\(h)")
            try t.press("Q")
            try t.waitFor("EXIT2=0")
        }
    }

    /// `:export` says what it wrote and asks before replacing a file; the
    /// pager gets the position wrapped to the terminal, in Unicode.
    @Test func exportAsksBeforeOverwritingAndThePagerTextIsWrapped() throws {
        let t = try TmuxSession(width: 80, height: 24)
        let pages = t.state.appendingPathComponent("pages")
        try FileManager.default.createDirectory(at: pages, withIntermediateDirectories: true)
        try t.waitFor("e2e$")
        try t.type("cd \(t.state.path); PAGER='cp -t \(pages.path)' XDG_STATE_HOME=\(t.state.path) XDG_DATA_HOME=\(t.state.path) \(CLI.binary) open iro --stakeholder become; echo EXIT=$?")
        try t.press("Enter")
        try t.waitFor("Become · charity")
        try t.press(":")
        try t.type("export csv out.csv")
        try t.press("Enter")
        try t.waitFor("Exported the 3 positions on")
        try t.press(":")
        try t.type("export csv out.csv")
        try t.press("Enter")
        try t.waitFor("exists. Replace it?", "(y/")
        try t.press("n")
        try t.waitFor("Not done")
        try t.press("o")
        var files: [String] = []
        for _ in 0..<100 where files.isEmpty {   // the pager (cp) runs, then the browser comes back
            Thread.sleep(forTimeInterval: 0.05)
            files = try FileManager.default.contentsOfDirectory(atPath: pages.path)
        }
        try t.waitFor("Become · charity")
        #expect(files.count == 1)
        if let f = files.first {
            let text = try String(contentsOf: pages.appendingPathComponent(f), encoding: .utf8)
            #expect(text.split(separator: "\n").allSatisfy { $0.count <= 80 }, "pager text wrapped to 80:\n\(text)")
            #expect(text.contains("— ") && text.contains("“"), "Unicode in a UTF-8 terminal:\n\(text)")
        }
        try t.press("Q")
        try t.waitFor("EXIT=0")
    }
}
