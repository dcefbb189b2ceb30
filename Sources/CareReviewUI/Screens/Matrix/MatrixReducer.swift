import CareReview

/// The stance matrix screen: a cursor over proposals × stakeholders, where
/// row -1 is the column headers and column -1 the row headers.
extension State {
    /// The position in the cell under the cursor (nil on a header or a blank cell).
    public var matrixCursorPosition: Position? {
        guard case .matrix = current.screen, let m = matrix, let g = current.grid else { return nil }
        return m.position(row: g.row, column: g.col)
    }

    /// The stakeholder of the cursor's column, if on a column.
    var matrixCursorStakeholder: Stakeholder? {
        guard case .matrix = current.screen, let m = matrix, let g = current.grid, m.columns.indices.contains(g.col) else { return nil }
        return m.columns[g.col]
    }

    /// The proposal of the cursor's row, if on a row.
    var matrixCursorProposal: Proposal? {
        guard case .matrix = current.screen, let m = matrix, let g = current.grid, m.rows.indices.contains(g.row) else { return nil }
        return m.rows[g.row]
    }

    /// `M`: the matrix, with the cursor on what was selected where we came from.
    mutating func openMatrix() {
        let proposal = selectedPosition?.proposal ?? (current.screen == .browse ? current.proposal : nil)
        var stakeholder = selectedPosition?.stakeholder
        if case .stakeholder(let id) = current.screen { stakeholder = id }
        if case .matrix = current.screen { return }
        rebuildMatrixIfNeeded()
        var cursor = GridCursor()
        if let m = matrix {
            if let p = proposal, let r = m.rows.firstIndex(where: { $0.id == p }) { cursor.row = r }
            if let s = stakeholder, let c = m.columns.firstIndex(where: { $0.id == s }) { cursor.col = c }
        }
        var l = Location(screen: .matrix)
        l.grid = cursor
        push(l)
    }

    /// Builds the matrix for the current sort and filter; the cursor stays
    /// on the same proposal and stakeholder where they are still shown.
    mutating func rebuildMatrixIfNeeded() {
        let key = MatrixKey(sort: sort, filter: filter)
        guard matrixKey != key else { return }
        let old = matrix
        let m = StanceMatrix(corpus: corpus, order: sort, filter: filter)
        if let old, case .matrix = current.screen, var g = current.grid {
            if old.rows.indices.contains(g.row) {
                let id = old.rows[g.row].id
                g.row = m.rows.firstIndex { $0.id == id } ?? g.row
            }
            if old.columns.indices.contains(g.col) {
                let id = old.columns[g.col].id
                g.col = m.columns.firstIndex { $0.id == id } ?? g.col
            }
            current.grid = g
        }
        matrix = m
        matrixKey = key
    }

    func matrixGeometry(_ m: StanceMatrix) -> MatrixGeometry {
        let rect = layout.content(of: .matrix) ?? Rect(row: 1, col: 0, width: max(1, width), height: max(1, height - 4))
        return MatrixGeometry(rect: rect, columns: m.columns.count)
    }

    mutating func normalizeMatrix() {
        rebuildMatrixIfNeeded()
        guard let m = matrix else { return }
        var g = current.grid ?? GridCursor()
        g.row = max(-1, min(g.row, m.rows.count - 1))
        g.col = max(-1, min(g.col, m.columns.count - 1))
        // The corner is not a place: prefer the first column header, then the first row header.
        if g.row == -1 && g.col == -1 {
            if !m.columns.isEmpty { g.col = 0 } else if !m.rows.isEmpty { g.row = 0 }
        }
        let geo = matrixGeometry(m)
        g.top = Viewport.top(stored: g.top, selected: max(0, g.row), count: m.rows.count, height: geo.visibleRows)
        g.left = Viewport.top(stored: g.left, selected: max(0, g.col), count: m.columns.count, height: geo.visibleColumns)
        current.grid = g
    }

    /// j/k, PgUp/PgDn, g/G: up from the first row reaches the column headers.
    mutating func moveMatrixRow(by delta: Int) {
        guard let m = matrix, var g = current.grid, !m.rows.isEmpty else { return }
        if g.row == 0, delta < 0, delta > Int.min / 4 {   // g (first) stays on the rows
            if g.col >= 0 { g.row = -1 }   // not into the corner
        } else if g.row == -1, delta > 0 {
            g.row = clamp(0, delta - 1, m.rows.count)
        } else if g.row >= 0 {
            g.row = clamp(g.row, delta, m.rows.count)
        }
        current.grid = g
    }

    /// h/l, Home/End: left of the first column are the row headers.
    mutating func moveColumn(by delta: Int) {
        guard case .matrix = current.screen, let m = matrix, var g = current.grid, !m.columns.isEmpty else { return }
        let single = abs(delta) == 1
        if g.col == 0, delta < 0, single {
            if g.row >= 0 { g.col = -1 }
        } else if g.col == -1, delta > 0 {
            g.col = clamp(0, delta - 1, m.columns.count)
        } else {
            g.col = clamp(max(0, g.col), delta, m.columns.count)
        }
        current.grid = g
    }

    /// Enter: a cell opens its position (the positions screen with it
    /// selected), a row header its proposal, a column header its stakeholder.
    mutating func openMatrixCursor() {
        guard let m = matrix, let g = current.grid else { return }
        switch (g.row >= 0, g.col >= 0) {
        case (true, true):
            guard let p = m.position(row: g.row, column: g.col) else {
                message = Message(text: "\(m.columns[g.col].name) has no recorded position on “\(m.rows[g.row].title)”", isError: false)
                return
            }
            showHidden(p.proposal)
            push(Location(screen: .browse, focus: 1, proposal: p.proposal, position: p.id))
        case (true, false): openProposal(m.rows[g.row].id, stakeholder: nil)
        case (false, true): push(Location(screen: .stakeholder(m.columns[g.col].id)))
        case (false, false): break
        }
    }

    /// Mouse on the matrix: click moves the cursor, double-click opens, the wheel scrolls rows.
    mutating func handleMatrixMouse(_ e: MouseEvent) {
        guard let m = matrix, var g = current.grid else { return }
        switch e.kind {
        case .wheelDown: moveMatrixRow(by: 3)
        case .wheelUp: moveMatrixRow(by: -3)
        case .drag, .release: break
        case .click, .doubleClick:
            guard let hit = matrixGeometry(m).hit(row: e.row, col: e.col, top: g.top, left: g.left,
                                                  rows: m.rows.count, columns: m.columns.count) else { return }
            g.row = hit.row
            g.col = hit.col
            current.grid = g
            if e.kind == .doubleClick { normalize(); openMatrixCursor() }
        }
    }
}
