import CareReview

/// The source reader: an article scrolled to a quote, coded quotes underlined.
extension PaneRenderer {
    mutating func drawArticle(_ doc: String, _ rect: Rect, _ content: Rect) -> CursorPosition? {
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
        if let s = state.activeSelection, !s.range.isEmpty { info = "selected \(s.range.count) characters · " + info }
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
        let selected = state.coding.selection.flatMap { $0.document == doc ? $0.range : nil } ?? 0..<0
        var cursorRow: Int?
        for r in 0..<content.height {
            let i = first + r
            guard i < a.lines.count else { buf.drawLine([], in: content, line: r, pad: .normal); continue }
            var line = a.lines[i]
            for k in line.indices {
                let o = line[k].offset
                if selected.contains(o) { line[k].style = Style(.focusedSelection, bold: true) }
                else if loc.marks.contains(where: { $0.contains(o) }) { line[k].style = Style(.highlight, bold: true) }
                else if currentRange.contains(o) {
                    line[k].style = Style(.quote)
                    if cursorRow == nil { cursorRow = r }
                } else if others.contains(where: { $0.contains(o) }) { line[k].style = Style(.otherQuote) }
            }
            buf.drawLine(line, in: content, line: r, pad: .normal)
        }
        return CursorPosition(row: content.row + (cursorRow ?? 0), col: content.col)
    }
}
