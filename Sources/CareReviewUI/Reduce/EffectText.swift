import CareReview

/// Plain text for the pager and the clipboard: a quote with its citation,
/// a position, a proposal, or a whole article.
enum EffectText {
    static func citation(_ q: Quote, _ corpus: Corpus, reportedBy: String?) -> String {
        guard let d = corpus.document(q.document) else { return q.document }
        var c = "“\(d.title)”"
        if !d.citation.isEmpty { c += ", " + d.citation }
        if let url = d.url { c += ", <\(url)>" }
        if let by = reportedBy { c += " (reported by \(by))" }
        return c
    }

    static func quote(_ q: Quote, of p: Position?, _ corpus: Corpus) -> String {
        let who = p.map { corpus.stakeholderName($0.stakeholder) + ", " } ?? ""
        return "“\(q.text)”\n— \(who)\(citation(q, corpus, reportedBy: p?.reportedBy))\n"
    }

    static func position(_ p: Position, _ corpus: Corpus) -> String {
        let s = corpus.stakeholder(p.stakeholder)
        var out = "\(s?.name ?? p.stakeholder) (\(s?.kind.label ?? "")) — \(p.stance.symbol) \(p.stance.rawValue)\n"
        out += "on: \(corpus.proposalTitle(p.proposal))\n\(p.date.humanDescription)\n\n\(p.summary)\n"
        for q in p.quotes { out += "\n" + quote(q, of: p, corpus) }
        return out
    }

    static func proposal(_ row: ProposalRow, _ corpus: Corpus) -> String {
        let p = row.proposal
        var out = "\(p.title)\n\(p.stage.label) · chapter \(p.theme.label)\n\n\(p.summary)\n\n"
        for s in Stance.allCases { out += "\(s.symbol) \(s.rawValue): \(row.tally[s.rank])\n" }
        for q in p.reviewWords { out += "\nThe Review: " + quote(q, of: nil, corpus) }
        return out
    }

    static func article(_ d: Document) -> String {
        "\(d.title)\n\(d.citation)\n" + (d.url.map { "<\($0)>\n" } ?? "") + "\n" + d.text + "\n"
    }

    static func hit(_ h: SearchHit) -> String { h.text + "\n" }
}

extension State {
    /// `o` / `|`: the focused item to $PAGER.
    mutating func requestPager() {
        switch (current.screen, current.focusedPane) {
        case (.browse, .proposals):
            guard let i = proposalList.index(of: current.proposal) else { return }
            let row = proposalList.items[i]
            enqueue(.pager(title: row.proposal.title, text: EffectText.proposal(row, corpus)))
        case (.source(let doc), _):
            guard let d = corpus.document(doc) else { return }
            enqueue(.pager(title: d.title, text: EffectText.article(d)))
        case (.compare, _):
            guard let row = selectedComparisonRow else { return }
            let text = [row.first, row.second].compactMap { $0.map { EffectText.position($0, corpus) } }.joined(separator: "\n\n")
            enqueue(.pager(title: row.proposal.title, text: text))
        case (.search, _):
            guard let h = selectedHit else { return message = Message(text: "No result selected", isError: false) }
            enqueue(.pager(title: "Search result", text: EffectText.hit(h)))
        default:
            guard let p = selectedPosition ?? current.position.flatMap(corpus.position) else {
                return message = Message(text: "Nothing to show", isError: false)
            }
            enqueue(.pager(title: corpus.stakeholderName(p.stakeholder), text: EffectText.position(p, corpus)))
        }
    }

    /// `y`: the quote in focus with its citation.
    mutating func requestCopy() {
        if let ref = currentSourceQuote {
            var owner: Position? = nil
            if case .position(let id) = ref.owner { owner = corpus.position(id) }
            enqueue(.copy(text: EffectText.quote(ref.quote, of: owner, corpus)))
        } else if let p = selectedPosition, !p.quotes.isEmpty {
            let q = p.quotes[max(0, min(current.quote, p.quotes.count - 1))]
            enqueue(.copy(text: EffectText.quote(q, of: p, corpus)))
        } else {
            message = Message(text: "No quote to copy here", isError: false)
        }
    }
}
