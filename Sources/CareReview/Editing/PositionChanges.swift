/// Changes to positions already coded: a new stance or summary, a quote
/// taken away, a position deleted. Like the other changes, nothing is
/// written until `save()`, which validates first.
extension DatasetEditor {
    /// Gives a position a new stance and summary (its quotes and date stay).
    public mutating func update(position id: String, stance: Stance, summary: String) throws(EditError) {
        guard let i = contents.positions.firstIndex(where: { $0.id == id }) else {
            throw EditError(.notFound, "no position '\(id)'")
        }
        let p = contents.positions[i]
        contents.positions[i] = Position(id: p.id, stakeholder: p.stakeholder, proposal: p.proposal, stance: stance,
                                         summary: summary, date: p.date, quotes: p.quotes, reportedBy: p.reportedBy,
                                         dateNote: p.dateNote)
    }

    /// What `delete(quote:from:)` did.
    public enum QuoteRemoval: Equatable, Sendable {
        case quoteRemoved
        /// It was the position's only quote, so the position went with it.
        case positionRemoved
    }

    /// Takes a quote off a position; a position left with no quote is deleted.
    @discardableResult
    public mutating func delete(quote: Quote, from id: String) throws(EditError) -> QuoteRemoval {
        guard let i = contents.positions.firstIndex(where: { $0.id == id }) else {
            throw EditError(.notFound, "no position '\(id)'")
        }
        let p = contents.positions[i]
        guard p.quotes.contains(quote) else { throw EditError(.notFound, "position '\(id)' has no such quote") }
        let quotes = p.quotes.filter { $0 != quote }
        if quotes.isEmpty {
            contents.positions.remove(at: i)
            return .positionRemoved
        }
        contents.positions[i] = Position(id: p.id, stakeholder: p.stakeholder, proposal: p.proposal, stance: p.stance,
                                         summary: p.summary, date: p.date, quotes: quotes, reportedBy: p.reportedBy,
                                         dateNote: p.dateNote)
        return .quoteRemoved
    }

    public mutating func delete(position id: String) throws(EditError) {
        guard let i = contents.positions.firstIndex(where: { $0.id == id }) else {
            throw EditError(.notFound, "no position '\(id)'")
        }
        contents.positions.remove(at: i)
    }
}
