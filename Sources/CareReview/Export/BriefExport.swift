/// A Markdown briefing of chosen positions (the marked ones): grouped by
/// proposal, each with stakeholder, stance, the reader's note, the quotes
/// and a full citation.
public enum BriefExport {
    public static func render(_ positions: [Position], corpus: Corpus, notes: [String: String] = [:],
                              title: String = "Briefing: marked positions") -> String {
        var out = "# \(title)\n\n"
        guard !positions.isEmpty else { return out + "No positions are marked.\n" }
        let proposals = Set(positions.map(\.proposal)).count
        out += "\(counted(positions.count, "position")) on \(counted(proposals, "proposal")).\n\n"
        let byProposal = Dictionary(grouping: positions, by: \.proposal)
        for proposal in corpus.proposals(order: .theme) {
            guard let group = byProposal[proposal.id] else { continue }
            out += "## \(proposal.title)\n\n*\(proposal.stage.label) · chapter \(proposal.theme.label)*\n\n"
            for p in group.sorted(by: { ($0.stance, $0.stakeholder) < ($1.stance, $1.stakeholder) }) {
                let s = corpus.stakeholder(p.stakeholder)
                out += "### \(s?.name ?? p.stakeholder): \(p.stance.rawValue)\n\n"
                out += "\(p.summary)\n\n"
                if let note = notes[p.id] { out += "**Note:** \(note)\n\n" }
                for q in p.quotes {
                    out += "> \(q.text)\n\n"
                    out += "— \(Citation(q, of: p, in: corpus).fullSource()).\n\n"
                }
            }
        }
        return out
    }

    /// "1 proposal", "3 proposals".
    static func counted(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
