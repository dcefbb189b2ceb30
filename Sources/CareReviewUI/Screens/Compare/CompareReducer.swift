import CareReview

/// Comparing two stakeholders: started with `c` (which fills in the command
/// line with the first) or `:compare A B`.
extension State {
    /// The selected row of the comparison.
    public var selectedComparisonRow: Comparison.Row? {
        guard case .compare = current.screen, let c = comparison, let g = current.grid, c.rows.indices.contains(g.row) else { return nil }
        return c.rows[g.row]
    }

    /// `c`: the command line, ready for the second stakeholder's name.
    mutating func startCompare() {
        var first: String?
        switch current.screen {
        case .compare(let a, _): first = a
        case .stakeholder(let id): first = id
        case .matrix: first = matrixCursorStakeholder?.id
        case .stakeholders: first = selectedIndexStakeholder?.id
        default: first = selectedPosition?.stakeholder
        }
        guard let first else {
            message = Message(text: "Select a position or stakeholder to compare", isError: false)
            return
        }
        mode = .commandLine
        line = LineEditor("compare \(first) ")
    }

    /// `:compare A B` — names as ids, aliases or prefixes; several words each
    /// are fine ("article 39 robin sen"), and so are "vs" and "," between them.
    mutating func runCompare(_ arg: String) {
        guard let (a, b) = resolvePair(arg) else { return }
        guard a != b else { return message = Message(text: "Pick two different stakeholders", isError: true) }
        var l = Location(screen: .compare(a, b))
        l.grid = GridCursor()
        push(l)
    }

    private mutating func resolvePair(_ arg: String) -> (String, String)? {
        let usage = "Usage: :compare NAME NAME (e.g. :compare become adcs; Tab completes)"
        // Words, with commas as words of their own.
        var spaced = ""
        for c in arg { if c == "," { spaced += " , " } else { spaced.append(c) } }
        let words = spaced.split(whereSeparator: \.isWhitespace).map(String.init)
        let separators: Set<String> = [",", "vs", "vs.", "and"]
        if let i = words.firstIndex(where: { separators.contains($0.lowercased()) }), i > 0, i < words.count - 1 {
            let left = words[..<i].joined(separator: " "), right = words[(i + 1)...].joined(separator: " ")
            if case .found(let a) = stakeholderResolver.resolve(left), case .found(let b) = stakeholderResolver.resolve(right) {
                return (a, b)
            }
        }
        guard words.count >= 2 else { message = Message(text: usage, isError: true); return nil }
        // Every split of the words into two names; the first where both resolve wins.
        for i in 1..<words.count {
            let left = words[..<i].joined(separator: " "), right = words[i...].joined(separator: " ")
            if case .found(let a) = stakeholderResolver.resolve(left), case .found(let b) = stakeholderResolver.resolve(right) {
                return (a, b)
            }
        }
        message = Message(text: "Could not find two stakeholders in “\(arg)”. " + usage, isError: true)
        return nil
    }

    /// Completion for `:compare`: the word being typed is a stakeholder name.
    func compareCompletions(_ arg: String) -> (prefix: String, candidates: [String]) {
        if let space = arg.lastIndex(of: " ") {
            let done = String(arg[..<space]).trimmingSpaces
            return ("compare " + done + " ", stakeholderResolver.completions(String(arg[arg.index(after: space)...])))
        }
        return ("compare ", stakeholderResolver.completions(arg))
    }

    mutating func swapCompared() {
        guard case .compare(let a, let b) = current.screen else { return }
        var l = current
        l.screen = .compare(b, a)
        current = l
    }

    mutating func normalizeCompare(_ a: String, _ b: String) {
        if comparison?.first.id != a || comparison?.second.id != b {
            comparison = Comparison(corpus: corpus, first: a, second: b)
        }
        let n = comparison?.rows.count ?? 0
        var g = current.grid ?? GridCursor()
        g.row = max(0, min(g.row, n - 1))
        g.col = 0
        g.left = 0
        g.top = Viewport.top(stored: g.top, selected: g.row, count: n, height: compareGeometry(rows: n).tableRows)
        current.grid = g
    }

    func compareGeometry(rows: Int) -> CompareGeometry {
        let rect = layout.content(of: .comparison) ?? Rect(row: 1, col: 0, width: max(1, width), height: max(1, height - 4))
        return CompareGeometry(rect: rect, rows: rows)
    }

    mutating func moveCompareRow(by delta: Int) {
        guard let c = comparison, var g = current.grid, !c.rows.isEmpty else { return }
        g.row = clamp(g.row, delta, c.rows.count)
        current.grid = g
    }

    /// Enter: the proposal, with the first stakeholder's position selected
    /// (the second's when only they have one).
    mutating func openCompareRow() {
        guard let row = selectedComparisonRow, let p = row.first ?? row.second else { return }
        showHidden(p.proposal)
        push(Location(screen: .browse, focus: 1, proposal: p.proposal, position: p.id))
    }

    mutating func handleCompareMouse(_ e: MouseEvent) {
        guard let c = comparison, var g = current.grid else { return }
        switch e.kind {
        case .wheelDown: moveCompareRow(by: 3)
        case .wheelUp: moveCompareRow(by: -3)
        case .drag, .release: break
        case .click, .doubleClick:
            let geo = compareGeometry(rows: c.rows.count)
            let i = e.row - geo.tableTop + g.top
            guard e.row >= geo.tableTop, e.row < geo.tableTop + geo.tableRows, c.rows.indices.contains(i) else { return }
            g.row = i
            current.grid = g
            if e.kind == .doubleClick { openCompareRow() }
        }
    }
}
