/// The whole dataset, loaded and validated, with lookup indexes built once.
/// A Corpus only exists if loading found no problem: nothing is half-loaded.
public struct Corpus: Sendable {
    public let documents: [Document]
    public let stakeholders: [Stakeholder]
    public let proposals: [Proposal]
    public let positions: [Position]
    /// What happened next: government events, by proposal, in date order.
    public let events: [GovernmentEvent]

    private let documentIndex: [String: Int]
    private let stakeholderIndex: [String: Int]
    private let proposalIndex: [String: Int]
    private let positionIndex: [String: Int]
    private let positionsByProposal: [String: [Int]]
    private let positionsByStakeholder: [String: [Int]]
    private let quotesByDocument: [String: [QuoteRef]]
    private let eventsByProposal: [String: [GovernmentEvent]]
    /// Per-proposal stance tallies by kind and stage, built on first use (see ProposalTallies).
    let tallies: LazyValue<ProposalTallies>

    /// A quote's place in the corpus: which position (or proposal's review
    /// words) it belongs to. Sorted by offset within each document.
    public struct QuoteRef: Sendable, Hashable {
        public enum Owner: Sendable, Hashable { case position(String), review(String) }
        public let owner: Owner
        public let quote: Quote
    }

    public init(documents: [Document], stakeholders: [Stakeholder], proposals: [Proposal], positions: [Position],
                events: [GovernmentEvent] = []) {
        self.documents = documents
        self.stakeholders = stakeholders
        self.proposals = proposals
        self.positions = positions
        self.events = events
        tallies = LazyValue { ProposalTallies(documents: documents, stakeholders: stakeholders, proposals: proposals, positions: positions) }
        eventsByProposal = Dictionary(grouping: events, by: \.proposal).mapValues { $0.sorted { $0.date < $1.date } }
        documentIndex = Corpus.index(documents.map(\.id))
        stakeholderIndex = Corpus.index(stakeholders.map(\.id))
        proposalIndex = Corpus.index(proposals.map(\.id))
        positionIndex = Corpus.index(positions.map(\.id))
        var byProposal: [String: [Int]] = [:]
        var byStakeholder: [String: [Int]] = [:]
        var byDocument: [String: [QuoteRef]] = [:]
        for (i, p) in positions.enumerated() {
            byProposal[p.proposal, default: []].append(i)
            byStakeholder[p.stakeholder, default: []].append(i)
            for q in p.quotes { byDocument[q.document, default: []].append(QuoteRef(owner: .position(p.id), quote: q)) }
        }
        for p in proposals {
            for q in p.reviewWords { byDocument[q.document, default: []].append(QuoteRef(owner: .review(p.id), quote: q)) }
        }
        positionsByProposal = byProposal
        positionsByStakeholder = byStakeholder
        quotesByDocument = byDocument.mapValues { $0.sorted { ($0.quote.start, $0.quote.end) < ($1.quote.start, $1.quote.end) } }
    }

    private static func index(_ ids: [String]) -> [String: Int] {
        var d: [String: Int] = [:]
        for (i, id) in ids.enumerated() where d[id] == nil { d[id] = i }
        return d
    }

    public func document(_ id: String) -> Document? { documentIndex[id].map { documents[$0] } }
    public func stakeholder(_ id: String) -> Stakeholder? { stakeholderIndex[id].map { stakeholders[$0] } }
    public func proposal(_ id: String) -> Proposal? { proposalIndex[id].map { proposals[$0] } }
    public func position(_ id: String) -> Position? { positionIndex[id].map { positions[$0] } }

    /// Positions on a proposal, in dataset order.
    public func positions(onProposal id: String) -> [Position] {
        (positionsByProposal[id] ?? []).map { positions[$0] }
    }

    /// Positions of a stakeholder, in dataset order.
    public func positions(ofStakeholder id: String) -> [Position] {
        (positionsByStakeholder[id] ?? []).map { positions[$0] }
    }

    /// What happened next to a proposal, oldest first.
    public func events(onProposal id: String) -> [GovernmentEvent] { eventsByProposal[id] ?? [] }

    /// The latest date up to which the events were checked against their sources.
    public var eventsCheckedUpTo: PartialDate? { events.map(\.checked).max() }

    /// Every coded quote in a document, in reading order.
    public func quotes(inDocument id: String) -> [QuoteRef] { quotesByDocument[id] ?? [] }
}
