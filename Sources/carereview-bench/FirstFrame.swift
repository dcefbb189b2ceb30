import Foundation

/// Launch to first painted frame, in a real terminal (tmux), against the
/// same measurement for a trivial command in the same run as the baseline.
enum FirstFrame {
    static func measure(binary: String?) {
        guard let binary else { print("first_frame: skipped (no --binary given)"); return }
        guard shell("command -v tmux >/dev/null") == 0 else { print("first_frame: skipped (tmux is not installed)"); return }
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("cr-bench-\(getpid())").path
        var frames: [Double] = [], baseline: [Double] = []
        for _ in 0..<7 {
            if let t = timeToScreen("XDG_STATE_HOME=\(state) TERM=tmux-256color \(binary) --fresh", marker: "Proposals (") { frames.append(t) }
            if let t = timeToScreen("printf 'Proposals (ready'; sleep 5", marker: "Proposals (") { baseline.append(t) }
        }
        try? FileManager.default.removeItem(atPath: state)
        guard !frames.isEmpty, !baseline.isEmpty else { print("first_frame: failed to observe a frame"); return }
        let f = percentile(frames, 0.5), b = percentile(baseline, 0.5)
        figure("embedded.first_frame_median", f, "ms")
        figure("embedded.tmux_echo_baseline_median", b, "ms")
        figure("embedded.first_frame_over_baseline", f - b, "ms")
    }

    /// Starts `command` in a fresh tmux server and polls until `marker` shows.
    static func timeToScreen(_ command: String, marker: String) -> Double? {
        let socket = "cr-bench-\(getpid())"
        defer { _ = shell("tmux -L \(socket) kill-server 2>/dev/null") }
        let start = now()
        guard shell("tmux -L \(socket) -f /dev/null new-session -d -x 200 -y 60 \"\(command)\"") == 0 else { return nil }
        while now() - start < 5 {
            if capture(socket).contains(marker) { return (now() - start) * 1000 }
        }
        return nil
    }

    static func capture(_ socket: String) -> String {
        guard let pipe = popen("tmux -L \(socket) capture-pane -p 2>/dev/null", "r") else { return "" }
        defer { pclose(pipe) }
        var out = ""
        var buffer = [CChar](repeating: 0, count: 4096)
        while fgets(&buffer, Int32(buffer.count), pipe) != nil { out += String(cString: buffer) }
        return out
    }

    @discardableResult
    static func shell(_ command: String) -> Int32 {
        let status = system(command)
        return (status >> 8) & 0xFF
    }
}
