import CareReview

extension State {
    /// Run after every action: rebuilds derived lists whose inputs changed,
    /// puts every selection back in range and keeps it in view. This is what
    /// makes the invariants hold whatever sequence of actions came before.
    mutating func normalize() {
        if history.isEmpty { history = [Location(screen: .browse)] }
        historyIndex = max(0, min(historyIndex, history.count - 1))
        current.focus = max(0, min(current.focus, current.panes.count - 1))
        if current.tops.count < 3 { current.tops += Array(repeating: 0, count: 3 - current.tops.count) }

        if proposalListKey != (filter, sort) {
            proposalList = ListBuilder.proposals(corpus, filter: filter, order: sort, figures: figures)
            proposalListKey = (filter, sort)
        }
        normalizeScreen()
        filterCursor = max(0, min(filterCursor, FilterMenu.items.count - 1))
        normalizePresenter()
        if mode == .noteInput, noteTarget.flatMap(corpus.position) == nil { mode = .normal; noteTarget = nil }
    }

    mutating func normalizeBrowse() {
        if proposalList.index(of: current.proposal) == nil {
            current.proposal = proposalList.items.first?.proposal.id
            current.position = nil
        }
        if positionListKey != (current.proposal, filter, timeline) {
            positionList = ListBuilder.positions(onProposal: current.proposal, corpus, filter: filter, timeline: timeline)
            positionListKey = (current.proposal, filter, timeline)
        }
        if positionList.index(of: current.position) == nil {
            current.position = positionList.items.first?.id
            current.quote = 0
        }
        if let i = proposalList.index(of: current.proposal) {
            let line = proposalList.lineOfItem[i]
            current.setTop(.proposals, Viewport.top(stored: current.top(.proposals), selected: line,
                                                    count: proposalList.lines.count, height: paneHeight(.proposals),
                                                    headingAbove: true))
        } else { current.setTop(.proposals, 0) }
        followPosition(in: positionList)
    }

    mutating func normalizeStakeholder(_ id: String) {
        if stakeholderListKey != (id, filter, timeline) {
            stakeholderList = ListBuilder.positions(ofStakeholder: id, corpus, filter: filter, timeline: timeline)
            stakeholderListKey = (id, filter, timeline)
        }
        if stakeholderList.index(of: current.position) == nil {
            current.position = stakeholderList.items.first?.id
            current.quote = 0
        }
        followPosition(in: stakeholderList)
    }

    /// Keeps the selected position visible and the detail scroll in range.
    private mutating func followPosition(in list: GroupedList<Position>) {
        if let i = list.index(of: current.position) {
            var top = Viewport.top(stored: current.top(.positions), selected: list.lineOfItem[i],
                                   count: list.lines.count, height: paneHeight(.positions), headingAbove: true)
            // On the last position, the lines after it (what happened next) come into view.
            if i == list.items.count - 1 { top = max(top, min(list.lineOfItem[i], list.lines.count - paneHeight(.positions))) }
            current.setTop(.positions, top)
        } else { current.setTop(.positions, 0) }
        if let p = current.position.flatMap(corpus.position) {
            current.quote = max(0, min(current.quote, p.quotes.count - 1))
            let lines = DetailContent(position: p, selectedQuote: current.quote, corpus: corpus,
                                      width: paneWidth(.detail), glyphs: glyphs, annotations: annotations).lines.count
            current.setTop(.detail, Viewport.clampScroll(current.top(.detail), lines: lines, height: paneHeight(.detail)))
        } else {
            current.quote = 0
            current.setTop(.detail, 0)
        }
    }

    mutating func normalizeSource(_ doc: String) {
        guard let document = corpus.document(doc) else { return }
        let quotes = corpus.quotes(inDocument: doc)
        current.quote = max(-1, min(current.quote, quotes.count - 1))
        let w = paneWidth(.article)
        if !(article?.matches(doc, width: w, glyphs: glyphs) ?? false) {
            article = ArticleLayout(document: document, width: w, glyphs: glyphs)
        }
        guard let a = article, !a.starts.isEmpty else { return }
        let h = paneHeight(.article)
        var line: Int
        if current.tops[0] < 0 {
            // Opened at a passage: put it a third of the way down the pane.
            let marked = current.marks.indices.contains(current.markFocus ?? 0) ? current.marks[current.markFocus ?? 0] : current.marks.first
            let focus = quotes.indices.contains(current.quote) ? quotes[current.quote].quote.start
                : marked?.lowerBound ?? 0
            line = a.line(containing: focus) - h / 3
        } else {
            line = a.line(containing: current.tops[0])
        }
        line = Viewport.clampScroll(line, lines: a.starts.count, height: h)
        current.tops[0] = a.starts[line]
    }

    mutating func normalizeSearch() {
        search.selected = max(0, min(search.selected, search.hits.count - 1))
        let h = paneHeight(.results)
        current.setTop(.results, Viewport.top(stored: current.top(.results), selected: search.selected,
                                              count: search.hits.count, height: h))
        current.setTop(.preview, max(0, min(current.top(.preview), 1000)))
    }
}
