import Foundation

/// Launch to first painted frame in a real terminal (tmux 120×40), against
/// `less` showing a file (the peer a reader would reach for), interleaved run by run.
enum FirstFrame {
    nonisolated(unsafe) static var runs = 0
    static func measure(binary: String, listing: String) -> Target? {
        guard FirstFrame.shell("command -v tmux >/dev/null && command -v less >/dev/null") == 0 else {
            print("first_frame: MISSING TOOL (tmux and less are needed)"); return Target("first frame ≤ 2.5× less", false, "tmux or less missing")
        }
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("cr-bench-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: state) }
        var frames: [Double] = [], peers: [Double] = []
        for _ in 0..<11 {
            if let t = timeToScreen("XDG_STATE_HOME=\(state) TERM=tmux-256color \(binary) --fresh", marker: "Proposals (") { frames.append(t) }
            if let t = timeToScreen("TERM=tmux-256color less \(listing)", marker: "Proposals (") { peers.append(t) }
        }
        guard !frames.isEmpty, !peers.isEmpty else { print("first_frame: failed to observe a frame"); return nil }
        let f = median(frames), p = median(peers)
        figure("embedded.first_frame_tmux_120x40_median_of_\(frames.count)", f, "ms", peer: "less", p)
        return Target("first frame, embedded, tmux 120×40 ≤ 2.5× less", f <= 2.5 * p, "\(format(f)) ms vs less \(format(p)) ms, \(String(format: "%.2f", f / p))×")
    }

    /// Starts `command` in a fresh tmux server and polls until `marker` shows.
    /// The server's own start is excluded: it is started first, on a shell that waits.
    static func timeToScreen(_ command: String, marker: String) -> Double? {
        // A fresh socket name per run: reusing one races with the previous server's exit.
        runs += 1
        let socket = "cr-bench-\(getpid())-\(runs)"
        defer { _ = shell("tmux -L \(socket) kill-server 2>/dev/null") }
        // remain-on-exit: respawning the pane must not close the session (and the server) under the new command.
        guard shell("tmux -L \(socket) -f /dev/null new-session -d -x 120 -y 40 'sleep 30' \\; set-option -g remain-on-exit on") == 0 else { return nil }
        let start = now()
        guard shell("tmux -L \(socket) respawn-pane -k \"\(command)\"") == 0 else { return nil }
        while now() - start < 10 {
            if capture(socket).contains(marker) { return (now() - start) * 1000 }
        }
        return nil
    }

    static func capture(_ socket: String) -> String {
        guard let pipe = popen("tmux -L \(socket) capture-pane -p 2>/dev/null", "r") else { return "" }
        defer { pclose(pipe) }
        var out = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = fread(&buffer, 1, buffer.count, pipe)
            if n <= 0 { break }
            out += buffer[0..<n]
        }
        return String(decoding: out, as: UTF8.self)
    }

    @discardableResult
    static func shell(_ command: String) -> Int32 {
        let status = system(command)
        return (status >> 8) & 0xFF
    }
}
