import Foundation
import Testing

/// Runs the binary with its standard output closed, into a pipe whose
/// reader has already gone (EPIPE on every write), or into a pipe we read;
/// posix_spawn so the descriptors are exactly what the test says.
enum Harness {
    enum Stdout { case closed, brokenPipe, captured }

    struct Result {
        let status: Int32        // exit status, or 128 + the signal that ended it
        let stdout: Data
        let stderr: String
    }

    static func run(_ args: [String], stdout mode: Stdout, env: [String: String] = [:]) throws -> Result {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var out: [Int32] = [-1, -1], err: [Int32] = [-1, -1]
        guard pipe(&out) == 0, pipe(&err) == 0 else { throw POSIXError(.EMFILE) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        switch mode {
        case .closed: posix_spawn_file_actions_addclose(&actions, 1)
        case .brokenPipe, .captured: posix_spawn_file_actions_adddup2(&actions, out[1], 1)
        }
        posix_spawn_file_actions_adddup2(&actions, err[1], 2)
        for fd in out + err { posix_spawn_file_actions_addclose(&actions, fd) }
        if mode == .brokenPipe { close(out[0]); out[0] = -1 }   // nobody will ever read

        var environment = ProcessInfo.processInfo.environment
        environment["COLUMNS"] = "80"
        environment.removeValue(forKey: "CAREREVIEW_DATA")
        environment["XDG_CACHE_HOME"] = CLI.cacheDir
        for (k, v) in env { environment[k] = v }
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        let argv: [UnsafeMutablePointer<CChar>?] = ([CLI.binary] + args).map { strdup($0) } + [nil]
        defer { for p in envp + argv { free(p) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, CLI.binary, &actions, nil, argv, envp)
        close(out[1]); close(err[1])
        guard spawned == 0 else { throw POSIXError(.ENOENT) }
        let stdoutData = out[0] >= 0 ? drain(out[0]) : Data()
        let stderrData = drain(err[0])
        return Result(status: wait(pid), stdout: stdoutData, stderr: String(decoding: stderrData, as: UTF8.self))
    }

    /// Starts the binary (stdout into a pipe, stderr discarded) and returns at once: pid and the pipe's read end.
    static func start(_ args: [String], env: [String: String]) throws -> (pid_t, Int32) {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var out: [Int32] = [-1, -1]
        guard pipe(&out) == 0 else { throw POSIXError(.EMFILE) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, out[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addclose(&actions, out[0])
        posix_spawn_file_actions_addclose(&actions, out[1])
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CACHE_HOME"] = CLI.cacheDir
        for (k, v) in env { environment[k] = v }
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        let argv: [UnsafeMutablePointer<CChar>?] = ([CLI.binary] + args).map { strdup($0) } + [nil]
        defer { for p in envp + argv { free(p) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, CLI.binary, &actions, nil, argv, envp)
        close(out[1])
        guard spawned == 0 else { close(out[0]); throw POSIXError(.ENOENT) }
        return (pid, out[0])
    }

    /// Starts a tool with default signal handling and an empty signal mask
    /// (the test runner may ignore or block some), output to /dev/null.
    static func startTool(_ path: String, _ args: [String]) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + args).map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, path, &actions, &attributes, argv, environ) == 0 else { throw POSIXError(.ENOENT) }
        return pid
    }

    static func drain(_ fd: Int32) -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = read(fd, &buffer, buffer.count)
            if n > 0 { data.append(contentsOf: buffer[0..<n]) } else if n == 0 || errno != EINTR { break }
        }
        close(fd)
        return data
    }

    static func wait(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }

    /// `sh -c SCRIPT` with the binary as $CR; what it printed and its status.
    static func shell(_ script: String, env: [String: String] = [:]) throws -> (status: Int32, output: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = ["-c", script]
        var environment = ProcessInfo.processInfo.environment
        environment["CR"] = CLI.binary
        environment["COLUMNS"] = "80"
        environment["XDG_CACHE_HOME"] = CLI.cacheDir
        for (k, v) in env { environment[k] = v }
        p.environment = environment
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// A fresh directory under the temporary folder.
    static func tempDir(_ prefix: String) -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// The test fixture copied, with escape sequences, C1 controls and bidi
    /// overrides written into names, descriptions and summaries (as YAML
    /// escapes, so the loaded strings hold the raw characters).
    static func escapeLadenDataset() throws -> URL {
        let dir = tempDir("cr-escapes")
        try? FileManager.default.removeItem(at: dir)
        try FileManager.default.copyItem(atPath: CLI.fixture, toPath: dir.path)
        func edit(_ file: String, _ old: String, _ new: String) throws {
            let url = dir.appendingPathComponent(file)
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(text.contains(old), "fixture changed: \(old)")
            try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8)
        }
        try edit("stakeholders.yaml", "name: The Council", #"name: "The \e]0;PWNED\aCouncil\e[2J""#)
        try edit("stakeholders.yaml", "description: A children's charity.", #"description: "A \u202Echildren's\e]52;c;ZXZpbA==\a charity.\x9B31m""#)
        try edit("positions.yaml", "summary: Opposes the plan as drastic and dangerous.", #"summary: "Opposes \e[31mthe plan\u202E as drastic\u2066 and dangerous.""#)
        try edit("proposals.yaml", "title: Abolish the care plan review", #"title: "Abolish the \e[5mcare plan\u202D review""#)
        return dir
    }

    /// `od -An -tx1` of the bytes: the test reads what the terminal would get.
    static func od(_ data: Data) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/od")
        p.arguments = ["-An", "-v", "-tx1"]
        let input = Pipe(), output = Pipe()
        p.standardInput = input
        p.standardOutput = output
        try p.run()
        let writer = Thread { input.fileHandleForWriting.write(data); try? input.fileHandleForWriting.close() }
        writer.start()
        let dump = output.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        // One byte per token, with no line breaks inside a sequence.
        return " " + String(decoding: dump, as: UTF8.self).split(whereSeparator: \.isWhitespace).joined(separator: " ") + " "
    }

    /// Bytes that would act on a terminal: ESC, C1 CSI/OSC (UTF-8 c2 9b, c2 9d), BEL, RLO/LRO/RLI/LRI.
    static let dangerous = [" 1b ", " 07 ", " c2 9b ", " c2 9d ", " e2 80 ae ", " e2 80 ad ", " e2 81 a6 ", " e2 81 a7 "]
}
