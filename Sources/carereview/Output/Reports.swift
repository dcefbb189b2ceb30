import CareReview

/// The command line's plain-text reports, as strings (so they can be
/// compared as golden text).
enum Reports {
    static func proposals(_ corpus: Corpus, order: ProposalOrder = .theme, filter: PositionFilter = .none) -> String {
        let list = corpus.proposals(filter: filter, order: order)
        var out = "\(list.count) proposals. Stance tally:\n  \(PlainText.stanceKey)\n"
        if !filter.isEmpty { out += "Filter: \(filter.description)\n" }
        var theme: Theme?
        for p in list {
            if order == .theme, p.theme != theme {
                theme = p.theme
                out += "\n" + PlainText.truncate(p.theme.label, PlainText.width) + "\n"
            }
            let tally = corpus.stanceTally(ofProposal: p.id, filter: filter)
            let count = tally.reduce(0, +)
            out += PlainText.truncate("  \(p.id)  \(p.title)", PlainText.width) + "\n"
            var facts = "      \(p.stage.label) · \(count) position\(count == 1 ? "" : "s"): \(PlainText.tally(tally))"
            if order == .divided { facts += " · divided \(String(format: "%.2f", corpus.divisiveness(ofProposal: p.id)))" }
            if order != .theme { facts += " · ch. \(p.theme.rawValue)" }
            out += PlainText.truncate(facts, PlainText.width) + "\n"
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
            for q in p.reviewWords { out += quote(q, corpus, reportedBy: nil) }
        }
        let groups = corpus.positionsByStance(onProposal: p.id, filter: filter)
        let total = groups.reduce(0) { $0 + $1.positions.count }
        out += "\n\(total) position\(total == 1 ? "" : "s")"
        out += filter.isEmpty ? "" : " (filter: \(filter.description))"
        out += ": \(PlainText.tally(corpus.stanceTally(ofProposal: p.id, filter: filter)))\n"
        for group in groups {
            out += "\n\(group.stance.symbol) \(group.stance.rawValue.uppercased()) (\(group.positions.count))\n"
            for pos in group.positions {
                let s = corpus.stakeholder(pos.stakeholder)
                out += "\n" + PlainText.wrap("\(s?.name ?? pos.stakeholder) — \(s?.kind.label ?? "") · \(pos.date.humanDescription)\(pos.dateIsInferred ? ", inferred" : "")", indent: "  ", firstIndent: "  ") + "\n"
                out += PlainText.wrap(pos.summary, indent: "    ", firstIndent: "    ") + "\n"
                for q in pos.quotes { out += quote(q, corpus, reportedBy: pos.reportedBy) }
            }
        }
        return out + events(p, corpus)
    }

    static func stakeholders(_ corpus: Corpus, filter: PositionFilter = .none) -> String {
        let list = corpus.stakeholdersByName(filter: filter)
        let idWidth = min(28, (list.map { $0.id.count }.max() ?? 0) + 2)
        var out = "\(list.count) stakeholders\n\n"
        for s in list {
            let n = corpus.positions(ofStakeholder: s.id, filter: filter).count
            out += PlainText.truncate("  " + PlainText.pad(s.id, idWidth) + s.name, PlainText.width) + "\n"
            out += PlainText.truncate("  " + PlainText.pad("", idWidth) + "\(s.kind.label) · \(n) position\(n == 1 ? "" : "s")", PlainText.width) + "\n"
        }
        return out
    }

    static func stakeholder(_ s: Stakeholder, _ corpus: Corpus, filter: PositionFilter = .none) -> String {
        var out = PlainText.wrap("\(s.name)  [\(s.id)]") + "\n"
        out += PlainText.wrap(s.kind.label + (s.aliases.isEmpty ? "" : " · also: " + s.aliases.joined(separator: ", "))) + "\n"
        out += PlainText.wrap(s.description) + "\n"
        let positions = corpus.positions(ofStakeholder: s.id, filter: filter)
        out += "\n\(positions.count) position\(positions.count == 1 ? "" : "s")"
        out += (filter.isEmpty ? "" : " (filter: \(filter.description))") + "\n"
        for pos in positions {
            let p = corpus.proposal(pos.proposal)
            out += "\n" + PlainText.wrap("\(pos.stance.symbol) \(pos.stance.rawValue.uppercased()): \(p?.title ?? pos.proposal)  [\(pos.proposal)]") + "\n"
            out += PlainText.wrap(pos.summary, indent: "    ", firstIndent: "    ") + "\n"
            for q in pos.quotes { out += quote(q, corpus, reportedBy: pos.reportedBy) }
        }
        return out
    }

    static func quote(_ q: Quote, _ corpus: Corpus, reportedBy: String?) -> String {
        var out = PlainText.wrap("“\(q.text)”", indent: "      ", firstIndent: "    ") + "\n"
        if let d = corpus.document(q.document) {
            var source = "— \(d.title), \(d.citation) [\(d.id) \(q.start)–\(q.end)]"
            if let by = reportedBy { source += "; reported by \(by)" }
            out += PlainText.wrap(source, indent: "        ", firstIndent: "      ") + "\n"
        }
        return out
    }

    static func search(_ hits: [SearchHit], query: String, _ corpus: Corpus) -> String {
        guard !hits.isEmpty else { return "No matches for '\(PlainText.safe(query))'.\n" }
        var out = "\(hits.count) match\(hits.count == 1 ? "" : "es") for '\(PlainText.safe(query))' (best first; «» marks the matched words)\n"
        for hit in hits {
            out += "\n" + PlainText.truncate(heading(hit, corpus), PlainText.width) + "\n"
            out += PlainText.wrap(snippet(hit), indent: "    ", firstIndent: "    ") + "\n"
        }
        return out
    }

    static func heading(_ hit: SearchHit, _ corpus: Corpus) -> String {
        func position(_ id: String) -> String {
            guard let p = corpus.position(id) else { return id }
            return "\(corpus.stakeholderName(p.stakeholder)) on \(corpus.proposalTitle(p.proposal)) [\(id)]"
        }
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
