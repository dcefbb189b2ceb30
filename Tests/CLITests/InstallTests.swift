import Foundation
import Testing

/// `make install`'s files: the man pages generate-manual writes from the
/// command definitions, and shell completions that complete names.
@Suite struct InstallTests {
    static let repo = CLI.testsDir.deletingLastPathComponent().deletingLastPathComponent()
    static let generateManual = URL(fileURLWithPath: CLI.binary).deletingLastPathComponent().appendingPathComponent("generate-manual").path

    static func shell(_ command: String, env: [String: String] = [:]) throws -> (status: Int32, out: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = ["-c", command]
        p.currentDirectoryURL = repo
        var environment = ProcessInfo.processInfo.environment
        for (k, v) in env { environment[k] = v }
        p.environment = environment
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func installWritesBinaryManAndCompletions() throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.generateManual), "generate-manual is missing: 'make test' builds it (swift build --product generate-manual)")
        let prefix = FileManager.default.temporaryDirectory.appendingPathComponent("cr-install-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: prefix) }
        let make = try Self.shell("make -s install-files PREFIX='\(prefix.path)' INSTALL_BIN='\(CLI.binary)' GENERATE_MANUAL='\(Self.generateManual)'")
        #expect(make.status == 0, "\(make.out)")
        let fm = FileManager.default
        #expect(fm.isExecutableFile(atPath: prefix.appendingPathComponent("bin/carereview").path))

        let man = try String(contentsOf: prefix.appendingPathComponent("share/man/man1/carereview.1"), encoding: .utf8)
        #expect(man.contains(".Dt CAREREVIEW 1"))
        #expect(man.contains("Fl -version"))
        let proposalsMan = try String(contentsOf: prefix.appendingPathComponent("share/man/man1/carereview.proposals.1"), encoding: .utf8)
        #expect(proposalsMan.contains("Fl -chapter"))
        #expect(proposalsMan.contains("carereview proposals --chapter 5 --stance opposes"))

        for file in ["share/bash-completion/completions/carereview", "share/zsh/site-functions/_carereview",
                     "share/fish/vendor_completions.d/carereview.fish"] {
            let script = try String(contentsOf: prefix.appendingPathComponent(file), encoding: .utf8)
            #expect(script.contains("---completion"), "\(file) does not ask carereview for names")
        }

        // bash, as a user pressing Tab after `carereview show fam`.
        let bash = try Self.shell("""
            source '\(prefix.path)/share/bash-completion/completions/carereview'
            COMP_WORDS=(carereview show fam); COMP_CWORD=2; COMP_LINE='carereview show fam'; COMP_POINT=${#COMP_LINE}
            _carereview carereview fam show; printf '%s\\n' "${COMPREPLY[@]}"
            """, env: ["PATH": prefix.appendingPathComponent("bin").path + ":/usr/bin:/bin"])
        let words = bash.out.split(separator: "\n").map(String.init)
        #expect(words.contains("family-help"), "\(bash.out)")
        #expect(words.allSatisfy { $0.hasPrefix("fam") }, "\(bash.out)")
    }

    @Test func completionCandidatesForNames() throws {
        let proposal = try CLI.run(["---completion", "show", "--", "positional@0", "0", "3", "iro"])
        #expect(proposal.stdout.split(separator: "\n").contains("iro-abolition"))
        let stakeholder = try CLI.run(["---completion", "compare", "--", "positional@1", "1", "2", "ad"])
        #expect(stakeholder.stdout.split(separator: "\n").contains("adcs"))
        let option = try CLI.run(["---completion", "open", "--", "--stakeholder", "0", "3", "bec"])
        let options = option.stdout.split(separator: "\n")
        #expect(options.contains("become"))
        #expect(options.allSatisfy { $0.lowercased().hasPrefix("bec") })
        // With --data on the line, names come from that dataset.
        let fixture = try CLI.run(["---completion", "show", "--", "positional@0", "3", "0", "--data", CLI.fixture, ""])
        #expect(Set(fixture.stdout.split(separator: "\n").map(String.init)) == ["care-plan", "kinship-deal", "iro-abolition"])
    }
}
