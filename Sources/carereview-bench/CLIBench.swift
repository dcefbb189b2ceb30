import Foundation

/// Whole-process CLI runs on a warm cache against grep (and ripgrep) over
/// the same dataset directory, interleaved, medians of 5.
enum CLIBench {
    static let query = "kinship"

    static func measure(binary: String, dir: String, scale: Int, grep: String, ripgrep: String?) -> [Target] {
        let search = [binary, "search", query, "--data", dir]
        let list = [binary, "proposals", "--data", dir]
        let grepArgs = [grep, "-r", "-i", "-F", query, dir]
        let rgArgs = ripgrep.map { [$0, "-i", "-F", "--no-config", query, dir] }
        // Warm: the cache is written and the files are in the page cache.
        _ = Peers.run(search); _ = Peers.run(list); _ = Peers.run(grepArgs)
        var s: [Double] = [], l: [Double] = [], g: [Double] = [], r: [Double] = []
        var grepLines = 0
        for _ in 0..<5 {
            s.append(Peers.run(search).ms)
            let gr = Peers.run(grepArgs)
            g.append(gr.ms); grepLines = gr.lines
            if let rgArgs { r.append(Peers.run(rgArgs).ms) }
            l.append(Peers.run(list).ms)
        }
        let sm = median(s), gm = median(g), lm = median(l)
        figure("x\(scale).cli_search_whole_process_warm", sm, "ms", peer: "grep (\(grepLines) matching lines into a pipe)", gm)
        if !r.isEmpty { figure("x\(scale).cli_search_whole_process_warm", sm, "ms", peer: "ripgrep", median(r)) }
        figure("x\(scale).cli_proposals_whole_process_warm", lm, "ms", peer: "grep", gm)
        var out = [Target("CLI search, whole process, warm, \(scale)× no slower than grep", sm <= gm,
                          "\(format(sm)) ms vs grep \(format(gm)) ms, \(String(format: "%.2f", sm / gm))×")]
        if scale == 300 {
            out.append(Target("CLI proposals, whole process, warm, 300× ≤ 10× grep", lm <= 10 * gm,
                              "\(format(lm)) ms vs grep \(format(gm)) ms, \(String(format: "%.2f", lm / gm))×"))
        }
        return out
    }
}
