import CareReview

/// The browse screen's panes: proposals, the positions on one, a position in detail.
/// The stakeholder screen shares the positions list and the detail.
extension PaneRenderer {
    mutating func drawProposals(_ rect: Rect) -> CursorPosition? {
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

    mutating func drawPositions(_ list: GroupedList<Position>, _ rect: Rect, pane: Pane, showProposal: Bool,
                                        empty: String) -> CursorPosition? {
        let banner = state.banner(for: pane, width: rect.width, height: rect.height)
        drawBanner(banner, rect)
        let rect = rect.dropping(top: banner.count)
        // A proposal with no positions may still have events to show.
        guard !list.lines.isEmpty else { message(empty, rect); return nil }
        let selected = list.index(of: loc.position).map { list.lineOfItem[$0] }
        let marked = state.annotations.marked
        return drawList(list.lines, top: loc.top(pane), selectedLine: selected, rect, pane: pane,
                        grouped: list.lines.count > list.items.count,
                        marked: { marked.contains(list.items[$0].id) }) { [rows] i, w in
            rows.position(list.items[i], width: w, showProposal: showProposal)
        }
    }

    mutating func drawDetail(_ rect: Rect) -> CursorPosition? {
        guard let p = loc.position.flatMap(corpus.position) else { message("No position selected", rect); return nil }
        let content = DetailContent(position: p, selectedQuote: loc.quote, corpus: corpus, width: rect.width, glyphs: g,
                                    annotations: state.annotations)
        let top = drawScrolled(content.lines, .detail, rect)
        guard isFocused(.detail) else { return nil }
        let quoteLine = content.quoteLines.indices.contains(loc.quote) ? content.quoteLines[loc.quote] : top
        let row = quoteLine >= top && quoteLine < top + rect.height ? quoteLine - top : 0
        return CursorPosition(row: rect.row + row, col: rect.col)
    }

    /// Lines scrolled to the pane's top; "more ↓" on the last row when text
    /// goes on below it. Returns the top line used.
    @discardableResult
    mutating func drawScrolled(_ lines: [[StyledGlyph]], _ pane: Pane, _ rect: Rect) -> Int {
        let top = Viewport.clampScroll(loc.top(pane), lines: lines.count, height: rect.height)
        // More below: the last row is the marker's alone, so it never covers text.
        let more = top + rect.height < lines.count && rect.height > 1
        for r in 0..<(more ? rect.height - 1 : rect.height) {
            let i = top + r
            buf.drawLine(i < lines.count ? lines[i] : [], in: rect, line: r, pad: .normal)
        }
        if more {
            let marker = rows.text(g.moreBelow + " ", Style(.key, bold: true))
            let pad = max(0, rect.width - TextLayout.width(marker))
            buf.drawLine(rows.text(String(repeating: " ", count: pad)) + marker, in: rect, line: rect.height - 1, pad: .normal)
        }
        return top
    }

    /// Above a positions list: what it is about — the proposal's full title,
    /// its summary and the Review's own words; or the stakeholder's description.
    mutating func drawBanner(_ lines: [[StyledGlyph]], _ rect: Rect) {
        for (r, l) in lines.enumerated() where r < rect.height {
            buf.drawLine(l, in: rect, line: r, pad: .normal)
        }
    }
}

extension State {
    /// Rows above a positions list saying what it is about; none when the
    /// pane is short. Shared by the renderer and the reducer (paging, mouse).
    func banner(for pane: Pane, width: Int, height: Int) -> [[StyledGlyph]] {
        guard pane == .positions, height >= 12, width >= 20 else { return [] }
        let rows = Rows(state: self)
        let limit = height >= 24 ? 2 : 1
        func clip(_ text: [StyledGlyph], _ n: Int) -> [[StyledGlyph]] {
            let lines = TextLayout.wrap(text, width: width)
            guard lines.count > n else { return lines }
            // The last line kept runs on into the next, so the cut (…) falls at a word boundary.
            let last = TextLayout.truncate(lines[n - 1] + rows.text(" ") + lines[n], width: width, ellipsis: glyphs.ellipsis)
            return Array(lines.prefix(n - 1)) + [last]
        }
        var out: [[StyledGlyph]] = []
        switch current.screen {
        case .browse:
            guard let p = current.proposal.flatMap(corpus.proposal) else { return [] }
            out += clip(rows.text(p.title, Style(.title, bold: true)), 2)
            out += clip(rows.text(p.summary, .dim), limit)
            if let words = p.reviewWords.first, height >= 20 {
                out += clip(rows.text("The Review: ", Style(.groupHeader, bold: true)) + rows.text(words.text.quoted(glyphs)), limit)
            }
        case .stakeholder(let id):
            guard let s = corpus.stakeholder(id) else { return [] }
            out += clip(rows.text(s.description, .dim), limit + 1)
        default: return []
        }
        out.append(Array(repeating: StyledGlyph(glyphs.horizontal, width: 1, style: .border), count: width))
        return out
    }
}
