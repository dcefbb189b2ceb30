/// Narrows positions (and the proposals shown) by stance, stakeholder kind,
/// stage and theme. An empty set means "any".
public struct PositionFilter: Sendable, Hashable {
    public var stances: Set<Stance>
    public var kinds: Set<StakeholderKind>
    public var stages: Set<Stage>
    public var themes: Set<Theme>

    public init(stances: Set<Stance> = [], kinds: Set<StakeholderKind> = [], stages: Set<Stage> = [], themes: Set<Theme> = []) {
        self.stances = stances; self.kinds = kinds; self.stages = stages; self.themes = themes
    }

    public static let none = PositionFilter()
    public var isEmpty: Bool { stances.isEmpty && kinds.isEmpty && stages.isEmpty && themes.isEmpty }

    /// "stance=supports,qualified kind=charity" — for status lines and headers.
    public var description: String {
        var parts: [String] = []
        if !stances.isEmpty { parts.append("stance=" + stances.sorted().map(\.rawValue).joined(separator: ",")) }
        if !kinds.isEmpty { parts.append("kind=" + kinds.sorted().map(\.rawValue).joined(separator: ",")) }
        if !stages.isEmpty { parts.append("stage=" + stages.sorted().map(\.rawValue).joined(separator: ",")) }
        if !themes.isEmpty { parts.append("theme=" + themes.sorted().map { String($0.rawValue) }.joined(separator: ",")) }
        return parts.joined(separator: " ")
    }
}

/// Positions sharing one stance.
public struct StanceGroup: Sendable {
    public let stance: Stance
    public let positions: [Position]
}

/// How a list of proposals is ordered.
public enum ProposalOrder: String, CaseIterable, Sendable {
    case theme      // by chapter, then stage, then title
    case positions  // most positions first
    case divided    // most divided stakeholders first
}

extension Corpus {
    /// The stage at which a position was stated: that of the document its
    /// first quote comes from.
    public func stage(of position: Position) -> Stage {
        position.quotes.first.flatMap { document($0.document)?.stage } ?? proposal(position.proposal)?.stage ?? .finalReport
    }

    public func matches(_ position: Position, _ filter: PositionFilter) -> Bool {
        if !filter.stances.isEmpty, !filter.stances.contains(position.stance) { return false }
        if !filter.kinds.isEmpty, let s = stakeholder(position.stakeholder), !filter.kinds.contains(s.kind) { return false }
        if !filter.stages.isEmpty, !filter.stages.contains(stage(of: position)) { return false }
        if !filter.themes.isEmpty, let p = proposal(position.proposal), !filter.themes.contains(p.theme) { return false }
        return true
    }

    /// Every position on a proposal, grouped from supports to opposes; within
    /// a group, by stakeholder name. Groups with no position are omitted.
    public func positionsByStance(onProposal id: String, filter: PositionFilter = .none) -> [StanceGroup] {
        let matching = positions(onProposal: id).filter { matches($0, filter) }
        return Stance.allCases.compactMap { stance in
            let group = matching.filter { $0.stance == stance }
                .sorted { stakeholderName($0.stakeholder).lowercased() < stakeholderName($1.stakeholder).lowercased() }
            return group.isEmpty ? nil : StanceGroup(stance: stance, positions: group)
        }
    }

    /// Every position of a stakeholder, by theme, then proposal title.
    public func positions(ofStakeholder id: String, filter: PositionFilter) -> [Position] {
        positions(ofStakeholder: id).filter { matches($0, filter) }.sorted {
            let a = proposal($0.proposal), b = proposal($1.proposal)
            return (a?.theme.rawValue ?? 0, a?.title ?? "") < (b?.theme.rawValue ?? 0, b?.title ?? "")
        }
    }

    /// Proposals that pass the filter's stage and theme, and (when the filter
    /// names stances or kinds) have at least one matching position.
    public func proposals(filter: PositionFilter = .none, order: ProposalOrder = .theme) -> [Proposal] {
        let kept = proposals.filter { p in
            if !filter.themes.isEmpty, !filter.themes.contains(p.theme) { return false }
            if filter.stances.isEmpty && filter.kinds.isEmpty && filter.stages.isEmpty {
                return true
            }
            return positions(onProposal: p.id).contains { matches($0, filter) }
        }
        let byTheme: (Proposal, Proposal) -> Bool = {
            ($0.theme.rawValue, $0.stage, $0.title) < ($1.theme.rawValue, $1.stage, $1.title)
        }
        switch order {
        case .theme:
            return kept.sorted(by: byTheme)
        case .positions:
            return kept.sorted {
                let a = positions(onProposal: $0.id).count, b = positions(onProposal: $1.id).count
                return a != b ? a > b : byTheme($0, $1)
            }
        case .divided:
            return kept.sorted {
                let a = divisiveness(ofProposal: $0.id), b = divisiveness(ofProposal: $1.id)
                return a != b ? a > b : byTheme($0, $1)
            }
        }
    }

    /// How many positions on a proposal take each stance, supports first.
    public func stanceTally(ofProposal id: String, filter: PositionFilter = .none) -> [Int] {
        var tally = [Int](repeating: 0, count: Stance.allCases.count)
        for p in positions(onProposal: id) where matches(p, filter) { tally[p.stance.rank] += 1 }
        return tally
    }

    /// How divided the stakeholders are on a proposal: the standard deviation
    /// of stances scored supports +2, qualified +1, mixed 0, concerned −1,
    /// opposes −2. 0 when fewer than two positions; 2 at most (an even split
    /// between supports and opposes).
    public func divisiveness(ofProposal id: String) -> Double {
        let scores = positions(onProposal: id).map { Double(2 - $0.stance.rank) }
        guard scores.count >= 2 else { return 0 }
        let mean = scores.reduce(0, +) / Double(scores.count)
        let variance = scores.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(scores.count)
        return variance.squareRoot()
    }

    public func stakeholderName(_ id: String) -> String { stakeholder(id)?.name ?? id }
    public func proposalTitle(_ id: String) -> String { proposal(id)?.title ?? id }

    /// Stakeholder ids in name order.
    public func stakeholdersByName(filter: PositionFilter = .none) -> [Stakeholder] {
        stakeholders.filter { s in
            if !filter.kinds.isEmpty, !filter.kinds.contains(s.kind) { return false }
            if filter.stances.isEmpty && filter.stages.isEmpty && filter.themes.isEmpty { return true }
            return positions(ofStakeholder: s.id).contains { matches($0, filter) }
        }.sorted { $0.name.lowercased() < $1.name.lowercased() }
    }
}
