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

    /// Draws one pane and returns where its cursor goes (the selected row).
    mutating func draw(_ pane: Pane, _ rect: Rect) -> CursorPosition? {
        let content = rect.dropping(top: ScreenLayout.headerRows(pane))
        switch (loc.screen, pane) {
        case (.browse, .proposals):
            title(pane, rect, "Proposals (\(state.proposalList.items.count)) · by \(state.sortLabel)")
            return drawProposals(content)
        case (.browse, .positions):
            // The proposal's full title is in the banner below, when there is room for one.
            let name = state.banner(for: .positions, width: content.width, height: content.height).isEmpty
                ? " on " + (loc.proposal.map(corpus.proposalTitle) ?? "—") : ""
            title(pane, rect, "Positions (\(state.positionList.items.count))\(state.timeline ? " by date" : "")\(name)")
            return drawPositions(state.positionList, content, pane: pane, showProposal: false,
                                 empty: "No positions" + (state.filter.isEmpty ? "" : " under the filter (F clears)"))
        case (.stakeholder(let id), .positions):
            let s = corpus.stakeholder(id)
            title(pane, rect, "\(s?.name ?? id) · \(s?.kind.label ?? "") · \(state.stakeholderList.items.count) positions"
                  + (state.timeline ? " by date" : ""))
            return drawPositions(state.stakeholderList, content, pane: pane, showProposal: true, empty: "No positions")
        case (_, .detail):
            title(pane, rect, "Position")
            return drawDetail(content)
        case (.source(let doc), .article):
            return drawArticle(doc, rect, content)
        case (_, .results):
            title(pane, rect, state.search.query.isEmpty ? "Search" : "Results for “\(state.search.query)” (\(state.search.hits.count))")
            return drawResults(content)
        case (_, .preview):
            title(pane, rect, "Result")
            return drawPreview(content)
        case (.matrix, .matrix):
            return drawMatrix(rect, content)
        case (.compare, .comparison):
            return drawComparison(rect, content)
        case (.stakeholders, .index):
            return drawStakeholderIndex(rect, content)
        case (.stakeholders, .about):
            return drawStakeholderAbout(rect, content)
        default:
            return nil
        }
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
