import CareReview

/// The detail of a position as wrapped lines: who, stance (glyph and word),
/// summary, then each quote in full with its document, author, publisher,
/// date and "reported by". `quoteLines[i]` is the first line of quote i.
struct DetailContent {
    var lines: [[StyledGlyph]] = []
    var quoteLines: [Int] = []

    init(position p: Position, selectedQuote: Int, corpus: Corpus, width: Int, glyphs: GlyphSet,
         annotations: Annotations = Annotations()) {
        guard width > 0 else { return }
        let stakeholder = corpus.stakeholder(p.stakeholder)
        var who = SafeGlyphs.make(stakeholder?.name ?? p.stakeholder, style: .title, glyphs: glyphs)
        if let s = stakeholder { who += SafeGlyphs.make(" · " + s.kind.label, style: .dim, glyphs: glyphs) }
        lines += TextLayout.wrap(who, width: width)
        // Who the stakeholder is, in the data's words.
        if let s = stakeholder, !s.description.isEmpty { add(s.description, .dim, width, glyphs, indent: 0) }
        var stance = SafeGlyphs.make(glyphs.stance(p.stance) + " " + p.stance.rawValue, style: Style(.stance(p.stance), bold: true), glyphs: glyphs)
        stance += SafeGlyphs.make(" on " + corpus.proposalTitle(p.proposal), style: .dim, glyphs: glyphs)
        lines += TextLayout.wrap(stance, width: width)
        add(p.date.humanDescription + (p.dateIsInferred ? ", inferred" : "") + " · " + corpus.stage(of: p).label, .dim, width, glyphs)
        lines.append([])
        add(p.summary, .normal, width, glyphs)
        // The reader's own mark and note, only when there are any.
        let marked = annotations.marked.contains(p.id), note = annotations.notes[p.id]
        if marked || note != nil { lines.append([]) }
        if marked { add(glyphs.mark + " marked for the brief", Role.key, width, glyphs) }
        if let note { add("Note: " + note, Role.input, width, glyphs) }
        for (i, q) in p.quotes.enumerated() {
            lines.append([])
            quoteLines.append(lines.count)
            let selected = i == selectedQuote
            let marker = selected ? glyphs.marker + " " : "  "
            let body = SafeGlyphs.make(q.text.quoted(glyphs), style: selected ? Style(.quote) : .normal, glyphs: glyphs)
            for (n, l) in TextLayout.wrap(body, width: max(1, width - 2)).enumerated() {
                let prefix = SafeGlyphs.make(n == 0 ? marker : "  ", style: Style(.key, bold: true), glyphs: glyphs)
                lines.append(prefix + l)
            }
            // The one citation every screen and export uses (author not repeated, marks not doubled).
            let c = Citation(q, of: p, in: corpus)
            add(glyphs.citationDash + c.title, .title, width, glyphs, indent: 2)
            if !c.details.isEmpty { add(c.details, .dim, width, glyphs, indent: 4) }
            if let by = c.reportedByText { add(by, .dim, width, glyphs, indent: 4) }
        }
    }

    private mutating func add(_ text: String, _ role: Role, _ width: Int, _ glyphs: GlyphSet) {
        add(text, Style(role, bold: true), width, glyphs)
    }

    private mutating func add(_ text: String, _ style: Style, _ width: Int, _ glyphs: GlyphSet, indent: Int = 0) {
        let pad = SafeGlyphs.make(String(repeating: " ", count: min(indent, max(0, width - 1))), style: style, glyphs: glyphs)
        for l in TextLayout.wrap(SafeGlyphs.make(text, style: style, glyphs: glyphs), width: max(1, width - pad.count)) {
            lines.append(pad + l)
        }
    }

    init(_ role: Role, _ text: String, width: Int, glyphs: GlyphSet) {
        add(text, Style(role), width, glyphs)
    }
}
