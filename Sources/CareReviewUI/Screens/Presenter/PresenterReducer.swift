import CareReview

/// Presenter mode: the selected proposal as slides for a room — slide 0
/// the proposal and its tally, then one slide per position. The high-contrast
/// theme while presenting; the previous theme comes back afterwards.
extension State {
    /// The positions shown as slides: as in the positions list (filter,
    /// stance groups or timeline order).
    public func slidePositions(_ proposal: String) -> [Position] {
        ListBuilder.positions(onProposal: proposal, corpus, filter: filter, timeline: timeline).items
    }

    /// The position on the current slide (nil on the proposal's slide).
    public var slidePosition: Position? {
        guard let p = presenter, p.slide >= 1 else { return nil }
        let positions = slidePositions(p.proposal)
        return positions.indices.contains(p.slide - 1) ? positions[p.slide - 1] : nil
    }

    /// Starts on what is selected: its proposal, at its position's slide.
    mutating func startPresenting() {
        guard presenter == nil else { return stopPresenting() }
        let position = selectedPosition
        var proposal = position?.proposal
        if proposal == nil {
            switch current.screen {
            case .browse: proposal = current.proposal
            case .matrix: proposal = matrixCursorProposal?.id
            case .compare: proposal = selectedComparisonRow?.proposal.id
            default: break
            }
        }
        guard let id = proposal ?? proposalList.items.first?.proposal.id ?? corpus.proposals.first?.id else {
            message = Message(text: "Nothing to present", isError: false)
            return
        }
        let slide = position.flatMap { p in slidePositions(id).firstIndex { $0.id == p.id } }.map { $0 + 1 } ?? 0
        presenter = Presenter(proposal: id, slide: slide, previousTheme: theme)
        theme = .highContrast
        mode = .normal
    }

    /// Leaves presenter mode at what was on screen: its proposal, with the
    /// slide's position selected.
    mutating func stopPresenting() {
        guard let p = presenter else { return }
        let shown = slidePosition
        theme = p.previousTheme
        presenter = nil
        let here = current.screen == .browse ? current.proposal : selectedPosition?.proposal
        if here != p.proposal || (shown != nil && current.position != shown?.id) {
            openProposal(p.proposal, stakeholder: shown?.stakeholder)
        }
    }

    /// The quote pages of the current slide (one page unless quotes overflow).
    var slidePageCount: Int {
        guard let p = slidePosition else { return 1 }
        let column = SlideRenderer.column(width: width, height: height)
        return SlideRenderer(state: self).quotePages(p, width: column.width, height: column.height).count
    }

    mutating func performInPresenter(_ command: Command) {
        guard var p = presenter else { return }
        let last = slidePositions(p.proposal).count
        switch command {
        case .nextSlide:
            if p.page + 1 < slidePageCount { p.page += 1; break }
            if p.slide >= last { message = Message(text: "Last slide (j: next proposal)", isError: false) }
            else { p.page = 0 }
            p.slide = min(last, p.slide + 1)
        case .previousSlide:
            if p.page > 0 { p.page -= 1; break }
            if p.slide == 0 { message = Message(text: "First slide (k: previous proposal)", isError: false); break }
            p.slide -= 1
            presenter = p
            p.page = max(0, slidePageCount - 1)
        case .first: p.slide = 0; p.page = 0
        case .last: p.slide = last; p.page = 0
        case .pager:
            presenter = p
            return requestPager()
        case .nextProposal, .previousProposal:
            let ids = proposalList.items.map(\.proposal.id)
            guard !ids.isEmpty else { return }
            let i = ids.firstIndex(of: p.proposal)
            let j = command == .nextProposal ? (i.map { $0 + 1 } ?? 0) : (i.map { $0 - 1 } ?? 0)
            guard ids.indices.contains(j) else {
                message = Message(text: command == .nextProposal ? "Last proposal" : "First proposal", isError: false)
                return
            }
            p.proposal = ids[j]
            p.slide = 0
            p.page = 0
        case .toggleMark:
            presenter = p
            return toggleMark()
        case .togglePresenter, .cancel: return stopPresenting()
        case .startCommand:
            mode = .commandLine
            line = LineEditor()
        case .toggleHelp:
            presenter = p
            return openHelp()
        case .redraw: enqueue(.redraw)
        case .suspend: enqueue(.suspend)
        case .quit: enqueue(.quit(session))
        default: break
        }
        presenter = p
    }

    /// `:proposal NAME` while presenting presents that proposal.
    mutating func present(_ proposal: String) {
        guard presenter != nil, corpus.proposal(proposal) != nil else { return }
        presenter?.proposal = proposal
        presenter?.slide = 0
        presenter?.page = 0
    }

    mutating func normalizePresenter() {
        guard let p = presenter else { return }
        let n = slidePositions(p.proposal).count
        if p.slide > n || p.slide < 0 { presenter?.slide = max(0, min(p.slide, n)) }
        let pages = slidePageCount
        if p.page >= pages || p.page < 0 { presenter?.page = max(0, min(p.page, pages - 1)) }
    }

    /// Mouse while presenting: click or wheel down for the next slide, wheel up for the previous.
    mutating func handlePresenterMouse(_ e: MouseEvent) {
        switch e.kind {
        case .click, .wheelDown: performInPresenter(.nextSlide)
        case .wheelUp: performInPresenter(.previousSlide)
        case .doubleClick, .drag, .release: break
        }
    }
}
