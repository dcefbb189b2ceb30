import CareReview

/// Where the compare screen's parts go: a summary line, column headers, the
/// table of proposals, a rule, then the quotes of the selected row.
struct CompareGeometry {
    let rect: Rect
    let tableRows: Int

    init(rect: Rect, rows: Int) {
        self.rect = rect
        // Half the room for the table (at least 3 rows), the rest for quotes.
        let room = max(1, rect.height - 3)
        tableRows = max(1, min(rows, room, max(3, room / 2)))
    }

    var tableTop: Int { rect.row + 2 }
    var ruleRow: Int { tableTop + tableRows }
    var quotesTop: Int { ruleRow + 1 }
    var quotesHeight: Int { max(0, rect.row + rect.height - quotesTop) }

    /// Column widths: proposal title, each stance, the agreement word.
    static let agreementWidth = 9
    var stanceWidth: Int { max(6, min(22, (rect.width - 1 - Self.agreementWidth - 3) / 4)) }
    var titleWidth: Int { max(1, rect.width - 1 - 2 * stanceWidth - Self.agreementWidth - 3) }
}

extension PaneRenderer {
    mutating func drawComparison(_ rect: Rect, _ content: Rect) -> CursorPosition? {
        guard let c = state.comparison, let cur = loc.grid else { message("Nothing to compare", content); return nil }
        title(.comparison, rect, "Compare: \(c.first.name) (\(c.first.kind.label)) vs \(c.second.name) (\(c.second.kind.label))")
        guard !c.rows.isEmpty else { message("Neither has a recorded position", content); return nil }
        let geo = CompareGeometry(rect: content, rows: c.rows.count)
        line(content, 0, summary(c))
        guard content.height > 1 else { return nil }
        let header = TextLayout.fit(rows.text(" Proposal", .dim), width: geo.titleWidth + 2, ellipsis: g.ellipsis, padStyle: .normal)
            + cell(rows.text(c.first.name, Style(.title, bold: true)), geo.stanceWidth)
            + cell(rows.text(c.second.name, Style(.title, bold: true)), geo.stanceWidth)
            + rows.text("agreement", .dim)
        line(content, 1, header)
        var cursor: CursorPosition?
        for r in 0..<geo.tableRows where 2 + r < content.height {
            let i = cur.top + r
            guard c.rows.indices.contains(i) else { line(content, 2 + r, []); continue }
            let selected = i == cur.row
            var glyphs = tableRow(c.rows[i], geo, selected: selected)
            if selected {
                for k in glyphs.indices { glyphs[k].style.role = .focusedSelection }
                buf.drawLine(glyphs, in: content, line: 2 + r, pad: Style(.focusedSelection))
                cursor = CursorPosition(row: content.row + 2 + r, col: content.col)
            } else {
                line(content, 2 + r, glyphs)
            }
        }
        guard let row = state.selectedComparisonRow, geo.ruleRow < content.row + content.height else { return cursor }
        let ruleTitle = TextLayout.truncate(rows.text(g.horizontal + g.horizontal + " ", .border)
                                            + rows.text("Quotes on " + row.proposal.title + " ", .title),
                                            width: content.width, ellipsis: g.ellipsis)
        let fill = max(0, content.width - TextLayout.width(ruleTitle))
        line(content, geo.ruleRow - content.row, ruleTitle + Array(repeating: StyledGlyph(g.horizontal, width: 1, style: .border), count: fill))
        drawComparisonQuotes(row, c, Rect(row: geo.quotesTop, col: content.col, width: content.width, height: geo.quotesHeight))
        return cursor
    }

    /// "3 proposals: 1 agree · 1 disagree · 1 one-sided".
    private func summary(_ c: Comparison) -> [StyledGlyph] {
        let order = ["agree", "close", "differ", "disagree", "one-sided"]
        var counts: [String: Int] = [:]
        for r in c.rows { counts[r.agreement.label, default: 0] += 1 }
        let parts = order.compactMap { k in counts[k].map { "\($0) \(k)" } }
        return rows.text("\(c.rows.count) proposal\(c.rows.count == 1 ? "" : "s") with a position from either: ", .dim)
            + rows.text(parts.joined(separator: " · "), Style(.normal, bold: true))
    }

    private func cell(_ glyphs: [StyledGlyph], _ width: Int) -> [StyledGlyph] {
        TextLayout.fit(glyphs, width: width, ellipsis: g.ellipsis, padStyle: .normal) + rows.text(" ")
    }

    private func stance(_ p: Position?) -> [StyledGlyph] {
        guard let p else { return rows.text("none", .dim) }
        return rows.text(g.stance(p.stance) + " " + p.stance.rawValue, Style(.stance(p.stance), bold: true))
    }

    private func tableRow(_ r: Comparison.Row, _ geo: CompareGeometry, selected: Bool) -> [StyledGlyph] {
        let marker = selected ? rows.text(g.marker, Style(.key, bold: true)) : rows.text(" ")
        let agreement: Style
        switch r.agreement {
        case .opposite: agreement = Style(.normal, bold: true)
        case .onlyFirst, .onlySecond: agreement = .dim
        default: agreement = .normal
        }
        return marker + TextLayout.fit(rows.text(r.proposal.title), width: geo.titleWidth, ellipsis: g.ellipsis, padStyle: .normal)
            + rows.text(" ") + cell(stance(r.first), geo.stanceWidth) + cell(stance(r.second), geo.stanceWidth)
            + rows.text(r.agreement.label, agreement)
    }

    /// Each side's stance and quotes with their sources; cut with a pointer to the pager.
    private mutating func drawComparisonQuotes(_ row: Comparison.Row, _ c: Comparison, _ rect: Rect) {
        guard rect.height > 0 else { return }
        var lines: [[StyledGlyph]] = []
        for (who, p) in [(c.first, row.first), (c.second, row.second)] {
            if !lines.isEmpty { lines.append([]) }
            lines += TextLayout.wrap(rows.text(who.name, Style(.title, bold: true)) + rows.text(" · ", .dim) + stance(p)
                                     + (p == nil ? rows.text(" (no recorded position)", .dim) : []), width: rect.width)
            guard let p else { continue }
            for q in p.quotes {
                for l in TextLayout.wrap(rows.text(q.text.quoted(g)), width: max(1, rect.width - 2)) { lines.append(rows.text("  ") + l) }
                let source = g.citationDash + Citation(q, of: p, in: corpus).source(unicode: g.isUnicode)
                for l in TextLayout.wrap(rows.text(source, .dim), width: max(1, rect.width - 4)) { lines.append(rows.text("    ") + l) }
            }
        }
        if lines.count > rect.height {
            lines = Array(lines.prefix(rect.height - 1)) + [rows.text(g.ellipsis + " more: o shows both in full", .dim)]
        }
        for r in 0..<rect.height { line(rect, r, r < lines.count ? lines[r] : []) }
    }

    private mutating func line(_ rect: Rect, _ r: Int, _ glyphs: [StyledGlyph]) {
        buf.drawLine(TextLayout.truncate(glyphs, width: rect.width, ellipsis: g.ellipsis), in: rect, line: r, pad: .normal)
    }
}
