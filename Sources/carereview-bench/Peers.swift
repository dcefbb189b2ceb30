import CYaml
import Foundation

/// The tools a user would reach for instead, timed directly (no shell or
/// launcher in between).
enum Peers {
    /// Runs `argv` with stdout into a pipe that is read to the end (GNU grep
    /// stops at the first match when its output is /dev/null, so a pipe makes
    /// it do the whole work), stderr discarded. Returns (ms, output lines).
    static func run(_ argv: [String], stdin: String? = nil) -> (ms: Double, lines: Int) {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return (.nan, 0) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addclose(&actions, fds[0])
        let cargs = argv.map { strdup($0) } + [nil]
        defer { cargs.forEach { free($0) } }
        var pid: pid_t = 0
        let t = now()
        guard posix_spawn(&pid, argv[0], &actions, nil, cargs, environ) == 0 else { close(fds[0]); close(fds[1]); return (.nan, 0) }
        close(fds[1])
        var lines = 0
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = read(fds[0], &buffer, buffer.count)
            if n <= 0 { break }
            for i in 0..<n where buffer[i] == 0x0A { lines += 1 }
        }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        let ms = (now() - t) * 1000
        close(fds[0])
        return (ms, lines)
    }

    static func which(_ tool: String) -> String? {
        for dir in ["/usr/bin", "/bin", "/usr/local/bin"] where FileManager.default.isExecutableFile(atPath: "\(dir)/\(tool)") {
            return "\(dir)/\(tool)"
        }
        return nil
    }

    /// libyaml's event parse of the same bytes, and nothing else: the floor
    /// for any loader built on it.
    static func libyamlEvents(_ paths: [String]) -> Double {
        let t = now()
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            data.withUnsafeBytes { raw in
                var parser = yaml_parser_t()
                yaml_parser_initialize(&parser)
                defer { yaml_parser_delete(&parser) }
                yaml_parser_set_input_string(&parser, raw.bindMemory(to: UInt8.self).baseAddress, raw.count)
                var event = yaml_event_t()
                while yaml_parser_parse(&parser, &event) == 1 {
                    let end = event.type == YAML_STREAM_END_EVENT
                    yaml_event_delete(&event)
                    if end { break }
                }
            }
        }
        return (now() - t) * 1000
    }
}
