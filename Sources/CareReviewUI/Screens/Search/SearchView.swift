import CareReview

/// Search results and the preview of the selected hit.
extension PaneRenderer {
    mutating func drawResults(_ rect: Rect) -> CursorPosition? {
        let s = state.search
        if s.index == nil { message("indexing…", rect); return nil }
        if s.query.trimmingSpaces.isEmpty { message("Type to search proposals, stakeholders, quotes and articles", rect); return nil }
        if s.hits.isEmpty { message("No results for “\(s.query)”", rect); return nil }
        let lines = s.hits.indices.map { ListLine.item($0) }
        return drawList(lines, top: loc.top(.results), selectedLine: s.selected, rect, pane: .results,
                        grouped: false) { [rows] i, w in
            rows.hit(s.hits[i], sharedBy: s.others(i).count, width: w)
        }
    }

    mutating func drawPreview(_ rect: Rect) -> CursorPosition? {
        guard let hit = state.selectedHit else { message("", rect); return nil }
        var content = DetailContent(.title, rows.hitOwner(hit.target), width: rect.width, glyphs: g)
        content.lines += TextLayout.wrap(rows.text(rows.hitKind(hit.target), .dim), width: rect.width)
        let others = state.search.others(state.search.selected)
        if !others.isEmpty {
            content.lines += TextLayout.wrap(rows.text("Also quoted for: ", .dim) + rows.text(others.map { id in
                corpus.position(id).map { corpus.stakeholderName($0.stakeholder) + " on " + corpus.proposalTitle($0.proposal) } ?? id
            }.joined(separator: "; ")), width: rect.width)
        }
        content.lines.append([])
        content.lines += TextLayout.wrap(rows.highlighted(hit), width: rect.width)
        let top = Viewport.clampScroll(loc.top(.preview), lines: content.lines.count, height: rect.height)
        for r in 0..<rect.height {
            buf.drawLine(top + r < content.lines.count ? content.lines[top + r] : [], in: rect, line: r, pad: .normal)
        }
        return nil
    }
}
