import CareReview

/// The command line's plain-text reports, as strings (so they can be
/// compared as golden text).
enum Reports {
    static func proposals(_ corpus: Corpus, order: ProposalOrder = .theme, filter: PositionFilter = .none) -> String {
        let list = corpus.proposals(filter: filter, order: order)
        var out = "\(list.count) proposals. Stance tally:\n" + PlainText.wrapKeepingSpaces("  " + PlainText.stanceKey, width: PlainText.width, hangingIndent: "  ") + "\n"
        if !filter.isEmpty { out += "Filter: \(filter.commandLineDescription)\n" }
        var theme: Theme?
        for p in list {
            if order == .theme, p.theme != theme {
                theme = p.theme
                out += "\n" + PlainText.fit(p.theme.label, hangingIndent: "  ") + "\n"
            }
            let tally = corpus.stanceTally(ofProposal: p.id, filter: filter)
            let count = tally.reduce(0, +)
            out += PlainText.fit("  \(p.id)  \(p.title)", hangingIndent: "      ") + "\n"
            var facts = "      \(p.stage.label) · \(count) position\(count == 1 ? "" : "s"): \(PlainText.tally(tally))"
            if order == .divided { facts += " · divided \(String(format: "%.2f", corpus.divisiveness(ofProposal: p.id)))" }
            if order != .theme { facts += " · ch. \(p.theme.rawValue)" }
            out += PlainText.fit(facts, hangingIndent: "        ") + "\n"
        }
        return out
    }

    static func show(_ p: Proposal, _ corpus: Corpus, filter: PositionFilter = .none) -> String {
        var out = PlainText.wrap("\(p.title)  [\(p.id)]") + "\n"
        out += PlainText.wrap("\(p.stage.label) · chapter \(p.theme.label)") + "\n"
        if !p.aliases.isEmpty { out += PlainText.wrap("Also: " + p.aliases.joined(separator: ", ")) + "\n" }
        out += "\n" + PlainText.wrap(p.summary) + "\n"
        if !p.reviewWords.isEmpty {
            out += "\nThe Review's words:\n"
            for q in p.reviewWords { out += PlainText.render(PositionText.quote(Citation(reviewWords: q, in: corpus), indent: 4)) }
        }
        let groups = corpus.positionsByStance(onProposal: p.id, filter: filter)
        let total = groups.reduce(0) { $0 + $1.positions.count }
        out += "\n\(total) position\(total == 1 ? "" : "s")"
        out += filter.isEmpty ? "" : " (filter: \(filter.commandLineDescription))"
        out += ": \(PlainText.tally(corpus.stanceTally(ofProposal: p.id, filter: filter)))\n"
        let listed = PositionText(showsStance: false, showsProposal: false, full: false, indent: 2, bodyIndent: 4)
        for group in groups {
            out += "\n\(group.stance.symbol) \(group.stance.rawValue.uppercased()) (\(group.positions.count))\n"
            for pos in group.positions { out += "\n" + PlainText.render(listed.blocks(pos, in: corpus)) }
        }
        return out + events(p, corpus)
    }

    static func stakeholders(_ corpus: Corpus, filter: PositionFilter = .none) -> String {
        let list = corpus.stakeholdersByName(filter: filter)
        // The name column starts after the longest id, up to a limit; an id
        // longer than that gets a line of its own, so id and name never meet.
        let idWidth = min(26, (list.map { $0.id.count }.max() ?? 0) + 2)
        let column = String(repeating: " ", count: 2 + idWidth)
        var out = "\(list.count) stakeholders\n\n"
        for s in list {
            let n = corpus.positions(ofStakeholder: s.id, filter: filter).count
            if s.id.count + 2 > idWidth {
                out += "  \(PlainText.safe(s.id))\n" + PlainText.fit(column + s.name, hangingIndent: column) + "\n"
            } else {
                out += PlainText.fit("  " + PlainText.pad(s.id, idWidth) + s.name, hangingIndent: column) + "\n"
            }
            out += PlainText.fit(column + "\(s.kind.label) · \(n) position\(n == 1 ? "" : "s")", hangingIndent: column) + "\n"
        }
        return out
    }

    static func stakeholder(_ s: Stakeholder, _ corpus: Corpus, filter: PositionFilter = .none) -> String {
        var out = PlainText.wrap("\(s.name)  [\(s.id)]") + "\n"
        out += PlainText.wrap(s.kind.label + (s.aliases.isEmpty ? "" : " · also: " + s.aliases.joined(separator: ", "))) + "\n"
        out += PlainText.wrap(s.description) + "\n"
        let positions = corpus.positions(ofStakeholder: s.id, filter: filter)
        out += "\n\(positions.count) position\(positions.count == 1 ? "" : "s")"
        out += (filter.isEmpty ? "" : " (filter: \(filter.commandLineDescription))") + "\n"
        let listed = PositionText(showsStakeholder: false, full: false, indent: 0, bodyIndent: 4)
        for pos in positions { out += "\n" + PlainText.render(listed.blocks(pos, in: corpus)) }
        return out
    }

    /// Best first. A quote several positions share is one entry that names
    /// every position quoting it.
    static func search(_ hits: [SearchHit], query: String, _ corpus: Corpus) -> String {
        guard !hits.isEmpty else { return "No matches for '\(PlainText.safe(query))'.\n" }
        let grouped = corpus.groupingSharedQuotes(hits)
        var head = "\(grouped.count) match\(grouped.count == 1 ? "" : "es") for '\(query)' (best first; «» marks the matched words"
        head += grouped.count < hits.count ? "; a quote several positions share is shown once)" : ")"
        var out = PlainText.wrap(head) + "\n"
        let hang = "             "
        for g in grouped {
            out += "\n" + PlainText.fit(heading(g.hit, corpus), hangingIndent: hang) + "\n"
            for id in g.alsoIn { out += PlainText.fit(hang + "also " + positionLabel(id, corpus), hangingIndent: hang + "     ") + "\n" }
            out += PlainText.wrap(snippet(g.hit), indent: "    ", firstIndent: "    ") + "\n"
        }
        return out
    }

    /// "Become on Abolish the IRO role [become.iro-abolition]"
    static func positionLabel(_ id: String, _ corpus: Corpus) -> String {
        guard let p = corpus.position(id) else { return id }
        return "\(corpus.stakeholderName(p.stakeholder)) on \(corpus.proposalTitle(p.proposal)) [\(id)]"
    }

    static func heading(_ hit: SearchHit, _ corpus: Corpus) -> String {
        func position(_ id: String) -> String { positionLabel(id, corpus) }
        switch hit.target {
        case .proposalTitle(let id): return "proposal     \(corpus.proposalTitle(id)) [\(id)]"
        case .proposalSummary(let id): return "proposal     \(corpus.proposalTitle(id)) [\(id)] (summary)"
        case .stakeholderName(let id): return "stakeholder  \(corpus.stakeholderName(id)) [\(id)]"
        case .stakeholderDescription(let id): return "stakeholder  \(corpus.stakeholderName(id)) [\(id)] (description)"
        case .positionSummary(let id): return "position     \(position(id))"
        case .quote(let id, _): return "quote        \(position(id))"
        case .reviewWords(let id, _): return "review words \(corpus.proposalTitle(id)) [\(id)]"
        case .documentTitle(let id): return "article      \(corpus.document(id)?.title ?? id) [\(id)]"
        case .passage(let id, let start): return "passage      \(corpus.document(id)?.title ?? id) [\(id) \(start)]"
        }
    }

    /// About 200 characters around the first match, matches marked «».
    static func snippet(_ hit: SearchHit, radius: Int = 90) -> String {
        let scalars = Array(hit.text.unicodeScalars)
        let first = hit.spans.first?.lowerBound ?? 0
        let from = max(0, first - radius), to = min(scalars.count, first + radius * 2)
        var out = from > 0 ? "…" : ""
        var i = from
        for span in hit.spans where span.lowerBound >= from && span.upperBound <= to {
            out += String(String.UnicodeScalarView(scalars[i..<span.lowerBound]))
            out += "«" + String(String.UnicodeScalarView(scalars[span])) + "»"
            i = span.upperBound
        }
        out += String(String.UnicodeScalarView(scalars[i..<to]))
        if to < scalars.count { out += "…" }
        return out.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}

import Foundation
