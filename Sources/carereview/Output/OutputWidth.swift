import CareReview
import Foundation
import TerminalText
#if canImport(Glibc)
import Glibc
#endif

/// How wide the command line's output is, and whether it may cut text.
///
/// `$COLUMNS` (when a number of at least 20) decides; else a terminal's own
/// width; else — a pipe or a file — there is no width: nothing is cut or
/// wrapped, so `grep` finds every title whole. Text is only ever cut
/// (with "…") on a terminal; with a width but no terminal it is wrapped.
struct OutputWidth: Equatable {
    /// nil: no limit.
    let columns: Int?
    let isTerminal: Bool

    /// A width for arithmetic when there is no limit.
    static let unlimited = 1_000_000

    static let current = OutputWidth(environment: ProcessInfo.processInfo.environment,
                                     isTerminal: isatty(STDOUT_FILENO) == 1,
                                     terminalColumns: OutputWidth.terminalColumns(STDOUT_FILENO))

    init(columns: Int?, isTerminal: Bool) {
        self.columns = columns
        self.isTerminal = isTerminal
    }

    init(environment: [String: String], isTerminal: Bool, terminalColumns: Int?) {
        if let c = environment["COLUMNS"].flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }), c >= 20 {
            self.init(columns: c, isTerminal: isTerminal)
        } else if isTerminal {
            self.init(columns: terminalColumns ?? 80, isTerminal: true)
        } else {
            self.init(columns: nil, isTerminal: false)
        }
    }

    /// The width for layout: the limit, or a number no line reaches.
    var layoutWidth: Int { columns ?? OutputWidth.unlimited }

    /// The terminal's width in columns (TIOCGWINSZ), nil when it is not a
    /// terminal or does not say.
    static func terminalColumns(_ fd: Int32) -> Int? {
        var size = winsize()
        guard ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}

extension PlainText {
    /// One line of a list: cut with "…" on a terminal (lists are for
    /// scanning); elsewhere kept whole — wrapped under `hangingIndent` when
    /// there is a width, else on one line.
    static func fit(_ text: String, width: Int = PlainText.width, hangingIndent: String = "",
                    output: OutputWidth = .current) -> String {
        if output.isTerminal { return truncate(text, width) }
        let text = safe(text)
        if DisplayWidth.of(text) <= width { return text }
        return wrapKeepingSpaces(text, width: width, hangingIndent: hangingIndent)
    }

    /// Greedy wrapping at single spaces that keeps runs of spaces (aligned
    /// columns) as they are; continuation lines start with `hangingIndent`.
    static func wrapKeepingSpaces(_ text: String, width: Int, hangingIndent: String) -> String {
        let leading = String(text.prefix { $0 == " " })
        let tokens = text.dropFirst(leading.count).split(separator: " ", omittingEmptySubsequences: false)
        var lines: [String] = []
        var line = leading, lineWidth = DisplayWidth.of(leading), hasWord = false
        for token in tokens {
            let w = DisplayWidth.of(token)
            if hasWord && !token.isEmpty && lineWidth + 1 + w > width {
                lines.append(line.trimmingTrailingSpaces())
                line = hangingIndent; lineWidth = DisplayWidth.of(hangingIndent); hasWord = false
            }
            if token.isEmpty && !hasWord && !lines.isEmpty { continue }   // no run of spaces at a line's start
            if hasWord || (token.isEmpty && !line.isEmpty) { line += " "; lineWidth += 1 }
            line += token; lineWidth += w
            if !token.isEmpty { hasWord = true }
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }

    /// Text blocks (a position in full, a quote and its source) wrapped to
    /// the width as the browser's pager wraps them, made safe first.
    static func render(_ blocks: [TextBlock], width: Int = PlainText.width) -> String {
        let safeBlocks = blocks.map { b in var b = b; b.text = safe(b.text); return b }
        return TextBlock.wrap(safeBlocks, width: width, measure: { DisplayWidth.of($0) })
    }
}
