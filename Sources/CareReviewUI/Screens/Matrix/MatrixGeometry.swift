import CareReview

/// Where the parts of the stance matrix go in its pane: two info lines
/// (the cursor's stakeholder and proposal in full), the column-header row,
/// a rule marking the cursor's column, then the grid. Row headers are a
/// fixed column on the left. Shared by the renderer, the reducer (keeping
/// the cursor in view) and mouse hits, so all three agree.
struct MatrixGeometry {
    static let infoRows = 2
    /// Each stakeholder column: a 6-column abbreviation and a space.
    static let columnWidth = StanceMatrix.headerWidth + 1
    static var abbreviationWidth: Int { columnWidth - 1 }

    let rect: Rect
    let rowHeaderWidth: Int
    let visibleRows: Int
    let visibleColumns: Int

    init(rect: Rect, columns: Int) {
        self.rect = rect
        let base = max(8, min(44, rect.width / 3))
        // Few columns: the row headers take the room left, for full titles.
        let spare = rect.width - 1 - columns * Self.columnWidth
        rowHeaderWidth = min(max(1, rect.width - 2), max(base, min(60, spare)))
        visibleRows = max(1, rect.height - Self.infoRows - 2)
        visibleColumns = max(1, (rect.width - rowHeaderWidth - 1) / Self.columnWidth)
    }

    var headerRow: Int { rect.row + Self.infoRows }
    var ruleRow: Int { headerRow + 1 }
    var gridTop: Int { ruleRow + 1 }
    /// The separator between row headers and the grid.
    var separatorCol: Int { rect.col + rowHeaderWidth }
    var gridLeft: Int { separatorCol + 1 }

    /// The screen column where grid column `c` (absolute) starts, given the scroll.
    func col(of c: Int, left: Int) -> Int { gridLeft + (c - left) * Self.columnWidth }

    /// The matrix row and column under a screen cell: -1 for headers, nil outside.
    func hit(row r: Int, col c: Int, top: Int, left: Int, rows: Int, columns: Int) -> (row: Int, col: Int)? {
        guard rect.contains(row: r, col: c) else { return nil }
        let row: Int
        if r == headerRow { row = -1 } else if r >= gridTop { row = top + r - gridTop } else { return nil }
        let col = c < separatorCol ? -1 : c == separatorCol ? nil : left + (c - gridLeft) / Self.columnWidth
        guard let col, row < rows, col < columns, row >= 0 || col >= 0 else { return nil }
        return (row, col)
    }
}
