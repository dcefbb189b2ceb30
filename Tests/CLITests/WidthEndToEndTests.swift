import Foundation
import Testing

/// Emoji ZWJ sequences, flags, combining marks, skin tones and CJK in names:
/// the browser's borders and the CLI's matrix columns stay aligned, as tmux
/// itself measures them.
@Suite(.serialized) struct WidthEndToEndTests {
    static func wideDataset() throws -> URL {
        let dir = Harness.tempDir("cr-wide")
        try? FileManager.default.removeItem(at: dir)
        try FileManager.default.copyItem(atPath: CLI.fixture, toPath: dir.path)
        let url = dir.appendingPathComponent("stakeholders.yaml")
        var text = try String(contentsOf: url, encoding: .utf8)
        for (old, new) in [
            ("name: The Council", #"name: "The \U0001F468\u200D\U0001F469\u200D\U0001F467 Council \U0001F1EC\U0001F1E7""#),
            ("name: Kinship carer groups", #"name: "Kinship 中文 carers""#),
            ("name: The Charity", #"name: "The Chariteu\u0301 \U0001F44D\U0001F3FD""#),
        ] {
            #expect(text.contains(old))
            text = text.replacingOccurrences(of: old, with: new)
        }
        try text.write(to: url, atomically: true, encoding: .utf8)
        return dir
    }

    /// How many columns tmux gives `text`: printed alone in a pane, where its cursor ends.
    static func tmuxWidth(_ ruler: TmuxSession, _ text: String) throws -> Int {
        let file = ruler.state.appendingPathComponent("ruler.txt")
        try Data(text.utf8).write(to: file)
        try ruler.tmux(["respawn-pane", "-k", "-t", "e2e", "cat \(file.path); sleep 60"])
        var last = ""
        for _ in 0..<40 {
            usleep(50_000)
            last = try ruler.tmux(["capture-pane", "-p", "-t", "e2e"])
            if last.contains(text.trimmingCharacters(in: .whitespaces).prefix(1)) { break }
        }
        usleep(100_000)
        return Int(try ruler.tmux(["display", "-p", "-t", "e2e", "#{cursor_x}"]).trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    @Test func matrixColumnsLineUpUnderTmux() throws {
        let data = try wideDatasetOnce()
        let ruler = try TmuxSession(width: 200, height: 10)
        let r = try CLI.run(["matrix", "--data", data.path])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        let header = try #require(lines.first { $0.hasPrefix("      ") && $0.contains("中") })
        // Where each header abbreviation starts, in tmux's columns.
        var starts: [Int] = []
        var prefix = "", previousWasSpace = true
        for c in header {
            if c != " " && previousWasSpace { starts.append(try Self.tmuxWidth(ruler, prefix)) }
            previousWasSpace = c == " "
            prefix.append(c)
        }
        // Where each row's stance symbol stands.
        var symbols: [Int] = []
        for line in lines where line.hasSuffix("+?") || line.hasSuffix("-?") || line.hasSuffix("--") {
            symbols.append(try Self.tmuxWidth(ruler, String(line.dropLast(2))))
        }
        #expect(starts.count == 3 && Set(starts) == Set(symbols), "header columns \(starts), symbols at \(symbols):\n\(r.stdout)")
    }

    @Test func browserBordersLineUpUnderTmux() throws {
        let data = try wideDatasetOnce()
        let ruler = try TmuxSession(width: 200, height: 10)
        let t = try TmuxSession(width: 100, height: 30)
        try t.waitFor("e2e$")
        for proposal in ["care-plan", "kinship-deal", "iro-abolition"] {
            try t.type("clear; XDG_DATA_HOME=\(t.state.path) XDG_STATE_HOME=\(t.state.path) \(CLI.binary) open \(proposal) --data \(data.path); echo DONE")
            try t.press("Enter")
            let screen = try t.waitFor("? help", "│")
            var columns: Set<Int> = []
            for line in screen.split(separator: "\n") {
                guard let bar = line.firstIndex(of: "│") else { continue }
                let before = String(line[..<bar])
                if before.unicodeScalars.allSatisfy({ $0.isASCII || $0 == "…" || $0 == "·" }) {
                    columns.insert(before.count)
                } else {
                    columns.insert(try Self.tmuxWidth(ruler, before))
                }
            }
            #expect(columns.count == 1, "\(proposal): the border stands at columns \(columns.sorted()):\n\(screen)")
            try t.press("Q")
            try t.waitFor("DONE")
        }
    }

    private func wideDatasetOnce() throws -> URL { try Self.wideDataset() }
}
