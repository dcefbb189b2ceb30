import CareReview

/// Draws the panes of the current screen into the buffer.
struct PaneRenderer {
    let state: State
    let layout: ScreenLayout
    var buf: ScreenBuffer
    var rows: Rows { Rows(state: state) }
    var g: GlyphSet { state.glyphs }
    var loc: Location { state.current }
    var corpus: Corpus { state.corpus }

    func isFocused(_ pane: Pane) -> Bool { loc.focusedPane == pane }
    func selectionStyle(_ pane: Pane) -> Style { Style(isFocused(pane) ? .focusedSelection : .selection) }

    mutating func title(_ pane: Pane, _ rect: Rect, _ text: String) {
        let style = isFocused(pane) ? Style(.title, bold: true) : Style(.dim, bold: true)
        buf.drawLine(TextLayout.truncate(rows.text(text, style), width: rect.width, ellipsis: g.ellipsis), in: rect, line: 0, pad: style)
    }

    /// Items under group headings are indented one column; a marked item
    /// shows the mark glyph there instead.
    mutating func drawList(_ lines: [ListLine], top: Int, selectedLine: Int?, _ rect: Rect, pane: Pane,
                                   grouped: Bool, marked: (Int) -> Bool = { _ in false },
                                   row: (Int, Int) -> [StyledGlyph]) -> CursorPosition? {
        var cursor: CursorPosition?
        let indent = grouped ? 1 : 0
        for r in 0..<rect.height {
            let i = top + r
            guard i < lines.count else { buf.drawLine([], in: rect, line: r, pad: .normal); continue }
            if case .item(let item) = lines[i] {
                let lead = marked(item) ? rows.text(g.mark, Style(.key, bold: true)) : rows.text(" ")
                var glyphs = (grouped ? lead : []) + row(item, rect.width - indent)
                if i == selectedLine {
                    let sel = selectionStyle(pane)
                    for k in glyphs.indices where glyphs[k].style.role != .highlight {
                        glyphs[k].style = Style(sel.role, bold: glyphs[k].style.bold || sel.role == .focusedSelection)
                    }
                    buf.drawLine(glyphs, in: rect, line: r, pad: sel)
                    cursor = CursorPosition(row: rect.row + r, col: rect.col)
                } else {
                    buf.drawLine(glyphs, in: rect, line: r, pad: .normal)
                }
            } else {
                buf.drawLine(rows.heading(lines[i]), in: rect, line: r, pad: .normal)
            }
        }
        return cursor
    }

    mutating func message(_ text: String, _ rect: Rect) {
        let lines = TextLayout.wrap(rows.text(text, .dim), width: rect.width)
        for r in 0..<rect.height { buf.drawLine(r < lines.count ? lines[r] : [], in: rect, line: r, pad: .normal) }
    }
}
