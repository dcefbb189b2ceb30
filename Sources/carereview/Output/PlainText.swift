import CareReview
import TerminalText

/// Plain-text layout for the command line: aligned, wrapped to a width,
/// safe to print on a terminal.
enum PlainText {
    /// Output width: $COLUMNS, else the terminal's, else unlimited (see OutputWidth).
    static let width: Int = OutputWidth.current.layoutWidth

    /// Data text made safe (no control characters reach the terminal).
    static func safe(_ text: String) -> String { TerminalSafeText.sanitize(text) }

    /// Words wrapped to `width` columns, every line prefixed by `indent`.
    static func wrap(_ text: String, width: Int = PlainText.width, indent: String = "", firstIndent: String? = nil) -> String {
        var lines: [String] = []
        var line = firstIndent ?? indent
        var lineWidth = DisplayWidth.of(line)
        var lineHasWord = false
        let words = safe(text).split(whereSeparator: { $0 == " " || $0 == "\n" })
        for word in words {
            let w = DisplayWidth.of(word)
            if lineHasWord && lineWidth + 1 + w > width {
                lines.append(line)
                line = indent
                lineWidth = DisplayWidth.of(indent)
                lineHasWord = false
            }
            if lineHasWord { line += " "; lineWidth += 1 }
            line += word
            lineWidth += w
            lineHasWord = true
        }
        if lineHasWord || lines.isEmpty { lines.append(line) }
        return lines.joined(separator: "\n")
    }

    /// Cut to `width` columns, ending with … when cut.
    static func truncate(_ text: String, _ width: Int) -> String {
        let s = safe(text)
        guard DisplayWidth.of(s) > width else { return s }
        var out = ""
        var used = 0
        for c in s {
            let w = DisplayWidth.of(c)
            if used + w > width - 1 { break }
            out.append(c)
            used += w
        }
        return out + "…"
    }

    /// Padded with spaces to `width` columns (display width, not characters),
    /// measured after sanitising, as the terminal will get it.
    static func pad(_ text: String, _ width: Int) -> String {
        let s = safe(text)
        let w = DisplayWidth.of(s)
        return w >= width ? s : s + String(repeating: " ", count: width - w)
    }

    /// "++1 +?2 +-0 -?1 --0"
    static func tally(_ counts: [Int]) -> String {
        zip(Stance.allCases, counts).map { "\($0.symbol)\($1)" }.joined(separator: " ")
    }

    static let stanceKey = Stance.allCases.map { "\($0.symbol) \($0.rawValue)" }.joined(separator: "  ")
}

import Foundation
