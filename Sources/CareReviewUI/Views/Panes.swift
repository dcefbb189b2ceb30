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
            let name = loc.proposal.map(corpus.proposalTitle) ?? "—"
            title(pane, rect, "Positions (\(state.positionList.items.count))\(state.timeline ? " by date" : "") on \(name)")
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
        default:
            return nil
        }
    }

    /// Items under group headings are indented one column; a marked item
    /// shows the mark glyph there instead.
    private mutating func drawList(_ lines: [ListLine], top: Int, selectedLine: Int?, _ rect: Rect, pane: Pane,
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

    private mutating func drawProposals(_ rect: Rect) -> CursorPosition? {
        let list = state.proposalList
        guard !list.isEmpty else { message("No proposals match the filter (F clears)", rect); return nil }
        let top = loc.top(.proposals)
        let visible = list.lines[min(top, list.lines.count)...].prefix(rect.height)
        let maxCount = visible.compactMap { if case .item(let i) = $0 { list.items[i].tally.max() } else { nil } }.max() ?? 0
        let digits = String(maxCount).count
        let selected = list.index(of: loc.proposal).map { list.lineOfItem[$0] }
        return drawList(list.lines, top: top, selectedLine: selected, rect, pane: .proposals,
                        grouped: list.lines.count > list.items.count) { [rows] i, w in
            rows.proposal(list.items[i], width: w, digits: digits)
        }
    }

    private mutating func drawPositions(_ list: GroupedList<Position>, _ rect: Rect, pane: Pane, showProposal: Bool,
                                        empty: String) -> CursorPosition? {
        guard !list.isEmpty else { message(empty, rect); return nil }
        let selected = list.index(of: loc.position).map { list.lineOfItem[$0] }
        let marked = state.annotations.marked
        return drawList(list.lines, top: loc.top(pane), selectedLine: selected, rect, pane: pane,
                        grouped: list.lines.count > list.items.count,
                        marked: { marked.contains(list.items[$0].id) }) { [rows] i, w in
            rows.position(list.items[i], width: w, showProposal: showProposal)
        }
    }

    private mutating func drawDetail(_ rect: Rect) -> CursorPosition? {
        guard let p = loc.position.flatMap(corpus.position) else { message("No position selected", rect); return nil }
        let content = DetailContent(position: p, selectedQuote: loc.quote, corpus: corpus, width: rect.width, glyphs: g,
                                    annotations: state.annotations)
        let top = Viewport.clampScroll(loc.top(.detail), lines: content.lines.count, height: rect.height)
        for r in 0..<rect.height {
            let i = top + r
            buf.drawLine(i < content.lines.count ? content.lines[i] : [], in: rect, line: r, pad: .normal)
        }
        guard isFocused(.detail) else { return nil }
        let quoteLine = content.quoteLines.indices.contains(loc.quote) ? content.quoteLines[loc.quote] : top
        let row = quoteLine >= top && quoteLine < top + rect.height ? quoteLine - top : 0
        return CursorPosition(row: rect.row + row, col: rect.col)
    }

    private mutating func drawArticle(_ doc: String, _ rect: Rect, _ content: Rect) -> CursorPosition? {
        guard let d = corpus.document(doc) else { return nil }
        title(.article, rect, d.title)
        let quotes = corpus.quotes(inDocument: doc)
        var info = d.citation
        if quotes.indices.contains(loc.quote) {
            let ref = quotes[loc.quote]
            info += " · quote \(loc.quote + 1)/\(quotes.count)"
            switch ref.owner {
            case .position(let id):
                if let p = corpus.position(id) {
                    info += ": \(corpus.stakeholderName(p.stakeholder)) \(g.stance(p.stance)) \(p.stance.rawValue)"
                }
            case .review: info += ": the Review's words"
            }
        } else if !quotes.isEmpty {
            info += " · \(quotes.count) coded quotes"
        }
        if rect.height > 1 {
            buf.drawLine(TextLayout.truncate(rows.text(info, .dim), width: rect.width, ellipsis: g.ellipsis),
                         in: rect, line: 1, pad: .normal)
        }
        let a = state.article.flatMap { $0.matches(doc, width: content.width, glyphs: g) ? $0 : nil }
            ?? ArticleLayout(document: d, width: content.width, glyphs: g)
        let first = loc.tops[0] < 0 ? 0 : a.line(containing: loc.tops[0])
        let currentRange = quotes.indices.contains(loc.quote) ? quotes[loc.quote].quote.start..<quotes[loc.quote].quote.end : 0..<0
        // Only quotes that can touch the visible lines are checked.
        let visibleStart = a.starts.indices.contains(first) ? a.starts[first] : 0
        let others = quotes.map { $0.quote.start..<$0.quote.end }.filter { $0.upperBound > visibleStart }
        var cursorRow: Int?
        for r in 0..<content.height {
            let i = first + r
            guard i < a.lines.count else { buf.drawLine([], in: content, line: r, pad: .normal); continue }
            var line = a.lines[i]
            for k in line.indices {
                let o = line[k].offset
                if loc.marks.contains(where: { $0.contains(o) }) { line[k].style = Style(.highlight, bold: true) }
                else if currentRange.contains(o) {
                    line[k].style = Style(.quote)
                    if cursorRow == nil { cursorRow = r }
                } else if others.contains(where: { $0.contains(o) }) { line[k].style = Style(.otherQuote) }
            }
            buf.drawLine(line, in: content, line: r, pad: .normal)
        }
        return CursorPosition(row: content.row + (cursorRow ?? 0), col: content.col)
    }

    private mutating func drawResults(_ rect: Rect) -> CursorPosition? {
        let s = state.search
        if s.index == nil { message("indexing…", rect); return nil }
        if s.query.trimmingSpaces.isEmpty { message("Type to search proposals, stakeholders, quotes and articles", rect); return nil }
        if s.hits.isEmpty { message("No results for “\(s.query)”", rect); return nil }
        let lines = s.hits.indices.map { ListLine.item($0) }
        return drawList(lines, top: loc.top(.results), selectedLine: s.selected, rect, pane: .results,
                        grouped: false) { [rows] i, w in
            rows.hit(s.hits[i], width: w)
        }
    }

    private mutating func drawPreview(_ rect: Rect) -> CursorPosition? {
        guard let hit = state.selectedHit else { message("", rect); return nil }
        var content = DetailContent(.title, rows.hitOwner(hit.target), width: rect.width, glyphs: g)
        content.lines += TextLayout.wrap(rows.text(rows.hitKind(hit.target), .dim), width: rect.width)
        content.lines.append([])
        content.lines += TextLayout.wrap(rows.highlighted(hit), width: rect.width)
        let top = Viewport.clampScroll(loc.top(.preview), lines: content.lines.count, height: rect.height)
        for r in 0..<rect.height {
            buf.drawLine(top + r < content.lines.count ? content.lines[top + r] : [], in: rect, line: r, pad: .normal)
        }
        return nil
    }
}
