import CNcursesw
import CareReviewUI

/// Paints frames onto the terminal, only the cells that changed since the
/// previous frame (ratatui-style diffing; curses then sends the minimum).
struct Painter {
    private var previous: ScreenBuffer?
    /// The palette the previous frame was painted in: cells keep their
    /// roles across a theme change, so a new palette repaints everything.
    private var paletteName: ThemeName?

    /// Forget the previous frame: the next paint repaints everything
    /// (after a resize, Ctrl-L, or returning from the pager or Ctrl-Z).
    mutating func invalidate() { previous = nil }

    mutating func paint(_ frame: ScreenBuffer, palette: Palette, on terminal: Terminal) {
        if paletteName != palette.name { previous = nil }
        paletteName = palette.name
        if previous == nil || previous?.width != frame.width || previous?.height != frame.height {
            erase()
        }
        var attrCache: [Style: (attr_t, Int16)] = [:]
        for run in frame.changedRuns(from: previous) {
            for col in run.cols {
                let cell = frame[run.row, col]
                if cell.isContinuation { continue }
                let (attrs, pair) = attrCache[cell.style] ?? {
                    let a = palette.attributes(cell.style, depth: terminal.depth)
                    var bits = cr_attr_normal()
                    if a.bold { bits |= cr_attr_bold() }
                    if a.underline { bits |= cr_attr_underline() }
                    if a.reverse { bits |= cr_attr_reverse() }
                    if a.dim { bits |= cr_attr_dim() }
                    let value = (bits, terminal.pair(foreground: a.foreground, background: a.background))
                    attrCache[cell.style] = value
                    return value
                }()
                var chars = Painter.wideChars(cell.grapheme)
                _ = chars.withUnsafeMutableBufferPointer { buffer in
                    cr_put_cell(Int32(run.row), Int32(col), buffer.baseAddress, attrs, pair)
                }
            }
        }
        if let cursor = frame.cursor, cursor.row < frame.height, cursor.col < frame.width {
            move(Int32(cursor.row), Int32(cursor.col))
        } else {
            move(Int32(max(0, frame.height - 1)), 0)
        }
        refresh()
        previous = frame
    }

    /// A cell's grapheme as a NUL-terminated wchar_t string: the base
    /// character and at most four combining marks (curses' limit).
    static func wideChars(_ grapheme: String) -> [wchar_t] {
        var out = grapheme.unicodeScalars.prefix(5).map { wchar_t(bitPattern: $0.value) }
        if out.isEmpty { out = [wchar_t(32)] }
        out.append(0)
        return out
    }
}
