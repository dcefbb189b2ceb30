/// A screen of the browser.
public enum Screen: Hashable, Sendable, Codable {
    /// Proposals | positions of the selected proposal | detail of the selected position.
    case browse
    /// All positions of one stakeholder | detail.
    case stakeholder(String)
    /// An article, read at a passage.
    case source(document: String)
    /// Search results | preview of the selected hit.
    case search
    /// Proposals × stakeholders, a stance glyph in each cell.
    case matrix
    /// Two stakeholders side by side (ids), proposal by proposal.
    case compare(String, String)
    /// Every stakeholder, with who it is.
    case stakeholders
}

/// A pane of a screen.
public enum Pane: String, Hashable, Sendable, Codable {
    case proposals, positions, detail, article, results, preview, matrix, comparison, index, about

    /// The panes of a screen, left to right.
    public static func of(_ screen: Screen) -> [Pane] {
        switch screen {
        case .browse: [.proposals, .positions, .detail]
        case .stakeholder: [.positions, .detail]
        case .source: [.article]
        case .search: [.results, .preview]
        case .matrix: [.matrix]
        case .compare: [.comparison]
        case .stakeholders: [.index, .about]
        }
    }
}

/// One entry of the history: a screen and everything selected on it, by id
/// so it survives filters, re-sorting and a restart.
public struct Location: Hashable, Sendable, Codable {
    public var screen: Screen
    /// Index of the focused pane in `Pane.of(screen)`.
    public var focus: Int = 0
    /// browse: the selected proposal.
    public var proposal: String?
    /// browse, stakeholder: the selected position.
    public var position: String?
    /// The selected quote: of the position (detail), or the index into the
    /// document's coded quotes (source reader).
    public var quote: Int = 0
    /// source: extra ranges to highlight (a search passage), scalar offsets.
    public var marks: [Range<Int>] = []
    /// Scroll tops of each pane (first visible row). For the article: the
    /// scalar offset of the first visible line, so it survives re-wrapping.
    public var tops: [Int] = [0, 0, 0]
    /// matrix, compare: the cursor cell and the scroll of the grid
    /// (optional so sessions saved before it existed still decode).
    public var grid: GridCursor?
    /// The pane this location was opened at: back from there leaves the
    /// screen rather than visiting panes to its left the user never saw.
    public var entryFocus: Int?
    /// source: which of `marks` the reader is centred on (n/N after a find).
    public var markFocus: Int?

    public init(screen: Screen, focus: Int = 0, proposal: String? = nil, position: String? = nil, quote: Int = 0,
                marks: [Range<Int>] = []) {
        self.screen = screen; self.focus = focus; self.proposal = proposal; self.position = position
        self.quote = quote; self.marks = marks
    }

    public var panes: [Pane] { Pane.of(screen) }
    public var focusedPane: Pane { panes[min(max(focus, 0), panes.count - 1)] }

    func top(_ pane: Pane) -> Int { panes.firstIndex(of: pane).map { tops[$0] } ?? 0 }
    mutating func setTop(_ pane: Pane, _ value: Int) {
        if let i = panes.firstIndex(of: pane) { tops[i] = max(0, value) }
    }
}

/// A cursor in a grid and the grid's scroll. Row and column -1 are the
/// headers: row -1 is the column-header row, column -1 the row headers.
public struct GridCursor: Hashable, Sendable, Codable {
    public var row: Int
    public var col: Int
    public var top: Int
    public var left: Int
    public init(row: Int = 0, col: Int = 0, top: Int = 0, left: Int = 0) {
        self.row = row; self.col = col; self.top = top; self.left = left
    }
}
