/// One terminal cell. A wide character occupies its cell (width 2) and the
/// cell to its right, which is a continuation cell (empty grapheme, width 0).
public struct Cell: Hashable, Sendable {
    public var grapheme: String
    public var width: Int
    public var style: Style

    public init(_ grapheme: String, width: Int = 1, style: Style = .normal) {
        self.grapheme = grapheme; self.width = width; self.style = style
    }

    public static let blank = Cell(" ")
    public var isContinuation: Bool { width == 0 }
}

/// Where the real terminal cursor goes (screen readers follow it).
public struct CursorPosition: Hashable, Sendable {
    public var row: Int
    public var col: Int
    public init(row: Int, col: Int) { self.row = row; self.col = col }
}

/// A rendered frame: `width × height` cells in row-major order.
public struct ScreenBuffer: Hashable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    public var cursor: CursorPosition?
    /// What marks a line cut at a rectangle's edge (the glyph set's ellipsis).
    public var ellipsis = "…"

    public init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: fill, count: self.width * self.height)
    }

    public subscript(row: Int, col: Int) -> Cell {
        cells[row * width + col]
    }

    /// The cells of one row.
    public func row(_ r: Int) -> ArraySlice<Cell> {
        cells[(r * width)..<((r + 1) * width)]
    }

    /// Sets one cell, repairing any wide character it cuts in half so the
    /// buffer never holds an orphaned half.
    public mutating func set(row: Int, col: Int, _ cell: Cell) {
        guard row >= 0, row < height, col >= 0, col < width else { return }
        let i = row * width + col
        if cells[i].width == 0, col > 0 { cells[i - 1] = Cell(" ", style: cells[i - 1].style) }
        if cells[i].width == 2, col + 1 < width { cells[i + 1] = Cell(" ", style: cells[i + 1].style) }
        if cell.width == 2 {
            guard col + 1 < width else { cells[i] = Cell(" ", style: cell.style); return }
            if cells[i + 1].width == 2, col + 2 < width { cells[i + 2] = Cell(" ", style: cells[i + 2].style) }
            cells[i] = cell
            cells[i + 1] = Cell("", width: 0, style: cell.style)
        } else {
            cells[i] = cell
        }
    }

    /// Restyles a cell without changing its content.
    public mutating func restyle(row: Int, col: Int, _ change: (inout Style) -> Void) {
        guard row >= 0, row < height, col >= 0, col < width else { return }
        change(&cells[row * width + col].style)
    }

    /// One row's text, continuation cells skipped, trailing spaces trimmed.
    public func rowText(_ r: Int) -> String {
        var s = ""
        for cell in row(r) where cell.width > 0 { s += cell.grapheme }
        while s.last == " " { s.removeLast() }
        return s
    }

    /// The whole frame as text, for golden tests.
    public var text: String {
        (0..<height).map(rowText).joined(separator: "\n")
    }

    /// Rows whose cells differ from `old` (every row when the size changed
    /// or there is no previous frame): what a backend must repaint.
    public func changedRows(from old: ScreenBuffer?) -> [Int] {
        guard let old, old.width == width, old.height == height else { return Array(0..<height) }
        return (0..<height).filter { row($0) != old.row($0) }
    }

    /// Maximal runs of changed cells on changed rows, as (row, column range),
    /// for backends that repaint less than whole rows.
    public func changedRuns(from old: ScreenBuffer?) -> [(row: Int, cols: Range<Int>)] {
        guard let old, old.width == width, old.height == height else {
            return (0..<height).map { ($0, 0..<width) }
        }
        var runs: [(row: Int, cols: Range<Int>)] = []
        for r in 0..<height {
            var c = 0
            while c < width {
                guard self[r, c] != old[r, c] else { c += 1; continue }
                var start = c
                if start > 0, self[r, start].width == 0 { start -= 1 }   // repaint a wide char whole
                while c < width, self[r, c] != old[r, c] || self[r, c].width == 0 { c += 1 }
                runs.append((r, start..<c))
            }
        }
        return runs
    }
}
