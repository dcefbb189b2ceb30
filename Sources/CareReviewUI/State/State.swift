import CareReview

/// The search: the query, its hits and the selected one. Until the backend
/// delivers the index, `index` is nil and the screen says "indexing…".
public struct SearchState: Sendable {
    public internal(set) var query: String = ""
    public internal(set) var hits: [SearchHit] = []
    public internal(set) var selected: Int = 0
    public internal(set) var index: SearchIndex?
    public static let limit = 200
}

/// Everything the screen shows. Change it only with `reduce`.
public struct State: Sendable {
    public let corpus: Corpus
    public internal(set) var width: Int = 80
    public internal(set) var height: Int = 24
    public internal(set) var glyphs: GlyphSet
    public internal(set) var theme: ThemeName
    public internal(set) var history: [Location]
    public internal(set) var historyIndex: Int = 0
    public internal(set) var mode: Mode = .normal
    public internal(set) var filter: PositionFilter = .none
    public internal(set) var sort: ProposalOrder = .theme
    public internal(set) var maximised = false
    public internal(set) var search = SearchState()
    public internal(set) var line = LineEditor()
    public internal(set) var filterCursor = 0
    public internal(set) var helpTop = 0
    public internal(set) var message: Message?
    /// Effects waiting for the backend; each finishes with `.effectFinished`.
    public internal(set) var effects: [PendingEffect] = []
    var nextEffectID = 1

    // Derived, rebuilt only when their inputs change (see `refresh`).
    let figures: ProposalFigures
    let proposalResolver: NameResolver
    let stakeholderResolver: NameResolver
    public internal(set) var proposalList: GroupedList<ProposalRow>
    var proposalListKey: (PositionFilter, ProposalOrder)
    public internal(set) var positionList: GroupedList<Position>
    var positionListKey: (String?, PositionFilter)
    public internal(set) var stakeholderList: GroupedList<Position>
    var stakeholderListKey: (String?, PositionFilter)
    var article: ArticleLayout?

    /// Home: the proposals screen.
    public init(corpus: Corpus, glyphs: GlyphSet = .unicode, theme: ThemeName = .default, width: Int = 80, height: Int = 24) {
        self.corpus = corpus
        self.glyphs = glyphs
        self.theme = theme
        self.width = max(0, width)
        self.height = max(0, height)
        history = [Location(screen: .browse)]
        figures = ProposalFigures(corpus)
        proposalResolver = .proposals(corpus)
        stakeholderResolver = .stakeholders(corpus)
        proposalList = ListBuilder.proposals(corpus, filter: .none, order: .theme, figures: figures)
        proposalListKey = (.none, .theme)
        positionList = ListBuilder.positions(onProposal: nil, corpus, filter: .none)
        positionListKey = (nil, .none)
        stakeholderList = ListBuilder.positions(ofStakeholder: "", corpus, filter: .none)
        stakeholderListKey = (nil, .none)
        normalize()
    }

    /// Deep link: open on a proposal, optionally with a stakeholder's position
    /// selected (ids or anything `DeepLink.resolve` accepts).
    public init(corpus: Corpus, deepLink: DeepLink, glyphs: GlyphSet = .unicode, theme: ThemeName = .default,
                width: Int = 80, height: Int = 24) {
        self.init(corpus: corpus, glyphs: glyphs, theme: theme, width: width, height: height)
        switch deepLink.resolve(in: corpus) {
        case .success(let ids): apply(.openProposal(ids.proposal, stakeholder: ids.stakeholder))
        case .failure(let e): message = Message(text: e.message, isError: true)
        }
        // A deep link starts a fresh history: back goes nowhere.
        history = [current]
        historyIndex = 0
    }

    /// Restores a saved session; entries that no longer exist in the corpus
    /// are dropped, and an unusable session starts at home.
    public init(restoring session: Session, corpus: Corpus, glyphs: GlyphSet = .unicode, width: Int = 80, height: Int = 24) {
        self.init(corpus: corpus, glyphs: glyphs, theme: session.theme, width: width, height: height)
        let valid = session.history.enumerated().filter { isValid($0.element) }
        if !valid.isEmpty {
            history = valid.map(\.element)
            historyIndex = valid.lastIndex { $0.offset <= session.historyIndex } ?? 0
        }
        filter = session.filter.filter
        sort = ProposalOrder(rawValue: session.sort) ?? .theme
        maximised = session.maximised
        search.query = session.searchQuery
        normalize()
    }

    /// What to save to come back here.
    public var session: Session {
        Session(history: history, historyIndex: historyIndex, theme: theme, sort: sort.rawValue,
                filter: SavedFilter(filter), searchQuery: search.query, maximised: maximised)
    }

    /// The location on screen.
    public var current: Location {
        get { history[historyIndex] }
        set { history[historyIndex] = newValue }
    }

    public var palette: Palette { .named(theme) }

    func isValid(_ l: Location) -> Bool {
        switch l.screen {
        case .browse: return l.proposal.map { corpus.proposal($0) != nil } ?? true
        case .stakeholder(let id): return corpus.stakeholder(id) != nil
        case .source(let d): return corpus.document(d) != nil
        case .search: return true
        }
    }
}
