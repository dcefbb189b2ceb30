/// Search hits with a quote that several positions share (a sector
/// round-up's sentence coded for four proposals) folded into one: the
/// first, best-ranked hit stands for all, and says which other positions
/// quote the same words. Other hits pass through in order.
public struct GroupedHit: Sendable, Hashable {
    public let hit: SearchHit
    /// Ids of the other positions quoting the same words (same document and offsets).
    public let alsoIn: [String]
}

extension Corpus {
    public func groupingSharedQuotes(_ hits: [SearchHit]) -> [GroupedHit] {
        var first: [Quote: Int] = [:]
        var out: [(hit: SearchHit, also: [String])] = []
        for h in hits {
            if case .quote(let id, let i) = h.target, let p = position(id), p.quotes.indices.contains(i) {
                let q = p.quotes[i]
                let key = Quote(document: q.document, text: "", start: q.start, end: q.end)
                if let k = first[key] { out[k].also.append(id); continue }
                first[key] = out.count
            }
            out.append((h, []))
        }
        return out.map { GroupedHit(hit: $0.hit, alsoIn: $0.also) }
    }
}
