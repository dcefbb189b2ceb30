import CareReview
import CareReviewExchange
import CareReviewUI
import Foundation

/// Figures measured inside one process on one dataset directory.
enum InProcess {
    static func measure(_ dir: String, scale: Int) {
        let label = "x\(scale)"
        let yaml = [CorpusLoader.documentsFile, CorpusLoader.stakeholdersFile, CorpusLoader.proposalsFile,
                    CorpusLoader.positionsFile].map { dir + "/" + $0 }
        // Cold load + validate, interleaved with libyaml's bare event parse of the same files.
        var loads: [Double] = [], parses: [Double] = []
        var corpus: Corpus?
        for _ in 0..<(scale >= 1000 ? 2 : 3) {
            parses.append(Peers.libyamlEvents(yaml))
            corpus = nil   // one corpus in memory at a time
            let t = now()
            do { corpus = try CorpusLoader.load(.directory(dir)) } catch { print("bench: \(label) failed to load:\n\(error)"); exit(1) }
            loads.append((now() - t) * 1000)
        }
        let corpus1 = corpus!
        let load = median(loads), parse = median(parses)
        figure("\(label).cold_load_validate", load, "ms", peer: "libyaml event parse alone", parse)
        if scale == 100 { emit(Target("cold load + validate, 100× ≤ 300 ms", load <= 300, "\(format(load)) ms; libyaml alone \(format(parse)) ms")) }
        if scale == 1000 { emit(Target("cold load + validate, 1000× ≤ 1.5 s", load <= 1500, "\(format(load)) ms; libyaml alone \(format(parse)) ms")) }
        figure("\(label).positions", Double(corpus1.positions.count), "count")

        // Browser first frame from a warm cache: cached load, UI state, one frame at 120×40.
        let cache = CorpusCache(directory: URL(fileURLWithPath: dir).appendingPathComponent(".cache"))
        _ = try? CorpusLoader.load(.directory(dir), cache: cache)
        var warm: [Double] = []
        var home: State?
        for _ in 0..<3 {
            let t = now()
            guard let c = try? CorpusLoader.load(.directory(dir), cache: cache) else { break }
            let state = State(corpus: c, width: 120, height: 40)
            _ = render(state, width: 120, height: 40)
            warm.append((now() - t) * 1000)
            home = state
        }
        let warmMedian = median(warm)
        figure("\(label).browser_first_frame_warm_cache", warmMedian, "ms")
        if scale == 1000 { emit(Target("browser first frame, 1000×, cache warm ≤ 100 ms", warmMedian <= 100, "\(format(warmMedian)) ms")) }
        guard var state = home else { return }

        // Stance matrix, first open: time and resident memory it adds.
        let before = residentMB()
        let tm = now()
        state.apply(.runCommand("matrix"))
        _ = render(state, width: 120, height: 40)
        let matrixMs = (now() - tm) * 1000, matrixMB = residentMB() - before
        figure("\(label).matrix_first_open", matrixMs, "ms")
        figure("\(label).matrix_first_open_extra_memory", matrixMB, "MB")
        if scale == 1000 {
            emit(Target("stance matrix first open, 1000× ≤ 100 ms and ≤ 50 MB extra", matrixMs <= 100 && matrixMB <= 50,
                        "\(format(matrixMs)) ms, \(format(matrixMB)) MB"))
        }

        // Filter toggle in the f menu, keystroke to frame (on, off, alternately).
        var filtering = home!
        filtering.apply(.command(.openFilterMenu))
        var toggles: [Double] = []
        for _ in 0..<8 {
            let t = now()
            filtering.apply(.command(.toggleFilterItem))
            _ = render(filtering, width: 120, height: 40)
            toggles.append((now() - t) * 1000)
        }
        let toggle = median(toggles)
        figure("\(label).filter_toggle_median", toggle, "ms")
        if scale == 1000 { emit(Target("filter toggle, 1000× ≤ 16 ms", toggle <= 16, "\(format(toggle)) ms")) }

        if scale == 100 {
            let t = now()
            let index = SearchIndex(corpus: corpus1)
            figure("\(label).index_build", (now() - t) * 1000, "ms")
            FrameBench.measure(corpus1, index: index, label: label)
        }

        // Peak so far: loads, cache, browser state, matrix (before the export, which has its own figure).
        let peak = peakMemoryMB()
        figure("\(label).peak_memory", peak, "MB")
        if scale == 1000 { emit(Target("peak memory, 1000× ≤ 300 MB", peak <= 300, "\(format(peak)) MB")) }

        // REFI-QDA export against zip of the same files.
        if scale == 1000 { qdpx(corpus1, label: label) }
    }

    static func qdpx(_ corpus: Corpus, label: String) {
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("cr-bench-qdpx-\(getpid())")
        defer { try? FileManager.default.removeItem(at: tmp) }
        try? FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        let t = now()
        guard let bytes = try? REFIQDAExport.qdpx(ExportSelection(corpus)) else { print("\(label).export_qdpx: failed"); return }
        let file = tmp.appendingPathComponent("out.qdpx")
        FileManager.default.createFile(atPath: file.path, contents: bytes)
        let ms = (now() - t) * 1000
        guard let zip = Peers.which("zip"), let unzip = Peers.which("unzip") else {
            print("\(label).export_qdpx: MISSING TOOL zip/unzip (Debian 'zip', 'unzip')")
            emit(Target("qdpx export, 1000× ≤ 1.5× zip", false, "zip not installed")); return
        }
        let files = tmp.appendingPathComponent("files")
        _ = Peers.run([unzip, "-q", file.path, "-d", files.path])
        let z = Peers.run([zip, "-q", "-r", tmp.appendingPathComponent("peer.zip").path, files.path]).ms
        figure("\(label).export_qdpx", ms, "ms", peer: "zip of the same files", z)
        emit(Target("qdpx export, 1000× ≤ 1.5× zip", ms <= 1.5 * z, "\(format(ms)) ms vs zip \(format(z)) ms, \(String(format: "%.2f", ms / z))×"))
    }
}
