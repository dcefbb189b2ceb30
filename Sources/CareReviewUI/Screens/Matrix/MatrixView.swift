import CareReview

/// The stance matrix: the cursor's stakeholder and stance in full on top,
/// abbreviated column headers, a rule with the cursor's column marked (▼),
/// then rows of stance glyphs under fixed row headers (cursor row ▶). The
/// cursor cell is bracketed, so a monochrome capture shows it too.
extension PaneRenderer {
    mutating func drawMatrix(_ rect: Rect, _ content: Rect) -> CursorPosition? {
        guard let m = state.matrix, let cur = loc.grid, !m.rows.isEmpty, !m.columns.isEmpty else {
            title(.matrix, rect, "Stance matrix")
            message("No positions" + (state.filter.isEmpty ? "" : " match the filter (F clears)"), content)
            return nil
        }
        let geo = MatrixGeometry(rect: content, columns: m.columns.count)
        let lastRow = min(m.rows.count, cur.top + geo.visibleRows)
        let lastCol = min(m.columns.count, cur.left + geo.visibleColumns)
        title(.matrix, rect, "Stance matrix · rows \(cur.top + 1)–\(lastRow) of \(m.rows.count)"
              + " · stakeholders \(cur.left + 1)–\(lastCol) of \(m.columns.count)")
        guard content.height > 0 else { return nil }
        drawMatrixInfo(m, cur, content)
        guard content.height > MatrixGeometry.infoRows else { return nil }
        var cursor = drawMatrixHeaders(m, cur, geo, lastCol: lastCol)
        for r in 0..<geo.visibleRows where geo.gridTop + r < content.row + content.height {
            let i = cur.top + r
            let screenRow = geo.gridTop + r
            guard i < m.rows.count else { clearRow(screenRow, content); continue }
            if let c = drawMatrixRow(m, i, cur, geo, screenRow: screenRow, lastCol: lastCol) { cursor = c }
        }
        return cursor
    }

    /// The cursor's stakeholder and proposal in full, with the cell's stance in words.
    private mutating func drawMatrixInfo(_ m: StanceMatrix, _ cur: GridCursor, _ content: Rect) {
        let label = 13   // "◔ concerned " and "-? concerned " both fit
        var who = TextLayout.fit(rows.text("Stakeholder", .dim), width: label, ellipsis: g.ellipsis, padStyle: .normal)
        if cur.col >= 0 {
            let s = m.columns[cur.col]
            who += rows.text(s.name, Style(.normal, bold: true)) + rows.text(" · " + s.kind.label, .dim)
        } else {
            who += rows.text("(row headers: Enter opens the proposal)", .dim)
        }
        var what: [StyledGlyph]
        if cur.row < 0 {
            what = TextLayout.fit(rows.text("Proposal", .dim), width: label, ellipsis: g.ellipsis, padStyle: .normal)
                + rows.text("(column headers: Enter opens the stakeholder)", .dim)
        } else {
            let stance: [StyledGlyph]
            if cur.col < 0 {
                stance = rows.text("Proposal", .dim)
            } else if let p = m.position(row: cur.row, column: cur.col) {
                stance = rows.text(g.stance(p.stance) + " " + p.stance.rawValue, Style(.stance(p.stance), bold: true))
                    + (state.annotations.marked.contains(p.id) ? rows.text(" " + g.mark, Style(.key, bold: true)) : [])
            } else {
                stance = rows.text("no position", .dim)
            }
            what = TextLayout.fit(stance, width: label, ellipsis: g.ellipsis, padStyle: .normal)
                + rows.text(m.rows[cur.row].title, Style(.normal, bold: true))
        }
        buf.drawLine(TextLayout.truncate(who, width: content.width, ellipsis: g.ellipsis), in: content, line: 0, pad: .normal)
        if content.height > 1 {
            buf.drawLine(TextLayout.truncate(what, width: content.width, ellipsis: g.ellipsis), in: content, line: 1, pad: .normal)
        }
    }

    /// The column-header row and the rule under it; returns the cursor when it is on a column header.
    private mutating func drawMatrixHeaders(_ m: StanceMatrix, _ cur: GridCursor, _ geo: MatrixGeometry, lastCol: Int) -> CursorPosition? {
        let content = geo.rect
        var cursor: CursorPosition?
        let corner = (cur.row < 0 ? rows.text(g.marker, Style(.key, bold: true)) : rows.text(" "))
            + rows.text("\(m.rows.count) proposals, \(m.columns.count) stakeholders", .dim)
        buf.drawLine(TextLayout.fit(corner, width: geo.rowHeaderWidth, ellipsis: g.ellipsis, padStyle: .normal),
                     in: content, line: MatrixGeometry.infoRows, pad: .normal)
        buf.set(row: geo.headerRow, col: geo.separatorCol, Cell(g.vertical, style: .border))
        for c in cur.left..<lastCol {
            let abbr = m.headers[c]
            let glyphs = TextLayout.truncate(rows.text(abbr), width: MatrixGeometry.abbreviationWidth, ellipsis: g.ellipsis)
            let lead = max(0, (MatrixGeometry.columnWidth - TextLayout.width(glyphs)) / 2)
            let here = c == cur.col
            let style = here ? Style(cur.row < 0 ? .focusedSelection : .selection, bold: true) : Style(.title, bold: true)
            let col = geo.col(of: c, left: cur.left)
            buf.draw(glyphs.map { var x = $0; x.style = style; return x }, row: geo.headerRow, col: col + lead,
                     maxWidth: content.col + content.width - col - lead)
            if here, cur.row < 0 { cursor = CursorPosition(row: geo.headerRow, col: col + lead) }
        }
        guard geo.ruleRow < content.row + content.height else { return cursor }
        let rule = Rect(row: geo.ruleRow, col: content.col, width: content.width, height: 1)
        buf.drawLine(Array(repeating: StyledGlyph(g.horizontal, width: 1, style: .border), count: content.width),
                     in: rule, line: 0, pad: .border)
        buf.set(row: geo.ruleRow, col: geo.separatorCol, Cell(g.isUnicode ? "┼" : "+", style: .border))
        let markerCol = cur.col >= 0 ? geo.col(of: cur.col, left: cur.left) + 2 : content.col
        if markerCol < content.col + content.width {
            buf.set(row: geo.ruleRow, col: markerCol, Cell(g.columnMarker, style: Style(.key, bold: true)))
        }
        return cursor
    }

    /// One proposal: its fixed header, then a glyph per visible stakeholder.
    private mutating func drawMatrixRow(_ m: StanceMatrix, _ i: Int, _ cur: GridCursor, _ geo: MatrixGeometry,
                                        screenRow: Int, lastCol: Int) -> CursorPosition? {
        let content = geo.rect
        let onRow = i == cur.row
        let headerStyle = onRow ? Style(cur.col < 0 ? .focusedSelection : .selection, bold: true) : Style.normal
        let header = (onRow ? rows.text(g.marker, Style(.key, bold: true)) : rows.text(" "))
            + rows.text(m.rows[i].title, headerStyle)
        let line = Rect(row: screenRow, col: content.col, width: content.width, height: 1)
        buf.drawLine(TextLayout.fit(header, width: geo.rowHeaderWidth, ellipsis: g.ellipsis, padStyle: headerStyle),
                     in: line, line: 0, pad: .normal)
        buf.set(row: screenRow, col: geo.separatorCol, Cell(g.vertical, style: .border))
        var cursor: CursorPosition? = onRow && cur.col < 0 ? CursorPosition(row: screenRow, col: content.col) : nil
        for c in cur.left..<lastCol {
            let col = geo.col(of: c, left: cur.left)
            let here = onRow && c == cur.col
            let p = m.position(row: i, column: c)
            let sel = Style(.focusedSelection, bold: true)
            var slot = rows.text(" ")
            slot += here ? rows.text("[", sel) : rows.text(" ")
            if let p {
                slot += rows.stanceGlyph(p.stance, style: here ? sel : nil)
            } else {
                slot += rows.text(" ", here ? sel : .normal)
            }
            slot += here ? rows.text("]", sel) : rows.text(" ")
            if let p, state.annotations.marked.contains(p.id) { slot += rows.text(g.mark, Style(.key, bold: true)) }
            buf.draw(slot, row: screenRow, col: col, maxWidth: content.col + content.width - col)
            if here { cursor = CursorPosition(row: screenRow, col: min(col + 2, content.col + content.width - 1)) }
        }
        return cursor
    }

    private mutating func clearRow(_ row: Int, _ content: Rect) {
        buf.drawLine([], in: Rect(row: row, col: content.col, width: content.width, height: 1), line: 0, pad: .normal)
    }
}
