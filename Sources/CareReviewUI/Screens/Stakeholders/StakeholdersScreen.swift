import CareReview
import TerminalText

/// The stakeholder index (`:stakeholders`, `W`): every stakeholder, by
/// name, with its kind and how many positions it takes; beside it, who the
/// selected one is (its description) and its positions by stance. The
/// cursor is `grid.row`; Enter opens the stakeholder's positions.
extension KeyBindings {
    static let stakeholderIndexKeys: [KeyBinding] = [
        .init(keys: [.enter, .char("l"), .right], command: .open, context: .stakeholderIndex, help: "open the stakeholder's positions"),
        .init(keys: [.char("c")], command: .compare, context: .stakeholderIndex, help: "compare it with another"),
    ]
}

extension State {
    /// Stakeholders in index order: by name, case and accents ignored.
    public var stakeholderIndex: [Stakeholder] {
        corpus.stakeholders.sorted { $0.name.lowercased() < $1.name.lowercased() }
    }

    public var selectedIndexStakeholder: Stakeholder? {
        guard case .stakeholders = current.screen, let g = current.grid else { return nil }
        let all = stakeholderIndex
        return all.indices.contains(g.row) ? all[g.row] : nil
    }

    mutating func openStakeholderIndex() {
        if case .stakeholders = current.screen { return }
        var l = Location(screen: .stakeholders)
        var g = GridCursor()
        // Start on the stakeholder of what was selected.
        if let id = selectedPosition?.stakeholder ?? { if case .stakeholder(let s) = current.screen { s } else { nil } }() {
            g.row = stakeholderIndex.firstIndex { $0.id == id } ?? 0
        }
        l.grid = g
        push(l)
    }

    mutating func normalizeStakeholderIndex() {
        let n = corpus.stakeholders.count
        var g = current.grid ?? GridCursor()
        g.row = max(0, min(g.row, n - 1))
        g.top = Viewport.top(stored: g.top, selected: g.row, count: n, height: paneHeight(.index))
        current.grid = g
        current.setTop(.about, Viewport.clampScroll(current.top(.about), lines: 1000, height: paneHeight(.about)))
    }

    mutating func moveInStakeholderIndex(by delta: Int) {
        guard var g = current.grid else { return }
        if current.focusedPane == .about { return current.setTop(.about, current.top(.about) &+ delta) }
        g.row = clamp(g.row, delta, corpus.stakeholders.count)
        current.grid = g
        current.setTop(.about, 0)
    }

    mutating func openIndexStakeholder() {
        guard let s = selectedIndexStakeholder else { return }
        push(Location(screen: .stakeholder(s.id)))
    }
}

extension PaneRenderer {
    mutating func drawStakeholderIndex(_ rect: Rect, _ content: Rect) -> CursorPosition? {
        let all = state.stakeholderIndex
        title(.index, rect, "Stakeholders (\(all.count))")
        guard let cur = loc.grid else { return nil }
        var cursor: CursorPosition?
        for r in 0..<content.height {
            let i = cur.top + r
            guard all.indices.contains(i) else { buf.drawLine([], in: content, line: r, pad: .normal); continue }
            let s = all[i]
            let n = corpus.positions(ofStakeholder: s.id).count
            // Name, then the number of positions in a column, then the kind with what room is left.
            let longest = all.map { DisplayWidth.of($0.name) }.max() ?? 0
            let nameWidth = max(4, min(longest, content.width - 18))
            var line = rows.text(" ") + TextLayout.fit(rows.name(s, width: nameWidth), width: nameWidth,
                                                       ellipsis: g.ellipsis, padStyle: .normal)
            line += rows.text(String(repeating: " ", count: max(1, 4 - String(n).count)) + String(n), Style(.normal, bold: true))
            line += TextLayout.truncate(rows.text("  " + s.kind.label, .dim), width: max(0, content.width - TextLayout.width(line)),
                                        ellipsis: g.ellipsis)
            if i == cur.row {
                let sel = selectionStyle(.index)
                for k in line.indices { line[k].style = Style(sel.role, bold: sel.role == .focusedSelection) }
                buf.drawLine(line, in: content, line: r, pad: sel)
                cursor = CursorPosition(row: content.row + r, col: content.col)
            } else {
                buf.drawLine(line, in: content, line: r, pad: .normal)
            }
        }
        return cursor
    }

    /// Who the selected stakeholder is, then its positions grouped by stance.
    mutating func drawStakeholderAbout(_ rect: Rect, _ content: Rect) -> CursorPosition? {
        guard let s = state.selectedIndexStakeholder else { title(.about, rect, "Stakeholder"); return nil }
        title(.about, rect, s.name)
        var lines = TextLayout.wrap(rows.text(s.name, .title) + rows.text(" · " + s.kind.label, .dim), width: content.width)
        if !s.aliases.isEmpty { lines += TextLayout.wrap(rows.text("also: " + s.aliases.joined(separator: ", "), .dim), width: content.width) }
        lines.append([])
        lines += TextLayout.wrap(rows.text(s.description), width: content.width)
        let positions = corpus.positions(ofStakeholder: s.id)
        lines.append([])
        lines.append(rows.text("\(positions.count) position\(positions.count == 1 ? "" : "s")", Style(.groupHeader, bold: true)))
        for p in positions {
            lines += TextLayout.wrap(rows.stanceLabel(p.stance) + rows.text(" " + corpus.proposalTitle(p.proposal)), width: content.width)
        }
        drawScrolled(lines, .about, content)
        return nil
    }
}
