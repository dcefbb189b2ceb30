import Foundation
import Testing

/// Every command, as a Unix tool: terminal-safe text, data kept as data in
/// pipes, failures of standard output reported with a non-zero status.
@Suite struct OutputSafetyTests {
    /// Every command that prints, with arguments that work on the fixture.
    static func commands(data: String) -> [[String]] {
        let d = ["--data", data]
        return [
            ["proposals"] + d, ["show", "care-plan"] + d, ["stakeholders"] + d, ["stakeholder", "council"] + d,
            ["search", "plan"] + d, ["validate"] + d, ["matrix"] + d, ["matrix", "--format", "csv"] + d,
            ["compare", "council", "the-charity"] + d, ["brief"] + d, ["open", "care-plan"] + d, d,
            ["export", "--format", "json"] + d, ["export", "--format", "csv"] + d, ["export", "--format", "markdown"] + d,
            ["export", "--format", "qdc", "-o", "-"] + d, ["mark", "council.care-plan"] + d, ["note", "council.care-plan", "n"] + d,
            ["--help"],
        ]
    }

    static let exports: Set<String> = ["json", "csv", "markdown", "qdc"]

    @Test func closedStdoutIsReportedForEveryCommand() throws {
        let home = Harness.tempDir("cr-closed")
        defer { try? FileManager.default.removeItem(at: home) }
        for args in Self.commands(data: CLI.fixture) {
            let r = try Harness.run(args, stdout: .closed, env: ["XDG_DATA_HOME": home.path])
            #expect(r.status == 1, "\(args): status \(r.status)")
            #expect(r.stderr.contains("cannot write to standard output: it is closed"), "\(args): \(r.stderr)")
            #expect(!r.stderr.contains("Fatal error"), "\(args) trapped")
        }
    }

    /// The reader has gone before the first write: silent, status 141 (as if by SIGPIPE), never a trap.
    @Test func brokenPipeEndsQuietlyForEveryCommand() throws {
        let home = Harness.tempDir("cr-epipe")
        defer { try? FileManager.default.removeItem(at: home) }
        for args in Self.commands(data: CLI.fixture) {
            let r = try Harness.run(args, stdout: .brokenPipe, env: ["XDG_DATA_HOME": home.path])
            #expect(r.status == 141, "\(args): status \(r.status) \(r.stderr)")
            #expect(r.stderr.isEmpty, "\(args): \(r.stderr)")
        }
    }

    @Test func fullDiskAndFileSizeLimitAreReported() throws {
        let full = try Harness.shell("$CR export --format csv > /dev/full; echo STATUS=$?")
        #expect(full.output.contains("No space left on device") && full.output.contains("STATUS=1"))
        // SIGXFSZ is ignored: the write fails with EFBIG and is reported, never "saved".
        let home = Harness.tempDir("cr-fsize")
        defer { try? FileManager.default.removeItem(at: home) }
        let env = ["XDG_DATA_HOME": home.path]
        #expect(try Harness.shell("$CR mark article-39.iro-abolition", env: env).status == 0)
        let limited = try Harness.shell("ulimit -f 1; $CR note article-39.iro-abolition \"$(head -c 3000 /dev/zero | tr '\\0' x)\"; echo STATUS=$?", env: env)
        #expect(limited.output.contains("not saved") && limited.output.contains("STATUS=1"), "\(limited.output)")
        #expect(!limited.output.contains("note saved"))
        let export = try Harness.shell("ulimit -f 1; $CR export --format json -o \(home.path)/big.json; echo STATUS=$?")
        #expect(export.output.contains("File too large") && export.output.contains("STATUS=1"), "\(export.output)")
    }

    /// Escape sequences, C1 controls and bidi overrides in the data: checked byte by byte with od.
    @Test func escapeLadenDataNeverReachesTheTerminal() throws {
        let data = try Harness.escapeLadenDataset()
        let home = Harness.tempDir("cr-esc-home")
        defer { try? FileManager.default.removeItem(at: data); try? FileManager.default.removeItem(at: home) }
        let env = ["XDG_DATA_HOME": home.path]
        #expect(try Harness.shell("$CR mark council.care-plan the-charity.iro-abolition --data \(data.path)", env: env).status == 0)
        // (XML cannot hold ESC: the codebook export refuses such data, with a message.)
        for args in Self.commands(data: data.path) where !["mark", "note"].contains(args.first!) && !args.contains("qdc") {
            let isExport = args.first == "export" || args.first == "brief" || args.contains("csv")
            // Into a pipe: reports are sanitised; exports keep the data's bytes (JSON escapes controls).
            let piped = try Harness.run(args, stdout: .captured, env: env)
            #expect(piped.status == 0, "\(args): \(piped.stderr)")
            let bytes = try Harness.od(piped.stdout)
            if isExport && !args.contains("json") {
                #expect(bytes.contains(" 1b "), "\(args) into a pipe should keep the data as data")
            } else if !isExport {
                for seq in Harness.dangerous { #expect(!bytes.contains(seq), "\(args) sent \(seq) into a pipe") }
            }
            // Onto a terminal (script gives it a pty): everything is sanitised.
            // (On a terminal, `open` and no subcommand start the browser instead.)
            if args.first == "open" || args.first == "--data" { continue }
            let line = ([CLI.binary] + args).map { "'\($0)'" }.joined(separator: " ")
            let tty = try Harness.shell("timeout 20 script -qec \"\(line)\" /dev/null > \(home.path)/tty.out; echo STATUS=$?", env: env)
            #expect(tty.output.contains("STATUS=0"), "\(args): \(tty.output)")
            let onTerminal = try Harness.od(Data(contentsOf: home.appendingPathComponent("tty.out")))
            for seq in Harness.dangerous { #expect(!onTerminal.contains(seq), "\(args) sent \(seq) to a terminal") }
        }
        // validate's messages quote the data: a bad stance carrying an escape sequence.
        let positions = data.appendingPathComponent("positions.yaml")
        let yaml = try String(contentsOf: positions, encoding: .utf8)
        try yaml.replacingOccurrences(of: "stance: opposes", with: #"stance: "furious\e]0;TITLE\a\e[2J\u202E""#)
            .write(to: positions, atomically: true, encoding: .utf8)
        for args in [["validate", "--data", data.path], ["proposals", "--data", data.path]] {
            let r = try Harness.run(args, stdout: .captured, env: env)
            #expect(r.status == 1)
            let both = try Harness.od(r.stdout + Data(r.stderr.utf8))
            #expect(both.contains(" e2 90 9b "), "the escape should be shown as ␛: \(r.stderr)")
            for seq in Harness.dangerous { #expect(!both.contains(seq), "\(args) sent \(seq)") }
        }
    }

    @Test func outputFileWritesThroughLinksFIFOsAndStdout() throws {
        let dir = Harness.tempDir("cr-o")
        defer { try? FileManager.default.removeItem(at: dir) }
        // A link to /proc/self/fd/1 is the command's own stdout.
        let viaLink = try Harness.shell("ln -s /proc/self/fd/1 \(dir.path)/out; $CR export --format csv -o \(dir.path)/out | wc -c")
        let direct = try Harness.shell("$CR export --format csv | wc -c")
        #expect(viaLink.output == direct.output && Int(direct.output.trimmingCharacters(in: .whitespacesAndNewlines))! > 1000)
        #expect(try Harness.shell("$CR export --format csv -o - | wc -c").output == direct.output)
        #expect(try Harness.shell("$CR export --format csv -o /dev/stdout | wc -c").output == direct.output)
        // A FIFO is written into, not replaced.
        let fifo = try Harness.shell("mkfifo \(dir.path)/fifo; (cat \(dir.path)/fifo | wc -c > \(dir.path)/count) & $CR export --format csv -o \(dir.path)/fifo; wait; cat \(dir.path)/count; test -p \(dir.path)/fifo && echo STILL-FIFO")
        #expect(fifo.output.contains(direct.output.trimmingCharacters(in: .whitespacesAndNewlines)) && fifo.output.contains("STILL-FIFO"))
        // A symlink to a regular file: the target is replaced, the link stays.
        let link = try Harness.shell("echo old > \(dir.path)/real.md; ln -s real.md \(dir.path)/brief.md; $CR export --format markdown -o \(dir.path)/brief.md && test -L \(dir.path)/brief.md && head -c 2 \(dir.path)/real.md")
        #expect(link.output == "# ")
    }
}

@Suite struct OutOfMemoryTests {
    /// Under an address-space limit where the YAML parser's allocations fail, the
    /// message says out of memory, never a data error. (The limit is found by
    /// search: too low and the binary cannot even load its libraries.)
    @Test func lowMemoryIsReportedAsSuch() throws {
        var sawOOM = false
        for kb in stride(from: 90_000, through: 130_000, by: 2_500) {
            let r = try Harness.shell("ulimit -v \(kb); $CR export --format json >/dev/null; echo STATUS=$?")
            #expect(!r.output.contains("Memory error"), "at \(kb) KiB: \(r.output.prefix(300))")
            if r.output.contains("out of memory") { sawOOM = true; #expect(r.output.contains("STATUS=1")) }
        }
        print("out of memory reported: \(sawOOM)")
    }
}
