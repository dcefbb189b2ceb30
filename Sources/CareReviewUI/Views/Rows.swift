import Foundation
import CareReview
import TerminalText

/// One-line rows of the lists, fitted to a width.
struct Rows {
    let state: State
    var g: GlyphSet { state.glyphs }
    var corpus: Corpus { state.corpus }

    func text(_ s: String, _ style: Style = .normal) -> [StyledGlyph] { SafeGlyphs.make(s, style: style, glyphs: g) }

    /// A stakeholder's name in `width` columns: in full where it fits, else
    /// its short name (the acronym the data holds, such as ADCS), else cut.
    func name(_ s: Stakeholder, width: Int, style: Style = .normal) -> [StyledGlyph] {
        let full = text(s.name, style)
        if TextLayout.width(full) <= width { return full }
        if let short = Rows.shortName(s), DisplayWidth.of(short) <= width { return text(short, style) }
        return TextLayout.truncate(full, width: width, ellipsis: g.ellipsis)
    }

    func name(ofStakeholder id: String, width: Int, style: Style = .normal) -> [StyledGlyph] {
        corpus.stakeholder(id).map { name($0, width: width, style: style) }
            ?? TextLayout.truncate(text(id, style), width: width, ellipsis: g.ellipsis)
    }

    /// A proposal's title in `width` columns, else its acronym (RCC), else cut.
    func proposalName(_ id: String, width: Int, style: Style = .normal) -> [StyledGlyph] {
        guard let p = corpus.proposal(id) else { return text(id, style) }
        let full = text(p.title, style)
        if TextLayout.width(full) <= width { return full }
        if let short = p.aliases.filter({ a in a.count >= 2 && a.allSatisfy { $0.isUppercase || $0.isNumber } }).min(by: { $0.count < $1.count }),
           DisplayWidth.of(short) <= width { return text(short, style) }
        return TextLayout.truncate(full, width: width, ellipsis: g.ellipsis)
    }

    /// The shortest alias written as an acronym (ADCS, BASW), if any.
    static func shortName(_ s: Stakeholder) -> String? {
        s.aliases.filter { a in a.count >= 2 && a.count < s.name.count && a.allSatisfy { $0.isUppercase || $0.isNumber } }
            .min { $0.count < $1.count }
    }

    /// "◔ concerned" in the stance's style (the word always, never colour alone).
    func stanceLabel(_ s: Stance) -> [StyledGlyph] {
        text(g.stance(s) + " " + s.rawValue, Style(.stance(s), bold: true))
    }

    /// A stance glyph, with its letter beside it where the glyph's shape
    /// would otherwise carry the stance alone (no colour, or ASCII).
    /// In ASCII the letter replaces the two-character symbol (S Q M C O), so
    /// tallies stay narrow and "--" never has to be told from a dash.
    func stanceGlyph(_ s: Stance, style: Style? = nil) -> [StyledGlyph] {
        let shown = !g.isUnicode ? s.letter.uppercased() : g.stance(s) + (state.needsStanceLetters ? s.letter.uppercased() : "")
        return text(shown, style ?? Style(.stance(s), bold: true))
    }

    /// "●3 ◕2 ◑· ◔1 ○·": supports … opposes, glyph and count, zeros as a dot.
    func tally(_ counts: [Int], digits: Int) -> [StyledGlyph] {
        var out: [StyledGlyph] = []
        for s in Stance.allCases {
            if !out.isEmpty { out += text(" ") }
            let n = counts[s.rank]
            let number = n == 0 ? (g.isUnicode ? "·" : ".") : String(n)
            out += stanceGlyph(s)
            out += text(String(repeating: " ", count: max(0, digits - number.count)) + number, n == 0 ? .dim : .normal)
        }
        return out
    }

    /// The stances that have positions, glyph (and letter where needed) and count; "no positions" as a dot.
    func compactTally(_ counts: [Int]) -> [StyledGlyph] {
        var out: [StyledGlyph] = []
        for s in Stance.allCases where counts[s.rank] > 0 {
            if !out.isEmpty { out += text(" ") }
            out += stanceGlyph(s) + text(String(counts[s.rank]))
        }
        return out.isEmpty ? text(g.isUnicode ? "·" : ".", .dim) : out
    }

    func proposal(_ row: ProposalRow, width: Int, digits: Int) -> [StyledGlyph] {
        var right: [StyledGlyph] = []
        // Narrow panes: only the stances present ("◔2 ○1"), right-aligned, so the title gets the room.
        if width >= 60 { right = tally(row.tally, digits: digits) } else if width >= 24 { right = compactTally(row.tally) }
        if width >= 80 { right = text(TextLayout.truncate(row.proposal.stage.shortLabel, width: 10, glyphs: g).padded(10), .dim) + text(" ") + right }
        let titleWidth = max(1, width - TextLayout.width(right) - (right.isEmpty ? 0 : 1))
        var line = TextLayout.fit(text(row.proposal.title), width: titleWidth, ellipsis: g.ellipsis)
        if !right.isEmpty { line += text(" ") + right }
        return line
    }

    /// "● supports  Article 39  charity  summary…" (what depends on the width).
    /// In timeline order a date column follows the stance.
    func position(_ p: Position, width: Int, showProposal: Bool) -> [StyledGlyph] {
        var line = text(g.stance(p.stance) + " ", Style(.stance(p.stance), bold: true))
        line += TextLayout.fit(text(p.stance.rawValue, Style(.stance(p.stance))), width: 9, ellipsis: g.ellipsis) + text(" ")
        if state.timeline, width - TextLayout.width(line) >= 36 {
            line += TextLayout.fit(text(p.date.humanDescription, .dim), width: 11, ellipsis: g.ellipsis) + text(" ")
        }
        let rest = max(0, width - TextLayout.width(line))
        func label(_ w: Int) -> [StyledGlyph] {
            showProposal ? TextLayout.truncate(text(corpus.proposalTitle(p.proposal)), width: w, ellipsis: g.ellipsis)
                : name(ofStakeholder: p.stakeholder, width: w)
        }
        if rest < 30 { return line + label(rest) }
        // A stakeholder's positions: the proposal's title matters more than our summary.
        let nameWidth = showProposal ? min(max(16, rest * 3 / 5), 60) : min(max(12, rest * 2 / 5), 32)
        line += TextLayout.fit(label(nameWidth), width: nameWidth, ellipsis: g.ellipsis) + text(" ")
        if !showProposal, rest >= 60, let s = corpus.stakeholder(p.stakeholder) {
            line += TextLayout.fit(text(s.kind.label, .dim), width: 14, ellipsis: g.ellipsis) + text(" ")
        }
        return line + text(p.summary, .dim)
    }

    func heading(_ l: ListLine) -> [StyledGlyph] {
        switch l {
        case .theme(let t): return text(t.label, Style(.groupHeader, bold: true))
        case .stance(let s, let n):
            return text(g.stance(s) + " " + s.rawValue, Style(.stance(s), bold: true)) + text(" (\(n))", Style(.groupHeader))
        case .stage(let s, let n):
            return text(s.label, Style(.groupHeader, bold: true)) + text(" (\(n))", Style(.groupHeader))
        case .eventsHeading(let n):
            let checked = corpus.eventsCheckedUpTo.map { " · checked to \($0.humanDescription)" } ?? ""
            return text("What happened next", Style(.groupHeader, bold: true))
                + text(" (\(n)): government, not positions\(checked)", Style(.groupHeader))
        case .event(let i):
            guard let id = state.current.proposal, case let events = corpus.events(onProposal: id), events.indices.contains(i) else { return [] }
            let e = events[i]
            return text(" \(e.date.humanDescription) ", .dim) + text(e.kind.label.uppercased(), Style(.key, bold: true))
                + text(" \(e.instrument): ") + text(e.summary, .dim) + text(" \(g.citationDash)\(e.sourceTitle)", .dim)
        case .item: return []
        }
    }

    func hitKind(_ t: SearchHit.Target) -> String {
        switch t {
        case .proposalTitle, .proposalSummary: "proposal"
        case .stakeholderName, .stakeholderDescription: "stakeholder"
        case .positionSummary: "position"
        case .quote: "quote"
        case .reviewWords: "review"
        case .documentTitle: "article"
        case .passage: "passage"
        }
    }

    /// Whose or what a hit is about: a proposal title, a stakeholder, an article.
    func hitOwner(_ t: SearchHit.Target) -> String {
        switch t {
        case .proposalTitle(let id), .proposalSummary(let id), .reviewWords(let id, _): corpus.proposalTitle(id)
        case .stakeholderName(let id), .stakeholderDescription(let id): corpus.stakeholderName(id)
        case .positionSummary(let id), .quote(let id, _):
            corpus.position(id).map { corpus.stakeholderName($0.stakeholder) + " on " + corpus.proposalTitle($0.proposal) } ?? id
        case .documentTitle(let d), .passage(let d, _): corpus.document(d)?.title ?? d
        }
    }

    /// Hit text with its matches highlighted, starting a little before the first match.
    func snippet(_ hit: SearchHit, lead: Int = 12) -> [StyledGlyph] {
        var glyphs = highlighted(hit)
        if let first = hit.spans.first?.lowerBound, let i = glyphs.firstIndex(where: { $0.offset >= first }), i > lead {
            glyphs = text(g.ellipsis, .dim) + glyphs[(i - lead)...]
        }
        return glyphs
    }

    func highlighted(_ hit: SearchHit) -> [StyledGlyph] {
        var glyphs = SafeGlyphs.make(hit.text.replacingNewlines, glyphs: g)
        for i in glyphs.indices where hit.spans.contains(where: { $0.contains(glyphs[i].offset) }) {
            glyphs[i].style = Style(.highlight, bold: true)
        }
        return glyphs
    }

    /// "quote  ADCS on Regional commissioning (in 4 positions): …matched words…" —
    /// what it is, whose and about what, then the words; narrower, shorter names.
    func hit(_ hit: SearchHit, sharedBy others: Int = 0, width: Int) -> [StyledGlyph] {
        let kindWidth = width < 60 ? 8 : 11
        let kind = width < 60 ? hitKind(hit.target).replacingOccurrences(of: "stakeholder", with: "who")
            .replacingOccurrences(of: "position", with: "summary") : hitKind(hit.target)
        var line = TextLayout.fit(text(kind, .dim), width: kindWidth, ellipsis: g.ellipsis) + text(" ")
        let rest = max(0, width - kindWidth - 1)
        let shared = others > 0 ? text(" (in \(others + 1) positions)", .dim) : []
        // Whose words come first; the matched words get what is left (the preview shows them in full).
        let ownerWidth = max(width < 60 ? 14 : 8, (width < 60 ? rest * 3 / 5 : rest * 2 / 5) - TextLayout.width(shared))
        line += TextLayout.truncate(owner(hit.target, width: ownerWidth), width: ownerWidth, ellipsis: g.ellipsis) + shared
        return line + text(": ", .dim) + snippet(hit)
    }

    /// Whose: the stakeholder (its short name where the full one does not fit) and the proposal.
    func owner(_ t: SearchHit.Target, width: Int) -> [StyledGlyph] {
        let bold = Style(.normal, bold: true)
        switch t {
        case .positionSummary(let id), .quote(let id, _):
            guard let p = corpus.position(id) else { return text(id, bold) }
            let full = text(hitOwner(t), bold)
            if TextLayout.width(full) <= width { return full }
            let who = name(ofStakeholder: p.stakeholder, width: max(4, width / 2), style: bold)
            let room = max(1, width - TextLayout.width(who) - 4)
            return who + text(" on ", bold) + proposalName(p.proposal, width: room, style: bold)
        default: return text(hitOwner(t), bold)
        }
    }
}

extension String {
    /// In quotation marks, unless the text already is (some quotes in the
    /// data include their own).
    func quoted(_ glyphs: GlyphSet) -> String { Quotation.enclose(self, unicode: glyphs.isUnicode) }

    func padded(_ width: Int) -> String {
        let w = DisplayWidth.of(self)
        return w >= width ? self : self + String(repeating: " ", count: width - w)
    }

    /// One line: newlines become spaces (offsets stay the same: one scalar each).
    var replacingNewlines: String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0 == "\n" || $0 == "\r" ? " " : $0 }))
    }
}
