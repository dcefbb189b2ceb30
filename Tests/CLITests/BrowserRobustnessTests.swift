import Foundation
import Testing

/// The browser under tmux: every signal, idle sleep, kills and concurrent writers.
@Suite(.serialized) struct BrowserRobustnessTests {
    /// Starts the browser in the session's shell, its pid written to a file; returns the pid.
    static func start(_ t: TmuxSession, _ args: String, data: String, tag: String) throws -> pid_t {
        let pidFile = t.state.appendingPathComponent("pid-\(tag)").path
        try? FileManager.default.removeItem(atPath: pidFile)
        try t.type("clear; XDG_DATA_HOME=\(data) XDG_STATE_HOME=\(t.state.path) sh -c 'echo $$ > \(pidFile); exec \(CLI.binary) \(args)'; echo EXIT-\(tag)=$?")
        try t.press("Enter")
        try t.waitFor("? help")
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline {
            if let text = try? String(contentsOfFile: pidFile, encoding: .utf8), let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                return pid
            }
            usleep(20_000)
        }
        Issue.record("no pid for \(tag)")
        return 0
    }

    static func flags(_ t: TmuxSession) throws -> String { try t.flags().trimmingCharacters(in: .whitespacesAndNewlines) }

    @Test func everySignalThatEndsTheProcessRestoresTheTerminal() throws {
        let t = try TmuxSession(width: 100, height: 30)
        try t.waitFor("e2e$")
        try t.type("ulimit -c 0"); try t.press("Enter")
        let data = t.state.appendingPathComponent("data").path
        let ending: [(String, Int32)] = [
            ("HUP", SIGHUP), ("INT", SIGINT), ("TERM", SIGTERM), ("QUIT", SIGQUIT), ("USR1", SIGUSR1), ("USR2", SIGUSR2),
            ("ALRM", SIGALRM), ("XCPU", SIGXCPU), ("VTALRM", SIGVTALRM), ("PROF", SIGPROF),
            ("SEGV", SIGSEGV), ("BUS", SIGBUS), ("FPE", SIGFPE), ("ILL", SIGILL), ("TRAP", SIGTRAP), ("ABRT", SIGABRT), ("SYS", SIGSYS),
        ]
        for (name, number) in ending {
            let pid = try Self.start(t, "--fresh", data: data, tag: name)
            #expect(try Self.flags(t) == "1 1 1", "\(name): the browser should be in the alternate screen with the mouse on")
            kill(pid, number)
            try t.waitFor("EXIT-\(name)=\(128 + number)")
            let after = try Self.flags(t)
            #expect(after == "0 1 0", "SIG\(name) left the terminal as \(after)")
        }
        // Ignored: the browser carries on, then quits normally.
        for (name, number) in [("PIPE", SIGPIPE), ("XFSZ", SIGXFSZ)] {
            let pid = try Self.start(t, "--fresh", data: data, tag: name)
            kill(pid, number)
            usleep(300_000)
            #expect(kill(pid, 0) == 0, "SIG\(name) ended the browser")
            #expect(try Self.flags(t) == "1 1 1")
            try t.press("Q")
            try t.waitFor("EXIT-\(name)=0")
            #expect(try Self.flags(t) == "0 1 0")
        }
    }

    /// An idle browser makes no system calls at all: counted by strace over 10 s,
    /// on the embedded corpus and on a writable --data dataset (coding on,
    /// which watches the directory with inotify instead of polling it).
    @Test(arguments: [false, true])
    func idleBrowserSleeps(coding: Bool) throws {
        let t = try TmuxSession(width: 100, height: 30)
        try t.waitFor("e2e$")
        var args = "--fresh"
        if coding {
            let dir = t.state.appendingPathComponent("dataset").path
            #expect(try CLI.run(["init", dir]).status == 0)
            args += " --data \(dir)"
        }
        let pid = try Self.start(t, args, data: t.state.appendingPathComponent("data").path, tag: "idle")
        usleep(1_500_000)   // first frame painted, search index built
        let report = t.state.appendingPathComponent("strace.txt").path
        let tracer = try Harness.startTool("/usr/bin/strace", ["-c", "-f", "-p", "\(pid)", "-o", report])
        usleep(10_000_000)
        kill(tracer, SIGINT)
        _ = Harness.wait(tracer)
        let r = (status: Int32(0), output: (try? String(contentsOfFile: report, encoding: .utf8)) ?? "")
        let total = r.output.split(separator: "\n").first { $0.hasSuffix("total") }
        let calls = total.map { Int($0.split(separator: " ", omittingEmptySubsequences: true)[3]) ?? -1 } ?? 0
        #expect(FileManager.default.fileExists(atPath: report), "strace did not run")
        #expect(calls <= 2, "an idle browser made \(calls) system calls in 10 s:\n\(r.output)")
        print("idle browser: \(calls) system calls in 10 s")
        try t.press("Q")
        try t.waitFor("EXIT-idle=0")
    }

    /// SIGKILL at random moments: no change the CLI or the browser acknowledged is lost.
    /// CAREREVIEW_KILL_OPS sets the number of CLI operations (`make soak`: 240).
    @Test func sigkillNeverLosesAnAcknowledgedChange() throws {
        let ops = Int(ProcessInfo.processInfo.environment["CAREREVIEW_KILL_OPS"] ?? "") ?? 30
        let home = Harness.tempDir("cr-kill")
        defer { try? FileManager.default.removeItem(at: home) }
        let env = ["XDG_DATA_HOME": home.path]
        let ids = ["become.iro-abolition", "article-39.iro-abolition", "robin-sen.iro-abolition"]
        var lastAcknowledged: [String: Int] = [:], attempted: [String: [Int]] = [:]
        var acknowledgedMarks: Set<String> = [], acknowledged = 0
        for i in 0..<ops {
            let position = ids[i % ids.count]
            let isMark = i % 4 == 0
            let args = isMark ? ["mark", position] : ["note", position, "v\(i)"]
            let (pid, out) = try Harness.start(args, env: env)
            usleep(UInt32.random(in: 0...250_000))   // from before the store opens to after the commit
            kill(pid, SIGKILL)
            let said = String(decoding: Harness.drain(out), as: UTF8.self)
            _ = Harness.wait(pid)
            if isMark {
                if said.contains("marked ") { acknowledgedMarks.insert(position); acknowledged += 1 }
            } else {
                attempted[position, default: []].append(i)
                if said.contains("note saved") { lastAcknowledged[position] = i; acknowledged += 1 }
            }
        }
        let db = home.appendingPathComponent("carereview/notes.sqlite").path
        #expect(try sqliteQuery(db, "PRAGMA integrity_check") == "ok\n")
        let notes = try sqliteQuery(db, "SELECT position || '=' || text FROM note").split(separator: "\n")
        let stored = Dictionary(uniqueKeysWithValues: notes.map { line -> (String, String) in
            let parts = line.split(separator: "=", maxSplits: 1); return (String(parts[0]), String(parts[1]))
        })
        for (position, k) in lastAcknowledged {
            // The stored note is the last acknowledged one, or a later attempt killed after its commit.
            let allowed = Set(attempted[position]!.filter { $0 >= k }.map { "v\($0)" })
            #expect(stored[position].map(allowed.contains) == true, "\(position): acknowledged v\(k), stored \(stored[position] ?? "nothing")")
        }
        let marks = Set(try sqliteQuery(db, "SELECT position FROM mark").split(separator: "\n").map(String.init))
        #expect(acknowledgedMarks.isSubset(of: marks), "acknowledged marks lost: \(acknowledgedMarks.subtracting(marks))")
        print("kill loop: \(ops) operations, \(acknowledged) acknowledged, none lost")
        #expect(acknowledged > 0, "the kill delays never let an operation finish: the test proves nothing")

        // The browser: "Marked …" on screen, then SIGKILL at once.
        let t = try TmuxSession(width: 100, height: 30)
        try t.waitFor("e2e$")
        var marked = try sqliteQuery(db, "SELECT count(*) FROM mark WHERE position = 'article-39.iro-abolition'") == "1\n"
        for round in 0..<max(3, ops / 40) {
            let pid = try Self.start(t, "open iro --stakeholder article-39", data: home.path, tag: "k\(round)")
            try t.waitFor("Article 39")
            try t.press("m")
            try t.waitFor(marked ? "Unmarked Article 39" : "Marked Article 39")
            kill(pid, SIGKILL)
            marked.toggle()
            try t.waitFor("EXIT-k\(round)=137")
            let now = try sqliteQuery(db, "SELECT count(*) FROM mark WHERE position = 'article-39.iro-abolition'")
            #expect(now == (marked ? "1\n" : "0\n"), "round \(round): the browser said it was saved")
        }
    }

    /// Two browsers and a CLI writing to the same store at once: nothing lost.
    @Test func twoBrowsersAndACLIKeepEachOthersChanges() throws {
        let a = try TmuxSession(width: 100, height: 30), b = try TmuxSession(width: 100, height: 30)
        let data = a.state.appendingPathComponent("data").path
        try a.waitFor("e2e$"); try b.waitFor("e2e$")
        _ = try Self.start(a, "open iro --stakeholder article-39", data: data, tag: "A")
        _ = try Self.start(b, "open iro --stakeholder become", data: data, tag: "B")
        try a.waitFor("Article 39"); try b.waitFor("Become")
        // A CLI run writing all the while.
        let env = ["XDG_DATA_HOME": data]
        let cli = try Harness.shell("for i in 1 2 3 4 5 6; do $CR note robin-sen.iro-abolition \"cli $i\" >/dev/null & sleep 0.05; done; wait", env: env)
        try a.press("m"); try b.press("m")
        try a.waitFor("Marked Article 39"); try b.waitFor("Marked Become")
        try a.press("a"); try a.type("from A"); try a.press("Enter")
        try b.press("a"); try b.type("from B"); try b.press("Enter")
        try a.waitFor("Note saved"); try b.waitFor("Note saved")
        #expect(cli.status == 0)
        // A's brief includes B's mark: it reads the store, not only its own memory.
        let brief = a.state.appendingPathComponent("brief.md").path
        try a.press(":"); try a.type("export brief \(brief)"); try a.press("Enter")
        try a.waitFor("Exported")
        let text = try String(contentsOfFile: brief, encoding: .utf8)
        #expect(text.contains("Article 39") && text.contains("Become") && text.contains("from B"))
        try a.press("Q"); try b.press("Q")
        try a.waitFor("EXIT-A=0"); try b.waitFor("EXIT-B=0")
        let db = data + "/carereview/notes.sqlite"
        #expect(try sqliteQuery(db, "SELECT position FROM mark ORDER BY position") == "article-39.iro-abolition\nbecome.iro-abolition\n")
        let notes = try sqliteQuery(db, "SELECT position || '=' || text FROM note ORDER BY position")
        #expect(notes.hasPrefix("article-39.iro-abolition=from A\nbecome.iro-abolition=from B\nrobin-sen.iro-abolition=cli "), "\(notes)")
    }

    /// A notes file that can be neither read nor moved aside: read-only, said on screen, in full on exit, nothing written.
    @Test func unusableNotesFileMeansReadOnlyAndSaysSo() throws {
        let t = try TmuxSession(width: 140, height: 30)
        let data = t.state.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data.appendingPathComponent("carereview"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: data.appendingPathComponent("carereview/notes.sqlite").path, withDestinationPath: "/proc/version")
        try t.waitFor("e2e$")
        _ = try Self.start(t, "open iro --stakeholder article-39", data: data.path, tag: "ro")
        try t.waitFor("Marks and notes are READ-ONLY")
        try t.press("m")
        try t.waitFor("Could not save your marks and notes: marks and notes are read-only this session")
        try t.press("Q")
        try t.waitFor("EXIT-ro=0", "Nothing will be written", "could not be moved aside")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: data.appendingPathComponent("carereview/notes.sqlite").path) == "/proc/version")
    }
}
