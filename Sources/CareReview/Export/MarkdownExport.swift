/// A readable Markdown report: each proposal, its positions from supports to
/// opposes, every quote with a full citation.
public enum MarkdownExport {
    public static func render(_ s: ExportSelection, corpus: Corpus, title: String = "Care Review: stakeholder positions") -> String {
        var out = "# \(title)\n\n"
        let byProposal = Dictionary(grouping: s.positions, by: \.proposal)
        for proposal in s.proposals {
            guard let positions = byProposal[proposal.id], !positions.isEmpty else { continue }
            out += "## \(proposal.title)\n\n"
            out += "*\(proposal.stage.label) · chapter \(proposal.theme.label)*\n\n"
            out += proposal.summary + "\n\n"
            for stance in Stance.allCases {
                let group = positions.filter { $0.stance == stance }
                guard !group.isEmpty else { continue }
                out += "### \(stance.rawValue.capitalized)\n\n"
                for p in group {
                    let s = corpus.stakeholder(p.stakeholder)
                    out += "- **\(s?.name ?? p.stakeholder)** (\(s?.kind.label ?? "")): \(p.summary)\n"
                    for q in p.quotes {
                        out += "\n  > \(q.text)\n\n  — \(Citation(q, of: p, in: corpus).source(url: true))\n"
                    }
                    out += "\n"
                }
            }
        }
        return out
    }
}
