/// Inter-coder agreement: two codings of the same documents compared.
///
/// Positions are matched first by identical stakeholder and proposal ids
/// (several occasions of the same pair are told apart by their quotes), then,
/// where the ids differ (coders name things in their own words), by quotes
/// that overlap in the same document: the pairs with the most overlapping
/// characters are matched first, one to one. On the matched pairs' stances it
/// reports percent agreement, Cohen's kappa, and, because the five stances
/// are ordered from supports to opposes, a quadratically weighted kappa.
public struct AgreementReport: Sendable {
    public struct Pair: Sendable {
        public let a: Position
        public let b: Position
        /// How the pair was matched.
        public let byIds: Bool
        public var agrees: Bool { a.stance == b.stance }
    }

    /// Agreement figures over a set of matched pairs.
    public struct Figures: Sendable, Equatable {
        public let pairs: Int
        public let agreed: Int
        /// Observed agreement, 0…1.
        public let percentAgreement: Double?
        /// Cohen's kappa; nil where it is undefined (no pairs, or chance agreement is 1).
        public let kappa: Double?
        /// Cohen's kappa with quadratic weights over the ordered stances; nil where undefined.
        public let weightedKappa: Double?
    }

    public struct ProposalFigures: Sendable {
        /// The proposal ids in A and in B (the same where matched by ids).
        public let proposalA: String
        public let proposalB: String
        public let figures: Figures
    }

    public let pairs: [Pair]
    public let onlyInA: [Position]
    public let onlyInB: [Position]
    public let overall: Figures
    public let perProposal: [ProposalFigures]
    public var disagreements: [Pair] { pairs.filter { !$0.agrees } }

    public init(_ a: Corpus, _ b: Corpus) {
        var pairs: [Pair] = []
        var usedA = Set<String>(), usedB = Set<String>()

        // 1. Same stakeholder and proposal ids. Where one side has several
        //    occasions of the pair, quotes decide which goes with which.
        let bByKey = Dictionary(grouping: b.positions, by: { Key($0) })
        var keyed: [(Position, Position, Int)] = []
        for pa in a.positions {
            for pb in bByKey[Key(pa)] ?? [] { keyed.append((pa, pb, Self.overlap(pa, pb))) }
        }
        for (pa, pb, _) in keyed.sorted(by: Self.bestFirst) where !usedA.contains(pa.id) && !usedB.contains(pb.id) {
            pairs.append(Pair(a: pa, b: pb, byIds: true)); usedA.insert(pa.id); usedB.insert(pb.id)
        }

        // 2. Different ids: overlapping quotes in the same document.
        let restB = b.positions.filter { !usedB.contains($0.id) }
        var byDocument: [String: [Position]] = [:]
        for pb in restB { for d in Set(pb.quotes.map(\.document)) { byDocument[d, default: []].append(pb) } }
        var overlapping: [(Position, Position, Int)] = []
        for pa in a.positions where !usedA.contains(pa.id) {
            var seen = Set<String>()
            for d in Set(pa.quotes.map(\.document)) {
                for pb in byDocument[d] ?? [] where seen.insert(pb.id).inserted {
                    let n = Self.overlap(pa, pb)
                    if n > 0 { overlapping.append((pa, pb, n)) }
                }
            }
        }
        for (pa, pb, _) in overlapping.sorted(by: Self.bestFirst) where !usedA.contains(pa.id) && !usedB.contains(pb.id) {
            pairs.append(Pair(a: pa, b: pb, byIds: false)); usedA.insert(pa.id); usedB.insert(pb.id)
        }

        let orderA = Dictionary(uniqueKeysWithValues: a.positions.enumerated().map { ($1.id, $0) })
        self.pairs = pairs.sorted { orderA[$0.a.id]! < orderA[$1.a.id]! }
        onlyInA = a.positions.filter { !usedA.contains($0.id) }
        onlyInB = b.positions.filter { !usedB.contains($0.id) }
        overall = Self.figures(self.pairs.map { ($0.a.stance, $0.b.stance) })
        var groups: [String: [Pair]] = [:], order: [String] = []
        for p in self.pairs {
            let k = p.a.proposal + "\u{0}" + p.b.proposal
            if groups[k] == nil { order.append(k) }
            groups[k, default: []].append(p)
        }
        perProposal = order.map { k in
            let g = groups[k]!
            return ProposalFigures(proposalA: g[0].a.proposal, proposalB: g[0].b.proposal,
                                   figures: Self.figures(g.map { ($0.a.stance, $0.b.stance) }))
        }
    }

    private struct Key: Hashable {
        let stakeholder: String, proposal: String
        init(_ p: Position) { stakeholder = p.stakeholder; proposal = p.proposal }
    }

    /// Most overlap first; ties in dataset order, so the result is deterministic.
    private static func bestFirst(_ x: (Position, Position, Int), _ y: (Position, Position, Int)) -> Bool {
        (-x.2, x.0.id, x.1.id) < (-y.2, y.0.id, y.1.id)
    }

    /// Characters (Unicode scalars) the two positions' quotes share, document by document.
    static func overlap(_ a: Position, _ b: Position) -> Int {
        var total = 0
        for qa in a.quotes {
            for qb in b.quotes where qa.document == qb.document {
                total += max(0, min(qa.end, qb.end) - max(qa.start, qb.start))
            }
        }
        return total
    }

    /// Percent agreement, Cohen's kappa and quadratically weighted kappa for
    /// paired ratings on the five ordered stances.
    public static func figures(_ ratings: [(Stance, Stance)]) -> Figures {
        let n = ratings.count
        let agreed = ratings.filter { $0.0 == $0.1 }.count
        guard n > 0 else { return Figures(pairs: 0, agreed: 0, percentAgreement: nil, kappa: nil, weightedKappa: nil) }
        let k = Stance.allCases.count
        var observed = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
        for (x, y) in ratings { observed[x.rank][y.rank] += 1 / Double(n) }
        let rowTotals = observed.map { $0.reduce(0, +) }
        let columnTotals = (0..<k).map { j in observed.reduce(0) { $0 + $1[j] } }
        let po = Double(agreed) / Double(n)
        let pe = (0..<k).reduce(0.0) { $0 + rowTotals[$1] * columnTotals[$1] }
        let kappa: Double? = pe >= 1 - 1e-12 ? nil : (po - pe) / (1 - pe)
        // Weighted: 1 - Σ w·observed / Σ w·expected, w = ((i-j)/(k-1))².
        var disagreeObserved = 0.0, disagreeExpected = 0.0
        for i in 0..<k {
            for j in 0..<k {
                let w = Double((i - j) * (i - j)) / Double((k - 1) * (k - 1))
                disagreeObserved += w * observed[i][j]
                disagreeExpected += w * rowTotals[i] * columnTotals[j]
            }
        }
        let weighted: Double? = disagreeExpected < 1e-12 ? nil : 1 - disagreeObserved / disagreeExpected
        return Figures(pairs: n, agreed: agreed, percentAgreement: po, kappa: kappa, weightedKappa: weighted)
    }
}
