import CareReview
import CareReviewExchange
import CareReviewUI
import EmbeddedCorpus
import Foundation

// `make bench`: synthetic corpora at 100×, 300× and 1000× the embedded one;
// every figure printed beside its peer from the same run as
// `name: value unit (peer value unit, ratio×)`, then one PASS/MISS line per
// target of issue 10. Each scale's in-process figures come from a child
// process, so its peak memory is its own.

let args = CommandLine.arguments
let binaryPath: String? = args.firstIndex(of: "--binary").flatMap { $0 + 1 < args.count ? args[$0 + 1] : nil }

if args.count >= 4, args[1] == "--measure", let scale = Int(args[3]) {
    InProcess.measure(args[2], scale: scale)
    exit(0)
}
// `--generate DIR N`: just write the N-times corpus (for profiling by hand).
if args.count >= 4, args[1] == "--generate", let n = Int(args[3]) {
    try SyntheticCorpus.write(try CorpusLoader.load(EmbeddedCorpus.source), copies: n, to: URL(fileURLWithPath: args[2]))
    exit(0)
}
guard let binary = binaryPath else { print("usage: carereview-bench --binary PATH/TO/carereview"); exit(2) }

let t0 = now()
let embedded: Corpus
do { embedded = try CorpusLoader.load(EmbeddedCorpus.source) } catch { print("bench: embedded corpus invalid:\n\(error)"); exit(1) }
figure("embedded.load_validate", (now() - t0) * 1000, "ms")

let work = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("bench-out")
// The CLI's cache goes here, not into the user's ~/.cache.
setenv("XDG_CACHE_HOME", work.appendingPathComponent("xdg-cache").path, 1)
var targets: [String] = []
let grep = Peers.which("grep") ?? "/bin/grep"
let ripgrep = Peers.which("rg")
if ripgrep == nil { print("ripgrep: not installed (Debian 'ripgrep'); grep is the only search peer") }

for scale in [100, 300, 1000] {
    let dir = work.appendingPathComponent("x\(scale)")
    let tg = now()
    do { try SyntheticCorpus.write(embedded, copies: scale, to: dir) } catch { print("bench: cannot write \(dir.path): \(error)"); exit(1) }
    figure("x\(scale).generate", (now() - tg) * 1000, "ms")
    if scale != 300 {
        let child = Process()
        child.executableURL = URL(fileURLWithPath: args[0])
        child.arguments = ["--measure", dir.path, String(scale)]
        let pipe = Pipe()
        child.standardOutput = pipe
        try child.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        child.waitUntilExit()
        for line in output.split(separator: "\n") {
            if line.hasPrefix("#") { targets.append(String(line.dropFirst())) } else { print(line) }
        }
    }
    if scale >= 300 {
        targets += CLIBench.measure(binary: binary, dir: dir.path, scale: scale, grep: grep, ripgrep: ripgrep).map(\.line)
    }
    try? FileManager.default.removeItem(at: dir)
}

// The first frame on the embedded corpus, against less on a listing of about the same size.
let listing = work.appendingPathComponent("proposals.txt")
FileManager.default.createFile(atPath: listing.path, contents: Data(("Proposals (\(embedded.proposals.count))\n" + embedded.proposals.map { "\($0.id)  \($0.title)" }.joined(separator: "\n")).utf8))
if let t = FirstFrame.measure(binary: binary, listing: listing.path) { targets.append(t.line) }
try? FileManager.default.removeItem(at: work)

print("")
for t in targets { print(t) }
let missed = targets.filter { $0.contains(": MISS") }.count
print("targets: \(targets.count - missed) PASS, \(missed) MISS")
