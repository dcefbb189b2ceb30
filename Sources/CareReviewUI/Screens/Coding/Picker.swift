import CareReview

/// One row of a coding picker; `id` nil is "new…".
public struct PickerItem: Hashable, Sendable {
    public let id: String?
    public let label: String
    public let detail: String
}

/// Fuzzy matching for the pickers: every word typed must occur in the
/// label or detail, whole (best), at a word's start, or as letters in order.
enum Fuzzy {
    static func score(_ query: String, _ candidate: String) -> Int? {
        let c = TextFolding.fold(candidate)
        var total = 0
        for word in TextFolding.fold(query).split(separator: " ") {
            let w = String(word)
            if let r = c.range(of: w) {
                total += 10 + (r.lowerBound == c.startIndex || c[c.index(before: r.lowerBound)] == " " ? 5 : 0)
            } else if isSubsequence(w, of: c) {
                total += 1
            } else {
                return nil
            }
        }
        return total
    }

    private static func isSubsequence(_ w: String, of c: String) -> Bool {
        var it = c.makeIterator()
        for ch in w { while true { guard let x = it.next() else { return false }; if x == ch { break } } }
        return true
    }

    /// Items matching the query, best first (ties keep their order).
    static func filter(_ items: [PickerItem], _ query: String) -> [PickerItem] {
        guard !query.trimmingSpaces.isEmpty else { return items }
        return items.enumerated().compactMap { i, item in Fuzzy.score(query, item.label + " " + item.detail).map { (item, $0, i) } }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.2 < $1.2 }.map(\.0)
    }
}

extension State {
    /// The rows of the picker on screen, narrowed by what is typed.
    public var pickerItems: [PickerItem] {
        guard mode == .coding, let f = coding.flow else { return [] }
        let query = line.text
        switch f.step {
        case .stakeholder:
            // Who is already quoted in this article comes first: the likeliest speaker of the next quote.
            var here: Set<String> = []
            if case .code(let q) = f.purpose {
                for ref in corpus.quotes(inDocument: q.document) {
                    if case .position(let id) = ref.owner, let p = corpus.position(id) { here.insert(p.stakeholder) }
                }
            }
            let all = corpus.stakeholders
                .sorted { (here.contains($0.id) ? 0 : 1, $0.name.lowercased()) < (here.contains($1.id) ? 0 : 1, $1.name.lowercased()) }
                .map { PickerItem(id: $0.id, label: $0.name, detail: $0.kind.rawValue + (here.contains($0.id) ? " · in this article" : "")) }
            return Fuzzy.filter(all, query) + [PickerItem(id: nil, label: newLabel("stakeholder", query), detail: "")]
        case .proposal:
            let s = f.stakeholder
            var document: String?
            if case .code(let q) = f.purpose { document = q.document }
            let all = corpus.proposals.map { p in
                let theirs = corpus.positions(onProposal: p.id).filter { $0.stakeholder == s }
                let joins = theirs.contains { $0.quotes.contains { $0.document == document } }
                let note = joins ? " · joins their position" : theirs.isEmpty ? "" : " · has a position"
                return PickerItem(id: p.id, label: p.title, detail: "ch \(p.theme.rawValue)" + note)
            }
            return Fuzzy.filter(all, query) + [PickerItem(id: nil, label: newLabel("proposal", query), detail: "")]
        case .stakeholderKind:
            return Fuzzy.filter(StakeholderKind.allCases.map { PickerItem(id: $0.rawValue, label: $0.rawValue, detail: "") }, query)
        case .proposalChapter:
            return Fuzzy.filter(Theme.allCases.map { PickerItem(id: String($0.rawValue), label: $0.label, detail: "") }, query)
        default: return []
        }
    }

    private func newLabel(_ what: String, _ query: String) -> String {
        query.trimmingSpaces.isEmpty ? "new \(what)…" : "new \(what) “\(query.trimmingSpaces)”…"
    }
}

extension PaneRenderer {
    /// The picker of a coding prompt, in a box over the screen.
    mutating func drawPicker() -> CursorPosition? {
        guard let f = state.coding.flow, f.step.isPicker else { return nil }
        let items = state.pickerItems
        var lines: [[StyledGlyph]] = items.map { item in
            SafeGlyphs.make(item.label, style: item.id == nil ? Style(.key, bold: true) : .normal, glyphs: g)
                + SafeGlyphs.make(item.detail.isEmpty ? "" : "  " + item.detail, style: .dim, glyphs: g)
        }
        if lines.isEmpty { lines = [SafeGlyphs.make("nothing matches", style: .dim, glyphs: g)] }
        let what: String
        switch f.step {
        case .stakeholder: what = "Who says it? Stakeholder"
        case .stakeholderKind: what = "Kind of the new stakeholder"
        case .proposal: what = "On what? Proposal"
        default: what = "Chapter of the new proposal"
        }
        var title = what
        if case .code(let q) = f.purpose {
            let words = q.text.count > 30 ? String(q.text.prefix(30)) + g.ellipsis : q.text
            title += " for “\(words)”"
        }
        return drawOverlay(title: title, lines: lines, top: 0, selected: items.isEmpty ? nil : min(f.cursor, items.count - 1), maxWidth: 100)
    }
}

extension ChromeRenderer {
    /// The message line while coding: the prompt and the line being typed, or the stance keys.
    func codingPrompt(width: Int) -> ([StyledGlyph], Int?) {
        guard let f = state.coding.flow else { return ([], nil) }
        if f.step == .stance {
            var out = text("Stance ", Style(.key, bold: true))
            for (i, s) in Stance.allCases.enumerated() {
                let current = f.stance == s
                out += text(" \(i + 1) ", Style(.key, bold: true)) + text(g.stance(s) + " ", Style(.stance(s)))
                    + text(s.rawValue, Style(current ? .normal : .dim, bold: current))
            }
            // The keys that stop or keep, where they fit; a complaint before them.
            var tail = text("  Esc stops", .dim)
            if let m = state.message, m.isError { tail = text("  " + m.text, Style(.error, bold: true)) }
            if case .edit = f.purpose { tail = text("  Enter keeps", .dim) + tail }
            if TextLayout.width(out) + TextLayout.width(tail) <= width { out += tail }
            return (TextLayout.truncate(out, width: width, ellipsis: g.ellipsis), nil)
        }
        let prompt: String
        switch f.step {
        case .find: prompt = "Find: "
        case .stakeholder, .proposal, .stakeholderKind, .proposalChapter: prompt = "Type to narrow: "
        case .stakeholderName: prompt = "New stakeholder’s name: "
        case .stakeholderDescription: prompt = "Who they are (one line): "
        case .proposalTitle: prompt = "New proposal’s title: "
        case .proposalSummary: prompt = "What it proposes (one line): "
        default: prompt = "Summary in your words (Ctrl-E $EDITOR): "
        }
        var glyphs = text(prompt, Style(.key, bold: true))
        let chars = state.line.characters
        let before = text(String(chars[..<state.line.cursor]), Style(.input))
        var cursor = TextLayout.width(glyphs) + TextLayout.width(before)
        glyphs += before + text(String(chars[state.line.cursor...]), Style(.input))
        if let m = state.message, m.isError { glyphs += text("  " + m.text, Style(.error, bold: true)) }
        // Long lines show their tail, so the cursor stays on screen.
        if cursor >= width, width > 0 {
            var dropped = 0, k = 0
            while k < glyphs.count, dropped < cursor - width + 1 { dropped += glyphs[k].width; k += 1 }
            glyphs = Array(glyphs[k...])
            cursor -= dropped
        }
        return (TextLayout.truncate(glyphs, width: width, ellipsis: g.ellipsis), min(cursor, max(0, width - 1)))
    }

    /// The hint line while selecting.
    var selectionHints: [(Command, String)] {
        [(.codeSelection, "code"), (.extendSelection(.wordForward), "word"), (.extendSelection(.sentenceForward), "sentence"),
         (.extendSelection(.paragraphForward), "paragraph"), (.findInSelection, "find"), (.swapSelectionEnds, "other end"),
         (.cancel, "stop")]
    }
}
