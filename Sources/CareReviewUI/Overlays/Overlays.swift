import CareReview

/// Help and the filter menu, drawn in a box over the screen.
extension PaneRenderer {
    /// The box for an overlay: most of the body, all of it when small.
    func overlayRect(maxWidth: Int) -> Rect {
        let body = layout.body
        let w = min(body.width, maxWidth)
        return Rect(row: body.row, col: body.col + (body.width - w) / 2, width: w, height: body.height)
    }

    mutating func drawOverlay(title: String, lines: [[StyledGlyph]], top: Int, selected: Int?, maxWidth: Int) -> CursorPosition? {
        let box = overlayRect(maxWidth: maxWidth)
        buf.fill(box, style: .normal)
        buf.box(box, glyphs: g, style: .border)
        let titleGlyphs = SafeGlyphs.make(" " + title + " ", style: Style(.title, bold: true), glyphs: g)
        buf.draw(TextLayout.truncate(titleGlyphs, width: box.width - 2, ellipsis: g.ellipsis), row: box.row, col: box.col + 1, maxWidth: box.width - 2)
        let inner = Rect(row: box.row + 1, col: box.col + 2, width: box.width - 4, height: box.height - 2)
        let t = selected.map { Viewport.top(stored: top, selected: $0, count: lines.count, height: inner.height, headingAbove: true) }
            ?? Viewport.clampScroll(top, lines: lines.count, height: inner.height)
        var cursor: CursorPosition?
        for r in 0..<inner.height {
            let i = t + r
            guard i < lines.count else { continue }
            var line = lines[i]
            if i == selected {
                for k in line.indices { line[k].style = Style(.focusedSelection, bold: true) }
                buf.drawLine(line, in: inner, line: r, pad: Style(.focusedSelection))
                cursor = CursorPosition(row: inner.row + r, col: inner.col)
            } else {
                buf.drawLine(line, in: inner, line: r, pad: .normal)
            }
        }
        if t + inner.height < lines.count, inner.height > 0 {
            let more = SafeGlyphs.make(" more " + (g.isUnicode ? "↓" : "v") + " ", style: .dim, glyphs: g)
            buf.draw(more, row: box.row + box.height - 1, col: box.col + max(1, box.width - 10), maxWidth: min(8, box.width - 2))
        }
        return cursor ?? CursorPosition(row: inner.row, col: inner.col)
    }

    mutating func drawHelp() -> CursorPosition? {
        let box = overlayRect(maxWidth: 84)
        let lines = HelpContent.lines(g, width: box.width - 4).map { TextLayout.truncate($0, width: box.width - 4, ellipsis: g.ellipsis) }
        return drawOverlay(title: "Keys — Esc closes", lines: lines, top: state.helpTop, selected: nil, maxWidth: 84)
    }

    /// `:messages`: every message so far, errors marked, newest last.
    mutating func drawMessageLog() -> CursorPosition? {
        let box = overlayRect(maxWidth: 100)
        var lines: [[StyledGlyph]] = []
        for m in state.messageLog {
            let style = m.isError ? Style(.error, bold: true) : Style.normal
            lines += TextLayout.wrap(SafeGlyphs.make((m.isError ? "! " : "  ") + m.text, style: style, glyphs: g), width: max(1, box.width - 4))
        }
        if lines.isEmpty { lines = [SafeGlyphs.make("No messages yet", style: .dim, glyphs: g)] }
        return drawOverlay(title: "Messages (\(state.messageLog.count)) — Esc closes", lines: lines, top: state.helpTop, selected: nil, maxWidth: 100)
    }

    mutating func drawFilterMenu() -> CursorPosition? {
        var lines: [[StyledGlyph]] = []
        var selectedLine = 0
        for (i, item) in FilterMenu.items.enumerated() {
            if let h = FilterMenu.heading(before: i) {
                if i > 0 { lines.append([]) }
                lines.append(SafeGlyphs.make(h, style: Style(.groupHeader, bold: true), glyphs: g))
            }
            if i == state.filterCursor { selectedLine = lines.count }
            let on = FilterMenu.isOn(item, state.filter)
            var style = Style.normal
            if case .stance(let s) = item { style = Style(.stance(s)) }
            lines.append(SafeGlyphs.make((on ? g.checked : g.unchecked) + " ", style: Style(.key, bold: on), glyphs: g)
                         + SafeGlyphs.make(FilterMenu.label(item, glyphs: g), style: style, glyphs: g))
        }
        let title = state.filter.isEmpty ? "Filter — no filter" : "Filter — " + state.filter.description
        return drawOverlay(title: title, lines: lines, top: 0, selected: selectedLine, maxWidth: 60)
    }
}
