/// A Markdown briefing of chosen positions (the marked ones): grouped by
/// proposal, each with stakeholder, stance, the reader's note, the quotes
/// and a full citation.
public enum BriefExport {
    public static func render(_ positions: [Position], corpus: Corpus, notes: [String: String] = [:],
                              title: String = "Briefing: marked positions") -> String {
        var out = "# \(title)\n\n"
        guard !positions.isEmpty else { return out + "No positions are marked.\n" }
        out += "\(positions.count) position\(positions.count == 1 ? "" : "s") on \(Set(positions.map(\.proposal)).count) proposal(s).\n\n"
        let byProposal = Dictionary(grouping: positions, by: \.proposal)
        for proposal in corpus.proposals(order: .theme) {
            guard let group = byProposal[proposal.id] else { continue }
            out += "## \(proposal.title)\n\n*\(proposal.stage.label) · chapter \(proposal.theme.label)*\n\n"
            for p in group.sorted(by: { ($0.stance, $0.stakeholder) < ($1.stance, $1.stakeholder) }) {
                let s = corpus.stakeholder(p.stakeholder)
                out += "### \(s?.name ?? p.stakeholder) — \(p.stance.symbol) \(p.stance.rawValue)\n\n"
                out += "\(p.summary)\n\n"
                if let note = notes[p.id] { out += "**Note:** \(note)\n\n" }
                for q in p.quotes {
                    out += "> \(q.text)\n\n"
                    out += "— \(citation(q, p, corpus))\n\n"
                }
            }
        }
        return out
    }

    /// Author, publisher, date, title, URL (or that none is given), and who reported it.
    static func citation(_ q: Quote, _ p: Position, _ corpus: Corpus) -> String {
        guard let d = corpus.document(q.document) else { return q.document }
        var parts: [String] = []
        parts.append(d.author ?? "Unsigned")
        parts.append("“\(d.title)”")
        parts.append(d.publisher ?? "publisher not stated")
        parts.append(d.date.humanDescription)
        parts.append(d.url.map { "<\($0)>" } ?? "no URL given in the source")
        var c = parts.joined(separator: ", ")
        if let by = p.reportedBy { c += "; reported by \(by)" }
        return c + "."
    }
}
