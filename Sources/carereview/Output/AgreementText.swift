import CareReview
import Foundation

/// `carereview agree` output: plain text, or JSON for scripts.
enum AgreementText {
    static func render(_ r: AgreementReport, a: String, b: String, corpusA: Corpus, corpusB: Corpus) -> String {
        let byIds = r.pairs.filter(\.byIds).count
        var out = PlainText.wrap("Agreement between A (\(a)) and B (\(b))") + "\n"
        out += "  A: \(corpusA.positions.count) positions   B: \(corpusB.positions.count) positions\n"
        out += "  matched \(r.pairs.count) (\(byIds) by stakeholder and proposal, \(r.pairs.count - byIds) by overlapping quotes)\n"
        out += "  only in A: \(r.onlyInA.count)   only in B: \(r.onlyInB.count)\n"

        let f = r.overall
        out += "\nStances on the \(f.pairs) matched pair\(f.pairs == 1 ? "" : "s")\n"
        out += "  percent agreement  \(percent(f.percentAgreement))  (\(f.agreed) of \(f.pairs))\n"
        out += "  Cohen's kappa      \(number(f.kappa))\n"
        out += "  weighted kappa     \(number(f.weightedKappa))  (quadratic weights; stances ordered supports to opposes)\n"
        out += "  (— where a figure is undefined: no pairs, or every rating in one stance)\n"

        out += "\nPer proposal (A / B where the ids differ)\n"
        let rows = r.perProposal.map { p -> (String, AgreementReport.Figures) in
            (p.proposalA == p.proposalB ? p.proposalA : "\(p.proposalA) / \(p.proposalB)", p.figures)
        }
        let nameWidth = min(max(8, rows.map { PlainText.safe($0.0).count }.max() ?? 8), 60)
        out += "  " + PlainText.pad("proposal", nameWidth) + "  pairs  agree   kappa  weighted\n"
        for (name, g) in rows {
            out += "  " + PlainText.pad(PlainText.truncate(name, nameWidth), nameWidth)
            out += "  " + leftPad("\(g.pairs)", 5) + "  " + leftPad(percent(g.percentAgreement), 5)
            out += "  " + leftPad(number(g.kappa), 6) + "  " + leftPad(number(g.weightedKappa), 8) + "\n"
        }

        let disagreements = r.disagreements
        out += "\nDisagreements (\(disagreements.count))\n"
        for pair in disagreements {
            out += "\n" + PlainText.wrap("\(pair.a.id)  ↔  \(pair.b.id)", indent: "    ", firstIndent: "  ") + "\n"
            out += side("A", pair.a, corpusA)
            out += side("B", pair.b, corpusB)
        }
        out += list("Only in A", r.onlyInA, corpusA)
        out += list("Only in B", r.onlyInB, corpusB)
        return out
    }

    private static func side(_ label: String, _ p: Position, _ c: Corpus) -> String {
        var out = PlainText.wrap("\(label): \(p.stance.symbol) \(p.stance.rawValue) — \(c.stakeholderName(p.stakeholder)) on \(c.proposalTitle(p.proposal))",
                                 indent: "       ", firstIndent: "    ") + "\n"
        for q in p.quotes {
            out += PlainText.wrap("\(Quotation.enclose(q.text)) [\(q.document) \(q.start)–\(q.end)]", indent: "       ", firstIndent: "       ") + "\n"
        }
        return out
    }

    private static func list(_ title: String, _ positions: [Position], _ c: Corpus) -> String {
        var out = "\n\(title) (\(positions.count))\n"
        for p in positions {
            out += PlainText.wrap("\(p.id): \(p.stance.symbol) \(p.stance.rawValue) — \(c.stakeholderName(p.stakeholder)) on \(c.proposalTitle(p.proposal))",
                                  indent: "    ", firstIndent: "  ") + "\n"
        }
        return out
    }

    static func percent(_ x: Double?) -> String { x.map { String(format: "%.1f%%", $0 * 100) } ?? "—" }
    static func number(_ x: Double?) -> String { x.map { String(format: "%.3f", $0) } ?? "—" }
    private static func leftPad(_ s: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - s.count)) + s }

    // MARK: - JSON

    private struct Root: Encodable {
        let a, b: String
        let matched, matched_by_ids, matched_by_quotes: Int
        let only_in_a, only_in_b: [String]
        let overall: FiguresJSON
        let per_proposal: [ProposalJSON]
        let disagreements: [PairJSON]
    }
    private struct FiguresJSON: Encodable {
        let pairs, agreed: Int
        let percent_agreement, kappa, weighted_kappa: Double?
        init(_ f: AgreementReport.Figures) {
            pairs = f.pairs; agreed = f.agreed; percent_agreement = f.percentAgreement; kappa = f.kappa; weighted_kappa = f.weightedKappa
        }
        enum CodingKeys: String, CodingKey { case pairs, agreed, percent_agreement, kappa, weighted_kappa }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(pairs, forKey: .pairs); try c.encode(agreed, forKey: .agreed)
            try c.encode(percent_agreement, forKey: .percent_agreement)   // null where undefined
            try c.encode(kappa, forKey: .kappa); try c.encode(weighted_kappa, forKey: .weighted_kappa)
        }
    }
    private struct ProposalJSON: Encodable { let proposal_a, proposal_b: String; let figures: FiguresJSON }
    private struct QuoteJSON: Encodable { let document, text: String; let start, end: Int }
    private struct SideJSON: Encodable {
        let id, stakeholder, proposal, stance: String
        let quotes: [QuoteJSON]
        init(_ p: Position) {
            id = p.id; stakeholder = p.stakeholder; proposal = p.proposal; stance = p.stance.rawValue
            quotes = p.quotes.map { QuoteJSON(document: $0.document, text: $0.text, start: $0.start, end: $0.end) }
        }
    }
    private struct PairJSON: Encodable { let matched_by: String; let a, b: SideJSON }

    static func json(_ r: AgreementReport, a: String, b: String) -> String {
        let byIds = r.pairs.filter(\.byIds).count
        let root = Root(
            a: a, b: b, matched: r.pairs.count, matched_by_ids: byIds, matched_by_quotes: r.pairs.count - byIds,
            only_in_a: r.onlyInA.map(\.id), only_in_b: r.onlyInB.map(\.id), overall: FiguresJSON(r.overall),
            per_proposal: r.perProposal.map { ProposalJSON(proposal_a: $0.proposalA, proposal_b: $0.proposalB, figures: FiguresJSON($0.figures)) },
            disagreements: r.disagreements.map { PairJSON(matched_by: $0.byIds ? "ids" : "quotes", a: SideJSON($0.a), b: SideJSON($0.b)) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try! encoder.encode(root), as: UTF8.self) + "\n"
    }
}
