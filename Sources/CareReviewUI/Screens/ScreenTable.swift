import CareReview

// The screen table: every place the browser asks "which screen is this?",
// in one file. Adding a screen means its case in `Screen` (Location.swift),
// its folder under Screens/ (reducer, view, key rows), its key rows in
// `KeyBindings.all`, and a line in each switch here.

extension State {
    /// The key-table contexts of the screen on show, most specific first (normal mode).
    var screenKeyContexts: [KeyContext] {
        switch current.screen {
        case .browse: [.proposals, .positionLists, .onPosition]
        case .stakeholder: [.positionLists, .onPosition]
        case .matrix: [.matrix, .onPosition]
        case .compare: [.compare]
        case .stakeholders: [.stakeholderIndex]
        case .source: [.sourceReader, .onPosition]
        case .search: [.onPosition]
        }
    }

    /// Rebuilds what the screen on show derives from the state and keeps its selection in range.
    mutating func normalizeScreen() {
        switch current.screen {
        case .browse: normalizeBrowse()
        case .stakeholder(let id): normalizeStakeholder(id)
        case .source(let doc): normalizeSource(doc)
        case .search: normalizeSearch()
        case .matrix: normalizeMatrix()
        case .compare(let a, let b): normalizeCompare(a, b)
        case .stakeholders: normalizeStakeholderIndex()
        }
    }

    /// The position the user is looking at, if any: the selected one in a
    /// positions list or detail, or the owner of the quote being read.
    public var selectedPosition: Position? {
        switch current.screen {
        case .browse:
            return current.focusedPane == .proposals ? nil : current.position.flatMap(corpus.position)
        case .stakeholder: return current.position.flatMap(corpus.position)
        case .source: return currentSourceQuote.flatMap { ref in
            if case .position(let id) = ref.owner { return corpus.position(id) } else { return nil }
        }
        case .search:
            guard let hit = selectedHit else { return nil }
            switch hit.target {
            case .positionSummary(let id), .quote(let id, _): return corpus.position(id)
            default: return nil
            }
        case .matrix: return matrixCursorPosition
        case .compare: return nil   // two positions per row: neither is "the" selection
        case .stakeholders: return nil
        }
    }

    /// Moves the selection (lists) or scrolls (text) of the focused pane.
    mutating func move(by delta: Int) {
        let pane = current.focusedPane
        switch (current.screen, pane) {
        case (.browse, .proposals):
            guard let i = proposalList.index(of: current.proposal) else { return }
            let j = clamp(i, delta, proposalList.items.count)
            if j != i { selectProposal(proposalList.items[j].proposal.id) }
        case (.browse, .positions):
            selectPosition(in: positionList, delta: delta)
        case (.stakeholder, .positions):
            selectPosition(in: stakeholderList, delta: delta)
        case (_, .detail), (_, .preview):
            current.setTop(pane, current.top(pane) &+ delta)
        case (_, .article):
            guard let a = article, !a.starts.isEmpty else { return }
            let line = clamp(a.line(containing: current.tops[0]), delta, a.starts.count)
            current.tops[0] = a.starts[line]
        case (_, .results):
            guard !search.hits.isEmpty else { return }
            search.selected = clamp(search.selected, delta, search.hits.count)
        case (.matrix, _): moveMatrixRow(by: delta)
        case (.compare, _): moveCompareRow(by: delta)
        case (.stakeholders, _): moveInStakeholderIndex(by: delta)
        default: break
        }
    }

    /// Enter: the next pane to the right, then the source of the quote.
    mutating func open() {
        switch current.screen {
        case .browse:
            switch current.focus {
            case 0:
                if positionList.isEmpty {
                    message = Message(text: "No positions on this proposal" + (filter.isEmpty ? "" : " under the filter (F clears)"), isError: false)
                } else { current.focus = 1 }
            case 1: if current.position != nil { current.focus = 2 }
            default: openSourceOfSelection()
            }
        case .stakeholder:
            if current.focus == 0 { if current.position != nil { current.focus = 1 } } else { openSourceOfSelection() }
        case .source:
            guard let ref = currentSourceQuote else { return }
            switch ref.owner {
            case .position(let id):
                guard let p = corpus.position(id) else { return }
                var l = Location(screen: .browse, focus: 2, proposal: p.proposal, position: id)
                l.quote = p.quotes.firstIndex(of: ref.quote) ?? 0
                showHidden(p.proposal)
                push(l)
            case .review(let id):
                showHidden(id)
                push(Location(screen: .browse, focus: 1, proposal: id))
            }
        case .search:
            if let hit = selectedHit { openHit(hit) }
        case .matrix: openMatrixCursor()
        case .compare: openCompareRow()
        case .stakeholders: openIndexStakeholder()
        }
    }

    /// Where you are: "Proposals › Abolish IROs › Article 39".
    public var breadcrumb: [String] {
        switch current.screen {
        case .browse:
            var parts = ["Proposals"]
            if current.focus >= 1, let p = current.proposal { parts.append(corpus.proposalTitle(p)) }
            if current.focus >= 2, let p = current.position.flatMap(corpus.position) { parts.append(corpus.stakeholderName(p.stakeholder)) }
            return parts
        case .stakeholder(let id):
            var parts = ["Stakeholder", corpus.stakeholderName(id)]
            if current.focus >= 1, let p = current.position.flatMap(corpus.position) { parts.append(corpus.proposalTitle(p.proposal)) }
            return parts
        case .source(let d): return ["Source", corpus.document(d)?.title ?? d]
        case .search: return ["Search"] + (search.query.isEmpty ? [] : ["“\(search.query)”"])
        case .matrix: return ["Stance matrix"]
        case .compare(let a, let b): return ["Compare", corpus.stakeholderName(a) + " vs " + corpus.stakeholderName(b)]
        case .stakeholders: return ["Stakeholders"] + (selectedIndexStakeholder.map { [$0.name] } ?? [])
        }
    }

    /// "3/12": the selection's place in the focused list.
    public var listPosition: String? {
        func place(_ i: Int?, _ n: Int) -> String? { i.map { "\($0 + 1)/\(n)" } }
        switch (current.screen, current.focusedPane) {
        case (.browse, .proposals): return place(proposalList.index(of: current.proposal), proposalList.items.count)
        case (.browse, .positions), (.browse, .detail): return place(positionList.index(of: current.position), positionList.items.count)
        case (.stakeholder, _): return place(stakeholderList.index(of: current.position), stakeholderList.items.count)
        case (.source(let d), _):
            let n = corpus.quotes(inDocument: d).count
            return current.quote >= 0 && current.quote < n ? "quote \(current.quote + 1)/\(n)" : nil
        case (.search, _): return search.hits.isEmpty ? nil : place(search.selected, search.hits.count)
        case (.matrix, _):
            guard let m = matrix, let g = current.grid else { return nil }
            if g.row < 0 { return "column header \(g.col + 1)/\(m.columns.count)" }
            if g.col < 0 { return "row header \(g.row + 1)/\(m.rows.count)" }
            return "row \(g.row + 1)/\(m.rows.count) · col \(g.col + 1)/\(m.columns.count)"
        case (.compare, _):
            guard let c = comparison, let g = current.grid, !c.rows.isEmpty else { return nil }
            return place(g.row, c.rows.count)
        case (.stakeholders, _): return place(current.grid?.row, corpus.stakeholders.count)
        default: return nil
        }
    }

    func isValid(_ l: Location) -> Bool {
        switch l.screen {
        case .browse: return l.proposal.map { corpus.proposal($0) != nil } ?? true
        case .stakeholder(let id): return corpus.stakeholder(id) != nil
        case .source(let d): return corpus.document(d) != nil
        case .search, .matrix, .stakeholders: return true
        case .compare(let a, let b): return corpus.stakeholder(a) != nil && corpus.stakeholder(b) != nil
        }
    }
}

extension ChromeRenderer {
    /// What the hint line offers on this screen: its main actions first,
    /// so the narrowest terminal still shows the ones that matter here.
    var hintItems: [(Command, String)] {
        let clear: [(Command, String)] = state.filter.isEmpty ? [] : [(.clearFilters, "clear filter")]
        let close: (Command, String) = (.close, state.historyIndex > 0 || state.current.focus > 0 ? "close" : "quit")
        switch (state.current.screen, state.current.focusedPane) {
        case (.matrix, _):
            return [(.open, "open"), (.cycleSort, "sort"), (.openFilterMenu, "filter")] + clear
                + [(.toggleMark, "mark"), (.compare, "compare"), (.cancel, "back"), (.toggleHelp, "help"), (.quit, "quit")]
        case (.compare, _):
            return [(.open, "open"), (.swapCompared, "swap"), (.compare, "other"), (.pager, "quotes"), (.cancel, "back"),
                    (.toggleHelp, "help"), (.quit, "quit")]
        case (.stakeholders, _):
            return [(.open, "open"), (.compare, "compare"), (.startSearch, "search"), (.cancel, "back"),
                    (.toggleHelp, "help"), (.quit, "quit")]
        case (.source, _) where state.activeSelection != nil:
            return selectionHints
        case (.source, _):
            return [(.nextQuote, "next quote"), (.open, "its position"), (.startFind, "find"), (.findNext, "next"), (.copy, "copy"),
                    (.pager, "pager"), (.toggleMaximise, "zoom"), close, (.toggleHelp, "help")]
        case (.search, _):
            return [(.open, "open"), (.nextMatch, "next"), (.startSearch, "new search"), (.pager, "pager"), close,
                    (.toggleHelp, "help")]
        case (.browse, .proposals):
            return [(.open, "open"), (.startSearch, "search"), (.openFilterMenu, "filter")] + clear
                + [(.cycleSort, "sort"), (.toggleMaximise, "zoom"), (.openStakeholderIndex, "who"), (.openMatrix, "matrix"),
                   (.togglePresenter, "present"), (.startCommand, "command"), (.toggleHelp, "help"), close]
        default:
            return [(.open, "open"), (.back, "back"), (.toggleMark, "mark"), (.copy, "copy"), (.compare, "compare"),
                    (.toggleTimeline, "timeline"), (.toggleMaximise, "zoom"), (.pager, "pager"), (.startSearch, "search")]
                + clear + [(.toggleHelp, "help"), close]
        }
    }
}

extension PaneRenderer {
    /// Draws one pane and returns where its cursor goes (the selected row).
    mutating func draw(_ pane: Pane, _ rect: Rect) -> CursorPosition? {
        let content = rect.dropping(top: ScreenLayout.headerRows(pane))
        switch (loc.screen, pane) {
        case (.browse, .proposals):
            title(pane, rect, "Proposals (\(state.proposalList.items.count)) · by \(state.sortLabel)")
            return drawProposals(content)
        case (.browse, .positions):
            // The proposal's full title is in the banner below, when there is room for one.
            let name = state.banner(for: .positions, width: content.width, height: content.height).isEmpty
                ? " on " + (loc.proposal.map(corpus.proposalTitle) ?? "—") : ""
            title(pane, rect, "Positions (\(state.positionList.items.count))\(state.timeline ? " by date" : "")\(name)")
            return drawPositions(state.positionList, content, pane: pane, showProposal: false,
                                 empty: "No positions" + (state.filter.isEmpty ? "" : " under the filter (F clears)"))
        case (.stakeholder(let id), .positions):
            let s = corpus.stakeholder(id)
            title(pane, rect, "\(s?.name ?? id) · \(s?.kind.label ?? "") · \(state.stakeholderList.items.count) positions"
                  + (state.timeline ? " by date" : ""))
            return drawPositions(state.stakeholderList, content, pane: pane, showProposal: true, empty: "No positions")
        case (_, .detail):
            title(pane, rect, "Position")
            return drawDetail(content)
        case (.source(let doc), .article):
            return drawArticle(doc, rect, content)
        case (_, .results):
            title(pane, rect, state.search.query.isEmpty ? "Search" : "Results for “\(state.search.query)” (\(state.search.hits.count))")
            return drawResults(content)
        case (_, .preview):
            title(pane, rect, "Result")
            return drawPreview(content)
        case (.matrix, .matrix):
            return drawMatrix(rect, content)
        case (.compare, .comparison):
            return drawComparison(rect, content)
        case (.stakeholders, .index):
            return drawStakeholderIndex(rect, content)
        case (.stakeholders, .about):
            return drawStakeholderAbout(rect, content)
        default:
            return nil
        }
    }
}
