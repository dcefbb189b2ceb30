/// Finds every quote again after a document's text was corrected: exact
/// match first (nearest the old place), then with whitespace and quote marks
/// normalised, then approximately with a score. Each quote comes out
/// unchanged, moved, ambiguous (several equally good places: the nearest is
/// used, and the report lists them) or lost.
public struct Reanchor: Sendable {
    public enum Outcome: Sendable, Equatable {
        case unchanged
        case moved(from: Range<Int>, to: Range<Int>, how: Method)
        case ambiguous(chosen: Range<Int>, candidates: [Range<Int>])
        case lost
    }

    public enum Method: Sendable, Equatable {
        case exact, normalised
        /// The quote's words changed: its text becomes the document's words there.
        case approximate(score: Double)
    }

    public struct Item: Sendable {
        /// The position id, or `review:PROPOSAL` for the Review's own words.
        public let owner: String
        public let old: Quote
        public let new: Quote
        public let outcome: Outcome
    }

    public let items: [Item]
    public let positions: [Position]
    public let proposals: [Proposal]

    public var lost: [Item] { items.filter { $0.outcome == .lost } }

    public init(_ c: DatasetWriter.Contents) {
        let texts = Dictionary(uniqueKeysWithValues: c.documents.map { ($0.id, $0.text) })
        var items: [Item] = []
        func find(_ q: Quote, _ owner: String) -> Quote {
            let (new, outcome) = Self.locate(q, in: texts[q.document] ?? "")
            items.append(Item(owner: owner, old: q, new: new, outcome: outcome))
            return new
        }
        positions = c.positions.map { p in
            Position(id: p.id, stakeholder: p.stakeholder, proposal: p.proposal, stance: p.stance, summary: p.summary,
                     date: p.date, quotes: p.quotes.map { find($0, p.id) }, reportedBy: p.reportedBy, dateNote: p.dateNote)
        }
        proposals = c.proposals.map { p in
            Proposal(id: p.id, title: p.title, aliases: p.aliases, summary: p.summary, stage: p.stage, theme: p.theme,
                     reviewWords: p.reviewWords.map { find($0, "review:\(p.id)") })
        }
        self.items = items
    }

    static func locate(_ q: Quote, in text: String) -> (Quote, Outcome) {
        let old = q.start..<q.end
        func moved(_ r: Range<Int>, _ how: Method, text t: String = q.text) -> (Quote, Outcome) {
            (Quote(document: q.document, text: t, start: r.lowerBound, end: r.upperBound),
             r == old && t == q.text ? .unchanged : .moved(from: old, to: r, how: how))
        }
        func nearest(_ hits: [Range<Int>]) -> [Range<Int>] {
            let d = hits.map { abs($0.lowerBound - q.start) }
            let best = d.min()!
            return zip(hits, d).filter { $0.1 == best }.map(\.0)
        }
        for (hits, how) in [(QuoteLocator.exact(q.text, in: text), Method.exact), (QuoteLocator.normalised(q.text, in: text), .normalised)] where !hits.isEmpty {
            if hits.contains(old) { return moved(old, how) }
            let closest = nearest(hits)
            if hits.count > 1 && (closest.count > 1 || how == .normalised) {
                let r = closest[0]
                return (Quote(document: q.document, text: q.text, start: r.lowerBound, end: r.upperBound), .ambiguous(chosen: r, candidates: hits))
            }
            return moved(closest[0], how)
        }
        if let (r, score) = QuoteLocator.fuzzy(q.text, in: text) {
            var range = r
            // Keep a closing full stop or quote mark the quote ended with.
            let scalars = Array(text.unicodeScalars)
            if let last = q.text.unicodeScalars.last, !last.properties.isAlphabetic, range.upperBound < scalars.count,
               scalars[range.upperBound] == last {
                range = range.lowerBound..<(range.upperBound + 1)
            }
            return moved(range, .approximate(score: score), text: QuoteLocator.slice(text, range))
        }
        return (q, .lost)
    }
}
