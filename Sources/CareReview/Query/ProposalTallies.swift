/// Precomputed per-proposal counts of positions by (stance, stakeholder
/// kind, stage), so a filter change recounts small integer tables instead
/// of revisiting every position and looking up its stakeholder and document.
/// Also the proposals in theme order, sorted once.
struct ProposalTallies: Sendable {
    /// Proposal indices by (theme, stage, title).
    let themeOrder: [Int32]
    /// Proposal i's cells are `cells[start[i]..<start[i + 1]]`.
    let start: [Int32]
    let cells: [Cell]

    struct Cell: Sendable {
        let stance: UInt8, kind: UInt8, stage: UInt8
        let count: Int32
    }

    init(documents: [Document], stakeholders: [Stakeholder], proposals: [Proposal], positions: [Position]) {
        themeOrder = proposals.indices.sorted {
            let a = proposals[$0], b = proposals[$1]
            return (a.theme.rawValue, a.stage, a.title) < (b.theme.rawValue, b.stage, b.title)
        }.map(Int32.init)
        let kindIndex = Dictionary(uniqueKeysWithValues: StakeholderKind.allCases.enumerated().map { ($1, UInt8($0)) })
        let stageIndex = Dictionary(uniqueKeysWithValues: Stage.allCases.enumerated().map { ($1, UInt8($0)) })
        var kindOf: [String: UInt8] = [:]
        for s in stakeholders where kindOf[s.id] == nil { kindOf[s.id] = kindIndex[s.kind]! }
        var stageOf: [String: Stage] = [:]
        for d in documents where stageOf[d.id] == nil { stageOf[d.id] = d.stage }
        var proposalIndex: [String: Int] = [:]
        for (i, p) in proposals.enumerated() where proposalIndex[p.id] == nil { proposalIndex[p.id] = i }
        // Counts keyed by (proposal, stance, kind, stage) packed into one integer.
        let kinds = StakeholderKind.allCases.count, stages = Stage.allCases.count, stances = Stance.allCases.count
        var counts: [Int: Int32] = [:]
        for p in positions {
            guard let i = proposalIndex[p.proposal], let kind = kindOf[p.stakeholder] else { continue }
            let stage = p.quotes.first.flatMap { stageOf[$0.document] } ?? proposals[i].stage
            let key = ((i * stances + p.stance.rank) * kinds + Int(kind)) * stages + Int(stageIndex[stage]!)
            counts[key, default: 0] += 1
        }
        var start = [Int32](repeating: 0, count: proposals.count + 1)
        var cells: [Cell] = []
        cells.reserveCapacity(counts.count)
        for (key, count) in counts.sorted(by: { $0.key < $1.key }) {
            var k = key
            let stage = k % stages; k /= stages
            let kind = k % kinds; k /= kinds
            let stance = k % stances; k /= stances
            cells.append(Cell(stance: UInt8(stance), kind: UInt8(kind), stage: UInt8(stage), count: count))
            start[k + 1] += 1
        }
        for i in 0..<proposals.count { start[i + 1] += start[i] }
        self.start = start
        self.cells = cells
    }
}

extension Corpus {
    /// Proposals passing the filter, in theme order, each with its stance
    /// tally under the filter: what `proposals(filter:order: .theme)` and
    /// `stanceTally(ofProposal:filter:)` give, from precomputed counts.
    public func proposalTallies(filter: PositionFilter) -> [(proposal: Proposal, tally: [Int])] {
        let t = tallies.value
        func mask<T: CaseIterable & Equatable>(_ set: Set<T>) -> UInt64 {
            set.isEmpty ? ~0 : T.allCases.enumerated().reduce(0) { set.contains($1.1) ? $0 | (1 << UInt64($1.0)) : $0 }
        }
        let stances = mask(filter.stances), kinds = mask(filter.kinds), stages = mask(filter.stages)
        let narrows = !(filter.stances.isEmpty && filter.kinds.isEmpty && filter.stages.isEmpty)
        var out: [(proposal: Proposal, tally: [Int])] = []
        out.reserveCapacity(t.themeOrder.count)
        for i in t.themeOrder {
            let p = proposals[Int(i)]
            if !filter.themes.isEmpty, !filter.themes.contains(p.theme) { continue }
            var tally = [Int](repeating: 0, count: Stance.allCases.count)
            var any = false
            for c in t.cells[Int(t.start[Int(i)])..<Int(t.start[Int(i) + 1])]
            where stances & (1 << UInt64(c.stance)) != 0 && kinds & (1 << UInt64(c.kind)) != 0 && stages & (1 << UInt64(c.stage)) != 0 {
                tally[Int(c.stance)] += Int(c.count)
                any = true
            }
            if narrows && !any { continue }
            out.append((p, tally))
        }
        return out
    }
}
