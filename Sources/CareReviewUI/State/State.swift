import CareReview

/// The search: the query, its hits and the selected one. Until the backend
/// delivers the index, `index` is nil and the screen says "indexing…".
public struct SearchState: Sendable {
    public internal(set) var query: String = ""
    public internal(set) var hits: [SearchHit] = []
    public internal(set) var selected: Int = 0
    public internal(set) var index: SearchIndex?
    /// For each hit, the other positions that quote the same words (one row
    /// stands for all: "(in 4 positions)").
    public internal(set) var sharedBy: [[String]] = []
    public static let limit = 200

    /// Other positions sharing hit `i`'s quote.
    public func others(_ i: Int) -> [String] { sharedBy.indices.contains(i) ? sharedBy[i] : [] }
}

/// Everything the screen shows. Change it only with `reduce`.
public struct State: Sendable {
    /// Replaced only by `replaceCorpus` (a change to a `--data` dataset).
    public internal(set) var corpus: Corpus
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
    /// The message line; every new message is also kept in `messageLog` (`:messages`).
    public internal(set) var message: Message? {
        didSet {
            guard let m = message, m != oldValue else { return }
            messageLog.append(m)
            if messageLog.count > Self.messageLogLimit { messageLog.removeFirst(messageLog.count - Self.messageLogLimit) }
        }
    }
    public internal(set) var messageLog: [Message] = []
    static let messageLogLimit = 200
    /// The terminal shows no colour (`--no-color`, NO_COLOR): stance letters join the glyphs.
    public internal(set) var monochrome = false
    /// Asked before an effect that would overwrite something (`:export` onto a file).
    public internal(set) var confirmation: Confirmation?
    /// Effects waiting for the backend; each finishes with `.effectFinished`.
    public internal(set) var effects: [PendingEffect] = []
    var nextEffectID = 1
    /// The reader's marks and notes; every change enqueues `.saveAnnotations`.
    public internal(set) var annotations: Annotations
    /// The position whose note is being edited (mode `.noteInput`).
    public internal(set) var noteTarget: String?
    /// Positions lists ordered by stage and date instead of grouped by stance (`t`).
    public internal(set) var timeline = false
    /// Presenter mode (`P`, `--present`); nil when browsing.
    public internal(set) var presenter: Presenter?
    /// Echo the last keys pressed (`--show-keys`), for an audience.
    public internal(set) var showKeys: Bool
    public internal(set) var recentKeys: [Key] = []
    static let recentKeyLimit = 8
    /// Coding a `--data` dataset: selection, prompts, undo.
    public internal(set) var coding = CodingState()

    // Derived, rebuilt only when their inputs change (see `refresh`).
    var figures: ProposalFigures
    var proposalResolver: NameResolver
    var stakeholderResolver: NameResolver
    public internal(set) var proposalList: GroupedList<ProposalRow>
    var proposalListKey: (PositionFilter, ProposalOrder)
    public internal(set) var positionList: GroupedList<Position>
    var positionListKey: (String?, PositionFilter, Bool)
    public internal(set) var stakeholderList: GroupedList<Position>
    var stakeholderListKey: (String?, PositionFilter, Bool)
    var article: ArticleLayout?
    /// Built when the matrix screen is shown, rebuilt when sort or filter change.
    public internal(set) var matrix: StanceMatrix?
    var matrixKey: MatrixKey?
    /// Built when the compare screen is shown, for its pair.
    public internal(set) var comparison: Comparison?

    /// Home: the proposals screen. `annotations` are the reader's saved
    /// marks and notes; `presenting` starts in presenter mode (`--present`);
    /// `showKeys` echoes the last keys pressed (`--show-keys`).
    public init(corpus: Corpus, glyphs: GlyphSet = .unicode, theme: ThemeName = .default, width: Int = 80, height: Int = 24,
                annotations: Annotations = Annotations(), presenting: Bool = false, showKeys: Bool = false) {
        self.corpus = corpus
        self.annotations = annotations
        self.showKeys = showKeys
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
        positionListKey = (nil, .none, false)
        stakeholderList = ListBuilder.positions(ofStakeholder: "", corpus, filter: .none)
        stakeholderListKey = (nil, .none, false)
        normalize()
        if presenting { startPresenting(); normalize() }
    }

    /// Deep link: open on a proposal, optionally with a stakeholder's position
    /// selected (ids or anything `DeepLink.resolve` accepts).
    public init(corpus: Corpus, deepLink: DeepLink, glyphs: GlyphSet = .unicode, theme: ThemeName = .default,
                width: Int = 80, height: Int = 24, annotations: Annotations = Annotations(), presenting: Bool = false,
                showKeys: Bool = false) {
        self.init(corpus: corpus, glyphs: glyphs, theme: theme, width: width, height: height, annotations: annotations,
                  showKeys: showKeys)
        switch deepLink.resolve(in: corpus) {
        case .success(let ids): apply(.openProposal(ids.proposal, stakeholder: ids.stakeholder))
        case .failure(let e): message = Message(text: e.message, isError: true)
        }
        // A deep link starts a fresh history: back goes nowhere.
        history = [current]
        historyIndex = 0
        if presenting { startPresenting(); normalize() }
    }

    /// Restores a saved session; entries that no longer exist in the corpus
    /// are dropped, and an unusable session starts at home.
    public init(restoring session: Session, corpus: Corpus, glyphs: GlyphSet = .unicode, width: Int = 80, height: Int = 24,
                annotations: Annotations = Annotations(), presenting: Bool = false, showKeys: Bool = false) {
        self.init(corpus: corpus, glyphs: glyphs, theme: session.theme, width: width, height: height, annotations: annotations,
                  showKeys: showKeys)
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
        if presenting { startPresenting(); normalize() }
    }

    /// What to save to come back here.
    public var session: Session {
        // The theme the user chose, not presenter mode's.
        Session(history: history, historyIndex: historyIndex, theme: presenter?.previousTheme ?? theme, sort: sort.rawValue,
                filter: SavedFilter(filter), searchQuery: search.query, maximised: maximised)
    }

    /// The location on screen.
    public var current: Location {
        get { history[historyIndex] }
        set { history[historyIndex] = newValue }
    }

    public var palette: Palette { .named(theme) }

}

/// Presenter mode: one proposal as slides — slide 0 the proposal, then one
/// slide per position on it.
public struct Presenter: Hashable, Sendable {
    public internal(set) var proposal: String
    public internal(set) var slide: Int
    /// Which page of the slide's quotes (extra quotes become sub-slides).
    public internal(set) var page: Int = 0
    /// The theme to restore when presenting ends.
    public internal(set) var previousTheme: ThemeName
}

/// A yes/no question, and the effect to run on yes.
public struct Confirmation: Hashable, Sendable {
    public let question: String
    public let effect: Effect
}

extension Stance {
    /// The stance's letter (s q m c o), beside glyphs whose shape alone would carry it.
    public var letter: String {
        switch self { case .supports: "s"; case .qualified: "q"; case .mixed: "m"; case .concerned: "c"; case .opposes: "o" }
    }
}

extension State {
    /// Stance glyphs get their letter in monochrome and ASCII, where neither
    /// colour nor a distinct shape tells them apart.
    public var needsStanceLetters: Bool { !glyphs.isUnicode || theme == .mono || monochrome }
}

/// What the cached stance matrix was built from.
struct MatrixKey: Hashable {
    let sort: ProposalOrder
    let filter: PositionFilter
}
