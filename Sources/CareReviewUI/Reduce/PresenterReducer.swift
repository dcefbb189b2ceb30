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

    mutating func stopPresenting() {
        guard let p = presenter else { return }
        theme = p.previousTheme
        presenter = nil
    }

    mutating func performInPresenter(_ command: Command) {
        guard var p = presenter else { return }
        let last = slidePositions(p.proposal).count
        switch command {
        case .nextSlide:
            if p.slide >= last { message = Message(text: "Last slide (j: next proposal)", isError: false) }
            p.slide = min(last, p.slide + 1)
        case .previousSlide:
            if p.slide == 0 { message = Message(text: "First slide (k: previous proposal)", isError: false) }
            p.slide = max(0, p.slide - 1)
        case .first: p.slide = 0
        case .last: p.slide = last
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
        case .toggleMark:
            presenter = p
            return toggleMark()
        case .togglePresenter, .cancel: return stopPresenting()
        case .startCommand:
            mode = .commandLine
            line = LineEditor()
        case .toggleHelp:
            mode = .help
            helpTop = 0
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
    }

    mutating func normalizePresenter() {
        guard let p = presenter else { return }
        let n = slidePositions(p.proposal).count
        if p.slide > n || p.slide < 0 { presenter?.slide = max(0, min(p.slide, n)) }
    }

    /// Mouse while presenting: click or wheel down for the next slide, wheel up for the previous.
    mutating func handlePresenterMouse(_ e: MouseEvent) {
        switch e.kind {
        case .click, .wheelDown: performInPresenter(.nextSlide)
        case .wheelUp: performInPresenter(.previousSlide)
        case .doubleClick: break
        }
    }
}
