import CareReview

/// Presenter mode's slides: a title line and nothing else of the chrome;
/// wide margins, blank lines between parts, the quote bold and wrapped
/// (double-spaced when there is room). The bottom line carries messages,
/// the line being typed and the key echo.
struct SlideRenderer {
    let state: State
    var g: GlyphSet { state.glyphs }
    var corpus: Corpus { state.corpus }
    func text(_ s: String, _ style: Style = .normal) -> [StyledGlyph] { SafeGlyphs.make(s, style: style, glyphs: g) }

    /// The text column: margins of a twelfth, lines no wider than 88.
    static func column(width: Int, height: Int) -> Rect {
        let margin = max(2, min(12, width / 12))
        let w = min(88, width - 2 * margin)
        return Rect(row: 2, col: (width - w) / 2, width: w, height: max(0, height - 4))
    }

    func titleLine(width: Int, _ p: Presenter) -> [StyledGlyph] {
        let style = Style(.chrome, bold: true)
        let total = state.slidePositions(p.proposal).count + 1
        let pages = state.slidePageCount
        let right = text("  \(p.slide + 1)/\(total)" + (pages > 1 ? " (\(p.page + 1)/\(pages))" : "") + " ", style)
        let left = text(" " + corpus.proposalTitle(p.proposal), style)
        return TextLayout.fit(left, width: max(0, width - TextLayout.width(right)), ellipsis: g.ellipsis, padStyle: style) + right
    }

    /// Slide 0: the proposal, its stage and chapter, summary, and the tally in words.
    func proposalSlide(_ id: String, width: Int) -> [[StyledGlyph]] {
        guard let p = corpus.proposal(id) else { return [] }
        var lines = TextLayout.wrap(text(p.title, Style(.title, bold: true)), width: width)
        lines += TextLayout.wrap(text(p.stage.label + " · chapter " + p.theme.label, .dim), width: width)
        lines.append([])
        lines += TextLayout.wrap(text(p.summary), width: width)
        lines.append([])
        let tally = corpus.stanceTally(ofProposal: id, filter: state.filter)
        for s in Stance.allCases {
            let n = tally[s.rank]
            lines.append(text("  " + g.stance(s) + "  ", Style(.stance(s), bold: true))
                         + TextLayout.fit(text(s.rawValue, Style(.stance(s))), width: 11, ellipsis: g.ellipsis)
                         + text(String(n), n == 0 ? .dim : Style(.normal, bold: true)))
        }
        let count = state.slidePositions(id).count
        lines.append([])
        lines.append(text("\(count) position\(count == 1 ? "" : "s")" + (count > 0 ? ", one per slide: Space or \(Key.right.label(g)) for the next" : ""), .dim))
        return lines
    }

    /// Who, then the stance as glyph and word (and the mark).
    func positionHead(_ p: Position, width: Int) -> [[StyledGlyph]] {
        var head: [[StyledGlyph]] = []
        let s = corpus.stakeholder(p.stakeholder)
        head += TextLayout.wrap(text(s?.name ?? p.stakeholder, Style(.title, bold: true))
                                + text(s.map { " · " + $0.kind.label } ?? "", .dim), width: width)
        head.append([])
        var stance = text(g.stance(p.stance) + "  " + p.stance.rawValue, Style(.stance(p.stance), bold: true))
        if state.annotations.marked.contains(p.id) { stance += text("   " + g.mark + " marked", Style(.key, bold: true)) }
        head.append(stance)
        return head
    }

    /// The position's quotes in pages that fit the slide: as many whole
    /// quotes on a page as fit, the rest on sub-slides; a quote too long for
    /// any page has a page of its own (cut, and saying so).
    func quotePages(_ p: Position, width: Int, height: Int) -> [[Int]] {
        let headRows = positionHead(p, width: width).count
        let room = height - headRows - 2   // a footer line and the blank above it
        var pages: [[Int]] = [], page: [Int] = [], used = 0
        for (i, q) in p.quotes.enumerated() {
            let block = quoteBlock(q, p, width: width)
            let rows = 1 + block.quote.count + block.source.count
            if !page.isEmpty, used + rows > room { pages.append(page); page = []; used = 0 }
            page.append(i); used += rows
        }
        if !page.isEmpty { pages.append(page) }
        return pages.isEmpty ? [[]] : pages
    }

    /// One page of a position's slide. Quotes are double-spaced when the
    /// page has room; the source always shows, and a cut quote says so.
    func positionSlide(_ p: Position, page: Int, width: Int, height: Int) -> [[StyledGlyph]] {
        let head = positionHead(p, width: width)
        let pages = quotePages(p, width: width, height: height)
        let indices = pages[max(0, min(page, pages.count - 1))]
        let blocks = indices.map { quoteBlock(p.quotes[$0], p, width: width) }
        var footer: [StyledGlyph] = []
        if pages.count > 1 {
            let first = indices.first.map { $0 + 1 } ?? 0, last = indices.last.map { $0 + 1 } ?? 0
            footer = text("quote\(first == last ? " \(first)" : "s \(first)–\(last)") of \(p.quotes.count)"
                          + (page + 1 < pages.count ? " · \(Key.right.label(g)) for the next" : ""), .dim)
        }
        for spacing in [2, 1] {
            var lines = head
            for b in blocks {
                lines.append([])
                for (k, l) in b.quote.enumerated() {
                    if spacing == 2 && k > 0 { lines.append([]) }
                    lines.append(l)
                }
                lines += b.source
            }
            if !footer.isEmpty { lines += [[], footer] }
            if lines.count <= height { return lines }
        }
        // Too long even single-spaced: cut the quote, keep its source, say so.
        guard let b = blocks.first else { return head }
        let note = text("\(g.ellipsis) cut to fit: o shows it all", Style(.key, bold: true))
        let source = b.source.filter { !$0.isEmpty }
        let keep = max(1, height - head.count - source.count - 1)
        var quote = Array(b.quote.prefix(keep))
        if quote.count < b.quote.count, let lastLine = quote.popLast() {
            quote.append(TextLayout.truncate(lastLine + text(" ") + b.quote[quote.count + 1], width: width, ellipsis: g.ellipsis))
        }
        var lines = head + quote + source + [note]
        if lines.count > height { lines = Array(lines.prefix(height - 1)) + [note] }
        return lines
    }

    func quoteBlock(_ q: Quote, _ p: Position, width: Int) -> (quote: [[StyledGlyph]], source: [[StyledGlyph]]) {
        let quote = TextLayout.wrap(text(q.text.quoted(g), Style(.normal, bold: true)), width: width)
        let c = Citation(q, of: p, in: corpus)
        var lines = TextLayout.wrap(text(g.citationDash + c.source(unicode: g.isUnicode), .dim), width: width)
        if let url = c.url { lines += TextLayout.wrap(text(url, .dim), width: width) }
        return (quote, [[]] + lines)
    }
}

/// Draws presenter mode into the buffer (the size is already checked).
func renderPresenter(_ state: State, _ p: Presenter, layout: ScreenLayout, into buf: inout ScreenBuffer) {
    let slides = SlideRenderer(state: state)
    let full = Rect(row: 0, col: 0, width: buf.width, height: buf.height)
    buf.fill(full, style: .normal)
    buf.drawLine(slides.titleLine(width: buf.width, p), in: layout.header, line: 0, pad: Style(.chrome))
    let column = SlideRenderer.column(width: buf.width, height: buf.height)
    let lines = state.slidePosition.map { slides.positionSlide($0, page: p.page, width: column.width, height: column.height) }
        ?? slides.proposalSlide(p.proposal, width: column.width)
    // A little above the middle reads best on a shared screen.
    let top = max(0, (column.height - lines.count) / 3)
    for (i, l) in lines.prefix(column.height - top).enumerated() {
        buf.drawLine(TextLayout.truncate(l, width: column.width, ellipsis: state.glyphs.ellipsis), in: column, line: top + i, pad: .normal)
    }
    buf.cursor = CursorPosition(row: column.row + top, col: column.col)

    if state.mode == .help {
        var panes = PaneRenderer(state: state, layout: layout, buf: buf)
        let cursor = panes.drawHelp()
        buf = panes.buf
        buf.cursor = cursor
    }
    let chrome = ChromeRenderer(state: state)
    if state.mode.isLineInput {
        let (line, col) = chrome.messageLine(width: buf.width)
        buf.drawLine(line, in: layout.messageLine, line: 0, pad: .normal)
        if let col { buf.cursor = CursorPosition(row: layout.messageLine.row, col: col) }
    } else {
        let echo = chrome.keyEcho(width: buf.width / 2)
        let left = state.message.map { chrome.text($0.text, Style($0.isError ? .error : .dim, bold: $0.isError)) } ?? []
        let room = buf.width - TextLayout.width(echo)
        buf.drawLine(TextLayout.fit(left, width: room, ellipsis: state.glyphs.ellipsis, padStyle: .normal) + echo,
                     in: layout.messageLine, line: 0, pad: .normal)
    }
}
