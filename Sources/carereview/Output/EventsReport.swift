import CareReview

extension Reports {
    /// What happened next to a proposal: government events, labelled as such
    /// so they are never read as stakeholder positions. Empty when there are none.
    static func events(_ p: Proposal, _ corpus: Corpus) -> String {
        let events = corpus.events(onProposal: p.id)
        guard !events.isEmpty else { return "" }
        var heading = "What happened next: government decisions, not stakeholder positions"
        if let checked = corpus.eventsCheckedUpTo { heading += " (checked up to \(checked.humanDescription))" }
        var out = "\n" + PlainText.wrap(heading) + "\n"
        for e in events {
            out += "\n" + PlainText.wrap("\(e.date.humanDescription) · \(e.kind.label.uppercased()) · \(e.instrument)",
                                         indent: "    ", firstIndent: "  ") + "\n"
            out += PlainText.wrap(e.summary, indent: "    ", firstIndent: "    ") + "\n"
            out += PlainText.wrap("Source: \(e.sourceTitle)", indent: "      ", firstIndent: "    ") + "\n"
            out += "      " + PlainText.safe(e.sourceURL) + "\n"
        }
        return out
    }
}
