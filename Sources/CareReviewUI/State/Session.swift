import CareReview

/// Where the user was, saved by the backend (XDG state directory) and
/// restored at the next start with `State(restoring:corpus:)`.
public struct Session: Hashable, Sendable, Codable {
    public var version: Int = 1
    public var history: [Location]
    public var historyIndex: Int
    public var theme: ThemeName
    public var sort: String
    public var filter: SavedFilter
    public var searchQuery: String
    public var maximised: Bool

    public init(history: [Location], historyIndex: Int, theme: ThemeName, sort: String, filter: SavedFilter,
                searchQuery: String, maximised: Bool) {
        self.history = history; self.historyIndex = historyIndex; self.theme = theme; self.sort = sort
        self.filter = filter; self.searchQuery = searchQuery; self.maximised = maximised
    }
}

/// A `PositionFilter` in a stable, Codable form (raw values).
public struct SavedFilter: Hashable, Sendable, Codable {
    public var stances: [String] = []
    public var kinds: [String] = []
    public var stages: [String] = []
    public var themes: [Int] = []

    public init(_ f: PositionFilter) {
        stances = f.stances.sorted().map(\.rawValue)
        kinds = f.kinds.sorted().map(\.rawValue)
        stages = f.stages.sorted().map(\.rawValue)
        themes = f.themes.sorted().map(\.rawValue)
    }

    /// Unknown values (from an older dataset vocabulary) are dropped.
    public var filter: PositionFilter {
        PositionFilter(stances: Set(stances.compactMap(Stance.init(rawValue:))),
                       kinds: Set(kinds.compactMap(StakeholderKind.init(rawValue:))),
                       stages: Set(stages.compactMap(Stage.init(rawValue:))),
                       themes: Set(themes.compactMap(Theme.init(rawValue:))))
    }
}

/// Where `carereview open PROPOSAL [--stakeholder S]` starts.
public struct DeepLink: Hashable, Sendable {
    public let proposal: String
    public let stakeholder: String?
    public init(proposal: String, stakeholder: String? = nil) { self.proposal = proposal; self.stakeholder = stakeholder }

    /// Resolves the names the user typed (ids, prefixes, aliases, acronyms)
    /// to ids, or explains why not (for the command line to print).
    public func resolve(in corpus: Corpus) -> Result<(proposal: String, stakeholder: String?), DeepLinkError> {
        let p: String
        switch NameResolver.proposals(corpus).resolve(proposal) {
        case .found(let id): p = id
        case .ambiguous(let ids): return .failure(.init(message: "“\(proposal)” is ambiguous; did you mean \(ids.joined(separator: ", "))?"))
        case .notFound(let near): return .failure(.init(message: "No proposal “\(proposal)”" + Self.suggest(near)))
        }
        guard let stakeholder else { return .success((p, nil)) }
        switch NameResolver.stakeholders(corpus).resolve(stakeholder) {
        case .found(let id): return .success((p, id))
        case .ambiguous(let ids): return .failure(.init(message: "“\(stakeholder)” is ambiguous; did you mean \(ids.joined(separator: ", "))?"))
        case .notFound(let near): return .failure(.init(message: "No stakeholder “\(stakeholder)”" + Self.suggest(near)))
        }
    }

    static func suggest(_ near: [String]) -> String {
        near.isEmpty ? "." : "; did you mean \(near.joined(separator: ", "))?"
    }
}

public struct DeepLinkError: Error, Hashable, Sendable { public let message: String }
