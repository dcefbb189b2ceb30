/// Where things go on a screen of a given size. Used by the renderer and by
/// the reducer (paging, keeping the selection in view, mouse hits), so both
/// always agree.
public struct ScreenLayout: Sendable {
    /// Below this the browser shows a "too small" message instead.
    public static let minWidth = 40
    public static let minHeight = 10
    /// From this width the browse screen shows all three panes (below it,
    /// two panes give proposal titles room to be read).
    public static let threePaneWidth = 160
    /// From this width list and detail sit side by side.
    public static let twoPaneWidth = 80
    /// Below `twoPaneWidth`, list and detail are stacked from this height.
    public static let stackHeight = 20

    public let width: Int
    public let height: Int
    public let tooSmall: Bool
    public let header: Rect
    public let status: Rect
    public let messageLine: Rect
    public let body: Rect
    public let panes: [(pane: Pane, rect: Rect)]
    /// Vertical separators (one column) and horizontal ones (one row).
    public let separators: [Rect]

    /// `messageRows`: 2 while a long message wraps onto a second line.
    public init(_ location: Location, maximised: Bool, width: Int, height: Int, messageRows: Int = 1) {
        self.width = max(0, width)
        self.height = max(0, height)
        tooSmall = width < Self.minWidth || height < Self.minHeight
        header = Rect(row: 0, col: 0, width: width, height: 1)
        let m = max(1, min(2, messageRows))
        status = Rect(row: height - 1 - m, col: 0, width: width, height: 1)
        messageLine = Rect(row: height - m, col: 0, width: width, height: m)
        body = Rect(row: 1, col: 0, width: width, height: height - 2 - m)
        guard !tooSmall else { panes = []; separators = []; return }

        let all = location.panes
        let focused = location.focusedPane
        var arrangement: Arrangement
        if maximised || all.count == 1 {
            arrangement = .columns([focused], weights: [1])
        } else {
            switch location.screen {
            case .browse:
                if width >= Self.threePaneWidth {
                    arrangement = .columns(all, weights: [36, 30, 34])
                } else if width >= Self.twoPaneWidth {
                    arrangement = .columns(focused == .proposals ? [.proposals, .positions] : [.positions, .detail],
                                           weights: focused == .proposals ? [60, 40] : [45, 55])
                } else if focused == .proposals || height < Self.stackHeight {
                    arrangement = .columns([focused], weights: [1])
                } else {
                    arrangement = .stacked(.positions, .detail)
                }
            default:
                if width >= Self.twoPaneWidth {
                    arrangement = .columns(all, weights: location.screen == .search ? [55, 45] : [45, 55])
                } else if height >= Self.stackHeight {
                    arrangement = .stacked(all[0], all[1])
                } else {
                    arrangement = .columns([focused], weights: [1])
                }
            }
        }
        (panes, separators) = Self.place(arrangement, in: body)
    }

    private enum Arrangement { case columns([Pane], weights: [Int]), stacked(Pane, Pane) }

    private static func place(_ a: Arrangement, in body: Rect) -> ([(pane: Pane, rect: Rect)], [Rect]) {
        switch a {
        case .columns(let panes, let weights):
            let usable = body.width - (panes.count - 1)
            let total = weights.reduce(0, +)
            var col = body.col
            var out: [(pane: Pane, rect: Rect)] = []
            var seps: [Rect] = []
            for (i, p) in panes.enumerated() {
                let w = i == panes.count - 1 ? body.col + body.width - col : usable * weights[i] / total
                out.append((p, Rect(row: body.row, col: col, width: w, height: body.height)))
                col += w
                if i < panes.count - 1 {
                    seps.append(Rect(row: body.row, col: col, width: 1, height: body.height))
                    col += 1
                }
            }
            return (out, seps)
        case .stacked(let top, let bottom):
            let h = max(4, (body.height - 1) * 2 / 5)
            let sep = Rect(row: body.row + h, col: body.col, width: body.width, height: 1)
            return ([(top, Rect(row: body.row, col: body.col, width: body.width, height: h)),
                     (bottom, Rect(row: body.row + h + 1, col: body.col, width: body.width, height: body.height - h - 1))], [sep])
        }
    }

    public func rect(of pane: Pane) -> Rect? { panes.first { $0.pane == pane }?.rect }

    /// Rows a pane's title takes before its content.
    public static func headerRows(_ pane: Pane) -> Int { pane == .article ? 2 : 1 }

    /// The content area of a visible pane.
    public func content(of pane: Pane) -> Rect? { rect(of: pane).map { $0.dropping(top: Self.headerRows(pane)) } }
}

/// Keeping a selected line in view.
enum Viewport {
    /// The first visible line: `stored` moved as little as needed so that
    /// `selected` is visible (and the heading just above it, when there is room).
    static func top(stored: Int, selected: Int, count: Int, height: Int, headingAbove: Bool = false) -> Int {
        guard height > 0, count > 0 else { return 0 }
        var t = min(max(0, stored), max(0, count - height))
        if selected < t { t = selected }
        if selected >= t + height { t = selected - height + 1 }
        if headingAbove, selected == t, selected > 0, height >= 2 { t -= 1 }
        return max(0, t)
    }

    /// A scroll offset clamped to the text's length.
    static func clampScroll(_ top: Int, lines: Int, height: Int) -> Int {
        max(0, min(top, lines - max(1, height)))
    }
}
