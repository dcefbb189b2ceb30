/// Two stakeholders side by side: every proposal either has a position on.
public struct Comparison: Sendable {
    public enum Agreement: String, Sendable {
        case same        // the same stance
        case close       // one step apart (e.g. supports / qualified)
        case differ      // two or more steps apart, same side or mixed
        case opposite    // one supports (or qualified), the other is concerned (or opposes)
        case onlyFirst   // only the first has a position
        case onlySecond  // only the second has a position

        public var label: String {
            switch self {
            case .same: "agree"
            case .close: "close"
            case .differ: "differ"
            case .opposite: "disagree"
            case .onlyFirst, .onlySecond: "one-sided"
            }
        }
    }

    public struct Row: Sendable {
        public let proposal: Proposal
        public let first: Position?
        public let second: Position?
        public let agreement: Agreement
    }

    public let first: Stakeholder
    public let second: Stakeholder
    public let rows: [Row]

    public init?(corpus: Corpus, first a: String, second b: String) {
        guard let first = corpus.stakeholder(a), let second = corpus.stakeholder(b) else { return nil }
        self.first = first
        self.second = second
        let mine = Dictionary(corpus.positions(ofStakeholder: a).map { ($0.proposal, $0) }, uniquingKeysWith: { x, _ in x })
        let theirs = Dictionary(corpus.positions(ofStakeholder: b).map { ($0.proposal, $0) }, uniquingKeysWith: { x, _ in x })
        rows = corpus.proposals(order: .theme).compactMap { p in
            let x = mine[p.id], y = theirs[p.id]
            guard x != nil || y != nil else { return nil }
            return Row(proposal: p, first: x, second: y, agreement: Comparison.agreement(x?.stance, y?.stance))
        }
    }

    static func agreement(_ x: Stance?, _ y: Stance?) -> Agreement {
        guard let x else { return .onlySecond }
        guard let y else { return .onlyFirst }
        if x == y { return .same }
        let positive: (Stance) -> Bool = { $0 == .supports || $0 == .qualified }
        let negative: (Stance) -> Bool = { $0 == .concerned || $0 == .opposes }
        if (positive(x) && negative(y)) || (negative(x) && positive(y)) { return .opposite }
        return abs(x.rank - y.rank) == 1 ? .close : .differ
    }

    /// Proposals on which both take a position.
    public var shared: [Row] { rows.filter { $0.first != nil && $0.second != nil } }
}
