/// Which positions an export holds, and the entities they refer to.
public struct ExportSelection: Sendable {
    public let positions: [Position]
    public let proposals: [Proposal]
    public let stakeholders: [Stakeholder]
    public let documents: [Document]
    /// What happened next to the selected proposals (not positions).
    public let events: [GovernmentEvent]

    /// Everything, or only the positions on `proposal` and/or of `stakeholder` (ids).
    public init(_ corpus: Corpus, proposal: String? = nil, stakeholder: String? = nil, filter: PositionFilter = .none) {
        let whole = proposal == nil && stakeholder == nil && filter.isEmpty
        let order = Dictionary(uniqueKeysWithValues: corpus.proposals.enumerated().map { ($1.id, $0) })
        positions = corpus.positions.filter { p in
            (proposal == nil || p.proposal == proposal) && (stakeholder == nil || p.stakeholder == stakeholder)
                && corpus.matches(p, filter)
        }.sorted { (order[$0.proposal] ?? 0, $0.stance, $0.id) < (order[$1.proposal] ?? 0, $1.stance, $1.id) }
        let proposalIds = Set(positions.map(\.proposal) + [proposal].compactMap { $0 })
        let stakeholderIds = Set(positions.map(\.stakeholder) + [stakeholder].compactMap { $0 })
        let selectedProposals = whole ? corpus.proposals : corpus.proposals.filter { proposalIds.contains($0.id) }
        let documentIds = Set(positions.flatMap { $0.quotes.map(\.document) }
                              + selectedProposals.flatMap { $0.reviewWords.map(\.document) })
        proposals = selectedProposals
        stakeholders = whole ? corpus.stakeholders : corpus.stakeholders.filter { stakeholderIds.contains($0.id) }
        documents = whole ? corpus.documents : corpus.documents.filter { documentIds.contains($0.id) }
        events = selectedProposals.flatMap { corpus.events(onProposal: $0.id) }
    }
}
