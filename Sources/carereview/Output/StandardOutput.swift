import ArgumentParser
import CareReview
import Foundation
import TerminalText

/// Everything the command line writes goes through here, so that:
/// - human-readable text (every `print` in this module, every error) is
///   always terminal-safe: controls, escape sequences and bidi overrides
///   from the data are made visible, whether stdout is a terminal or not;
/// - data exports (`writeData`) stay byte-exact into files and pipes, and
///   are made safe only when stdout is a terminal;
/// - a write that fails ends the run with a non-zero status: silently with
///   141 (as if by SIGPIPE) when the reader has gone, else with a short
///   message and 1 (a closed stdout, a full disk, a file size limit).
enum StandardOutput {
    nonisolated(unsafe) private static var buffer: [UInt8] = []
    private static let bufferLimit = 1 << 16
    static let isTerminal = isatty(1) == 1

    /// Call first. SIGPIPE and SIGXFSZ are ignored so that a failed write
    /// returns EPIPE or EFBIG and is reported. A closed descriptor 0, 1 or 2
    /// is held by /dev/null opened read-only, so no file we open lands on
    /// it, and writes to a closed stdout fail (EBADF) and are reported.
    static func prepare() {
        signal(SIGPIPE, SIG_IGN)
        signal(SIGXFSZ, SIG_IGN)
        for fd: Int32 in 0...2 where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
            let held = open("/dev/null", O_RDONLY)
            if held >= 0 && held != fd { dup2(held, fd); close(held) }
        }
        atexit { StandardOutput.flushOrExit() }
    }

    /// Human-readable text: always sanitised (newlines kept).
    static func report(_ text: String) {
        append(Array(TerminalSafeText.sanitize(text, keepNewlines: true).utf8))
    }

    /// An export's bytes: as they are, unless stdout is a terminal.
    static func writeData(_ data: Data) {
        if isTerminal {
            append(Array(TerminalSafeText.sanitize(String(decoding: data, as: UTF8.self), keepNewlines: true).utf8))
        } else {
            append(Array(data))
        }
    }

    private static func append(_ bytes: [UInt8]) {
        buffer += bytes
        if buffer.count >= bufferLimit { flushOrExit() }
    }

    /// Writes what is buffered; on failure says so (or not, for EPIPE) and exits.
    static func flushOrExit() {
        guard !buffer.isEmpty else { return }
        let bytes = buffer
        buffer = []
        do { try OutputFile.writeAll(Data(bytes), to: 1) } catch let failure as POSIXFailure {
            fail(failure.code)
        } catch {
            fail(EIO)
        }
    }

    private static func fail(_ code: Int32) -> Never {
        if code == EPIPE { _exit(141) }
        let why = code == EBADF ? "it is closed" : String(cString: strerror(code))
        errorLine("carereview: cannot write to standard output: \(why)")
        _exit(1)
    }

    /// A line on stderr, terminal-safe; failures there have nowhere to be reported.
    static func errorLine(_ text: String, newline: Bool = true) {
        let bytes = Array((TerminalSafeText.sanitize(text, keepNewlines: true) + (newline ? "\n" : "")).utf8)
        _ = try? OutputFile.writeAll(Data(bytes), to: 2)
    }

    /// `-o FILE` / `-o -` / no `-o`: where an export's bytes go.
    static func deliver(_ data: Data, to output: String?) throws {
        guard let output, output != "-" else { return writeData(data) }
        do {
            try OutputFile.write(data, toPath: output)
        } catch {
            errorLine("carereview: cannot write \(output): \(error.localizedDescription)")
            throw ExitCode(1)
        }
    }
}

/// Every `print` in the command line is a human-readable report: it goes
/// through `StandardOutput.report`, sanitised. (Shadows the standard
/// library's `print` in this module on purpose.)
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    StandardOutput.report(items.map { "\($0)" }.joined(separator: separator) + terminator)
}
