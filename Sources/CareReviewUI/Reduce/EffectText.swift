import CareReview

/// Plain text for the pager and the clipboard, from the model's shared
/// renderings (`Citation`, `PositionText`): the pager shows what
/// `carereview show` prints, wrapped to the terminal, in Unicode on a UTF-8
/// terminal and ASCII elsewhere.
enum EffectText {
    /// Blocks wrapped to `width`, each at its indent, continuing at its hanging indent.
    static func wrap(_ blocks: [TextBlock], width: Int, glyphs: GlyphSet) -> String {
        let w = max(20, width - 1)
        var out: [String] = []
        for b in blocks {
            if b.kind == .blank { out.append(""); continue }
            let lead = min(max(b.indent, b.hangingIndent), w / 2)
            for (i, line) in TextLayout.wrap(b.text, width: w - lead, glyphs: glyphs).enumerated() {
                out.append(String(repeating: " ", count: i == 0 ? min(b.indent, lead) : lead) + line)
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func paragraphs(_ text: String, width: Int, glyphs: GlyphSet) -> String {
        TextLayout.wrap(text, width: max(20, width - 1), glyphs: glyphs).joined(separator: "\n") + "\n"
    }

    /// A quote with its citation, for the clipboard (never wrapped: it is pasted elsewhere).
    static func quote(_ c: Citation, glyphs: GlyphSet) -> String { c.plainText(unicode: glyphs.isUnicode) }

    static func position(_ p: Position, _ corpus: Corpus, width: Int, glyphs: GlyphSet, annotations: Annotations) -> String {
        let blocks = PositionText(unicode: glyphs.isUnicode)
            .blocks(p, in: corpus, note: annotations.notes[p.id], marked: annotations.marked.contains(p.id))
        return wrap(blocks, width: width, glyphs: glyphs)
    }

    static func proposal(_ row: ProposalRow, _ corpus: Corpus, width: Int, glyphs: GlyphSet) -> String {
        let p = row.proposal
        var blocks = [TextBlock(.heading, "\(p.title) [\(p.id)]"), TextBlock(.detail, "\(p.stage.label) · chapter \(p.theme.label)"),
                      .blank, TextBlock(.summary, p.summary), .blank]
        for s in Stance.allCases { blocks.append(TextBlock(.detail, "\(glyphs.stance(s)) \(s.rawValue): \(row.tally[s.rank])")) }
        if !p.reviewWords.isEmpty { blocks += [.blank, TextBlock(.heading, "The Review's words:")] }
        for q in p.reviewWords { blocks += PositionText.quote(Citation(reviewWords: q, in: corpus), indent: 2, unicode: glyphs.isUnicode) }
        return wrap(blocks, width: width, glyphs: glyphs)
    }

    static func article(_ d: Document, width: Int, glyphs: GlyphSet) -> String {
        let head = [d.title, d.citation] + (d.url.map { ["<\($0)>"] } ?? [])
        return paragraphs(head.joined(separator: "\n"), width: width, glyphs: glyphs) + "\n"
            + paragraphs(d.text, width: width, glyphs: glyphs)
    }

    static func hit(_ h: SearchHit, width: Int, glyphs: GlyphSet) -> String { paragraphs(h.text, width: width, glyphs: glyphs) }
}

extension State {
    /// `o` / `|`: the focused item to $PAGER.
    mutating func requestPager() {
        switch (current.screen, current.focusedPane) {
        case (.browse, .proposals):
            guard let i = proposalList.index(of: current.proposal) else { return }
            let row = proposalList.items[i]
            enqueue(.pager(title: row.proposal.title, text: EffectText.proposal(row, corpus, width: width, glyphs: glyphs)))
        case (.source(let doc), _):
            guard let d = corpus.document(doc) else { return }
            enqueue(.pager(title: d.title, text: EffectText.article(d, width: width, glyphs: glyphs)))
        case (.compare, _):
            guard let row = selectedComparisonRow else { return }
            let text = [row.first, row.second].compactMap { $0.map { EffectText.position($0, corpus, width: width, glyphs: glyphs, annotations: annotations) } }.joined(separator: "\n\n")
            enqueue(.pager(title: row.proposal.title, text: text))
        case (.search, _):
            guard let h = selectedHit else { return message = Message(text: "No result selected", isError: false) }
            enqueue(.pager(title: "Search result", text: EffectText.hit(h, width: width, glyphs: glyphs)))
        default:
            guard let p = presenter != nil ? slidePosition : selectedPosition ?? current.position.flatMap(corpus.position) else {
                return message = Message(text: "Nothing to show", isError: false)
            }
            enqueue(.pager(title: corpus.stakeholderName(p.stakeholder), text: EffectText.position(p, corpus, width: width, glyphs: glyphs, annotations: annotations)))
        }
    }

    /// `y`: the quote in focus with its citation.
    mutating func requestCopy() {
        if let ref = currentSourceQuote {
            enqueue(.copy(text: EffectText.quote(Citation(ref, in: corpus), glyphs: glyphs)))
        } else if let p = selectedPosition, !p.quotes.isEmpty {
            let q = p.quotes[max(0, min(current.quote, p.quotes.count - 1))]
            enqueue(.copy(text: EffectText.quote(Citation(q, of: p, in: corpus), glyphs: glyphs)))
        } else {
            message = Message(text: "No quote to copy here", isError: false)
        }
    }
}
