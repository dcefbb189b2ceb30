import CareReview

/// A row of a grouped list: a group heading or an item (by index).
public enum ListLine: Hashable, Sendable {
    case theme(Theme)
    case stance(Stance, count: Int)
    /// A stage of the Review, in timeline order.
    case stage(Stage, count: Int)
    case item(Int)
    /// What happened next to the proposal, after its positions: a heading,
    /// then each government event (by index into `Corpus.events(onProposal:)`).
    /// Not items: they are read, not selected.
    case eventsHeading(count: Int)
    case event(Int)
}

/// Items laid out as lines with group headings; built once per change of
/// its inputs, so moving the selection is O(1).
public struct GroupedList<Item: Sendable>: Sendable {
    public let items: [Item]
    public let lines: [ListLine]
    public let lineOfItem: [Int]
    let indexOfID: [String: Int]

    init(items: [Item], id: (Item) -> String, group: ((Item) -> ListLine)?, trailing: [ListLine] = []) {
        self.items = items
        var lines: [ListLine] = []
        var lineOfItem: [Int] = []
        var last: ListLine? = nil
        for (i, item) in items.enumerated() {
            if let group {
                let g = group(item)
                if g != last { lines.append(g); last = g }
            }
            lineOfItem.append(lines.count)
            lines.append(.item(i))
        }
        self.lines = lines + trailing
        self.lineOfItem = lineOfItem
        var index: [String: Int] = [:]
        for (i, item) in items.enumerated() where index[id(item)] == nil { index[id(item)] = i }
        indexOfID = index
    }

    public var isEmpty: Bool { items.isEmpty }
    public func index(of id: String?) -> Int? { id.flatMap { indexOfID[$0] } }
}

/// A proposal with its stance tally under the current filter.
public struct ProposalRow: Sendable {
    public let proposal: Proposal
    public let tally: [Int]
}

/// Per-proposal figures computed once per corpus, so sorting never rescans positions.
struct ProposalFigures: Sendable {
    let count: [String: Int]
    let divisiveness: [String: Double]

    init(_ corpus: Corpus) {
        var count: [String: Int] = [:], div: [String: Double] = [:]
        for p in corpus.proposals {
            count[p.id] = corpus.positions(onProposal: p.id).count
            div[p.id] = corpus.divisiveness(ofProposal: p.id)
        }
        self.count = count; divisiveness = div
    }
}

enum ListBuilder {
    /// Proposals passing the filter, sorted; O(positions) — only rebuilt
    /// when the filter or sort changes.
    static func proposals(_ corpus: Corpus, filter: PositionFilter, order: ProposalOrder,
                          figures: ProposalFigures) -> GroupedList<ProposalRow> {
        var kept = corpus.proposalTallies(filter: filter)   // precomputed counts: a filter change touches no position
        let byTheme = Dictionary(uniqueKeysWithValues: kept.enumerated().map { ($1.proposal.id, $0) })
        switch order {
        case .theme: break
        case .positions:
            kept.sort { a, b in
                let x = figures.count[a.proposal.id] ?? 0, y = figures.count[b.proposal.id] ?? 0
                return x != y ? x > y : byTheme[a.proposal.id]! < byTheme[b.proposal.id]!
            }
        case .divided:
            kept.sort { a, b in
                let x = figures.divisiveness[a.proposal.id] ?? 0, y = figures.divisiveness[b.proposal.id] ?? 0
                return x != y ? x > y : byTheme[a.proposal.id]! < byTheme[b.proposal.id]!
            }
        }
        let rows = kept.map { ProposalRow(proposal: $0.proposal, tally: $0.tally) }
        return GroupedList(items: rows, id: \.proposal.id, group: order == .theme ? { .theme($0.proposal.theme) } : nil)
    }

    /// Positions on a proposal, supports first — or, in timeline order,
    /// along the Review's stages under stage headings.
    static func positions(onProposal id: String?, _ corpus: Corpus, filter: PositionFilter,
                          timeline: Bool = false) -> GroupedList<Position> {
        guard let id else { return GroupedList(items: [], id: \.id, group: nil) }
        // What happened next follows the positions (in the timeline, after the Review's stages).
        let events = corpus.events(onProposal: id).count
        let trailing: [ListLine] = events == 0 ? [] : [.eventsHeading(count: events)] + (0..<events).map { .event($0) }
        if timeline {
            return chronological(corpus.positions(onProposal: id).filter { corpus.matches($0, filter) }, corpus, trailing: trailing)
        }
        let groups = corpus.positionsByStance(onProposal: id, filter: filter)
        let counts = Dictionary(uniqueKeysWithValues: groups.map { ($0.stance, $0.positions.count) })
        return GroupedList(items: groups.flatMap(\.positions), id: \.id,
                           group: { .stance($0.stance, count: counts[$0.stance] ?? 0) }, trailing: trailing)
    }

    /// Positions of a stakeholder, by theme (or in timeline order).
    static func positions(ofStakeholder id: String, _ corpus: Corpus, filter: PositionFilter,
                          timeline: Bool = false) -> GroupedList<Position> {
        if timeline { return chronological(corpus.positions(ofStakeholder: id, filter: filter), corpus) }
        let items = corpus.positions(ofStakeholder: id, filter: filter)
        return GroupedList(items: items, id: \.id, group: { p in .theme(corpus.proposal(p.proposal)?.theme ?? .reset) })
    }

    /// `Corpus.chronological` order under a heading per stage.
    static func chronological(_ positions: [Position], _ corpus: Corpus, trailing: [ListLine] = []) -> GroupedList<Position> {
        let items = corpus.chronological(positions)
        var counts: [Stage: Int] = [:]
        for p in items { counts[corpus.stage(of: p), default: 0] += 1 }
        return GroupedList(items: items, id: \.id, group: { p in
            let stage = corpus.stage(of: p)
            return .stage(stage, count: counts[stage] ?? 0)
        }, trailing: trailing)
    }
}
