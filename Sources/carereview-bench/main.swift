import CareReview
import EmbeddedCorpus
import Foundation

// `make bench`: builds synthetic corpora at 1x, 100x and 1000x the embedded
// one and prints one `name: value unit` line per figure. Each scale is
// measured in a child process so its peak memory is its own. The baseline
// for search is `grep -c -i -F` over the same text, timed in the same run.

let queries = ["independent reviewing officer", "kinship", "regional care cooperatives", "foster carers",
               "poverty", "early career framework", "drastic and dangerous", "family help"]

/// Child mode: load, validate, index and search one dataset directory.
func measure(_ dir: String, label: String) {
    let t0 = now()
    let corpus: Corpus
    do { corpus = try CorpusLoader.load(.directory(dir)) } catch {
        print("bench: \(label) failed to load:\n\(error)"); exit(1)
    }
    figure("\(label).load_validate", (now() - t0) * 1000, "ms")
    let t1 = now()
    let index = SearchIndex(corpus: corpus)
    figure("\(label).index_build", (now() - t1) * 1000, "ms")
    var times: [Double] = []
    for _ in 0..<15 {
        for query in queries {
            let t = now()
            _ = index.search(query, limit: 50)
            times.append((now() - t) * 1000)
        }
    }
    figure("\(label).search_median", percentile(times, 0.5), "ms")
    figure("\(label).search_p95", percentile(times, 0.95), "ms")
    figure("\(label).peak_memory", peakMemoryMB(), "MB")
    figure("\(label).positions", Double(corpus.positions.count), "count")
    // The validated cache: the first load writes it, the second is a warm start.
    let cache = CorpusCache(directory: URL(fileURLWithPath: dir).appendingPathComponent(".cache"))
    _ = try? CorpusLoader.load(.directory(dir), cache: cache)
    let tw = now()
    _ = try? CorpusLoader.load(.directory(dir), cache: cache)
    figure("\(label).load_warm_cache", (now() - tw) * 1000, "ms")
    FrameBench.measure(corpus, index: index, label: label)
    ExportBench.measure(corpus, label: label)
}

/// `grep -r -c -i -F` for each query over the dataset's texts and YAML.
func grepBaseline(_ dir: String) -> [Double] {
    queries.map { query in
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/grep")
        p.arguments = ["-r", "-c", "-i", "-F", query, dir]
        p.standardOutput = FileHandle.nullDevice
        let t = now()
        try? p.run()
        p.waitUntilExit()
        return (now() - t) * 1000
    }
}

let args = CommandLine.arguments
/// `--binary PATH`: the carereview binary whose first frame is timed.
let binaryPath: String? = args.firstIndex(of: "--binary").flatMap { $0 + 1 < args.count ? args[$0 + 1] : nil }
if args.count >= 4, args[1] == "--measure" {
    measure(args[2], label: args[3])
    exit(0)
}
// `--generate DIR N`: just write the N-times corpus (for profiling by hand).
if args.count >= 4, args[1] == "--generate", let n = Int(args[3]) {
    try SyntheticCorpus.write(try CorpusLoader.load(EmbeddedCorpus.source), copies: n, to: URL(fileURLWithPath: args[2]))
    exit(0)
}

let t0 = now()
let embedded: Corpus
do { embedded = try CorpusLoader.load(EmbeddedCorpus.source) } catch { print("bench: embedded corpus invalid:\n\(error)"); exit(1) }
figure("embedded.load_validate", (now() - t0) * 1000, "ms")

let work = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("bench-out")
for scale in [1, 100, 1000] {
    let dir = work.appendingPathComponent("x\(scale)")
    let tg = now()
    do { try SyntheticCorpus.write(embedded, copies: scale, to: dir) } catch { print("bench: cannot write \(dir.path): \(error)"); exit(1) }
    figure("x\(scale).generate", (now() - tg) * 1000, "ms")
    let child = Process()
    child.executableURL = URL(fileURLWithPath: args[0])
    child.arguments = ["--measure", dir.path, "x\(scale)"]
    let pipe = Pipe()
    child.standardOutput = pipe
    try child.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    child.waitUntilExit()
    print(output, terminator: "")
    let searchMedian = output.split(separator: "\n").first { $0.hasPrefix("x\(scale).search_median:") }
        .flatMap { Double($0.split(separator: " ")[1]) } ?? .nan
    var grepRuns: [Double] = []
    for _ in 0..<3 { grepRuns += grepBaseline(dir.path) }
    let grepMedian = percentile(grepRuns, 0.5)
    figure("x\(scale).grep_median", grepMedian, "ms")
    figure("x\(scale).grep_over_search", grepMedian / searchMedian, "ratio")
}
try? FileManager.default.removeItem(at: work)
FirstFrame.measure(binary: binaryPath)
