extension State {
    /// Click selects, double-click opens, the wheel scrolls the pane under it.
    mutating func handle(_ e: MouseEvent) {
        switch mode {
        case .confirm, .coding: return
        case .help, .filterMenu, .messageLog:
            if e.kind == .wheelDown { perform(.moveDown) } else if e.kind == .wheelUp { perform(.moveUp) }
            return
        case .searchInput, .commandLine, .noteInput, .findInput:
            return
        case .normal: break
        }
        if presenter != nil { return handlePresenterMouse(e) }
        let layout = self.layout
        guard !layout.tooSmall, let hit = layout.panes.first(where: { $0.rect.contains(row: e.row, col: e.col) }),
              let index = current.panes.firstIndex(of: hit.pane) else { return }
        current.focus = index
        switch current.screen {
        case .matrix: return handleMatrixMouse(e)
        case .compare: return handleCompareMouse(e)
        default: break
        }
        if handleSelectionMouse(e, pane: hit.pane) { return }
        switch e.kind {
        case .wheelDown: move(by: 3)
        case .wheelUp: move(by: -3)
        case .click, .doubleClick:
            guard let content = layout.content(of: hit.pane), content.contains(row: e.row, col: e.col) else { return }
            let line = e.row - content.row - bannerRows(hit.pane)
            guard line >= 0 else { return }
            select(line: line + current.top(hit.pane), in: hit.pane)
            if e.kind == .doubleClick { normalize(); open() }
        case .drag, .release: break
        }
    }

    /// Selects whatever is on a line of a pane's content.
    private mutating func select(line: Int, in pane: Pane) {
        switch (current.screen, pane) {
        case (.browse, .proposals):
            guard proposalList.lines.indices.contains(line), case .item(let i) = proposalList.lines[line] else { return }
            if proposalList.items[i].proposal.id != current.proposal { selectProposal(proposalList.items[i].proposal.id) }
        case (.browse, .positions), (.stakeholder, .positions):
            let list = current.screen == .browse ? positionList : stakeholderList
            guard list.lines.indices.contains(line), case .item(let i) = list.lines[line] else { return }
            if list.items[i].id != current.position { selectPosition(list.items[i].id) }
        case (_, .results):
            let i = line
            if search.hits.indices.contains(i) { search.selected = i }
        case (_, .detail):
            guard let p = current.position.flatMap(corpus.position) else { return }
            let content = DetailContent(position: p, selectedQuote: current.quote, corpus: corpus,
                                        width: paneWidth(.detail), glyphs: glyphs, annotations: annotations)
            if let q = content.quoteLines.lastIndex(where: { $0 <= line }) { current.quote = q }
        case (.source(let doc), .article):
            // `line` here counts from the article's top offset, not from 0.
            guard let a = article else { return }
            let first = a.line(containing: current.tops[0])
            let target = first + line - current.tops[0]
            guard a.starts.indices.contains(target) else { return }
            let offset = a.starts[target]
            let next = target + 1 < a.starts.count ? a.starts[target + 1] : Int.max
            if let q = corpus.quotes(inDocument: doc).firstIndex(where: { $0.quote.start < next && $0.quote.end > offset }) {
                current.quote = q
                current.marks = []
            }
        default: break
        }
    }
}
