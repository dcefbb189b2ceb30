import CareReview
import TerminalText

extension State {

    /// The coded quote highlighted in the source reader.
    public var currentSourceQuote: Corpus.QuoteRef? {
        guard case .source(let doc) = current.screen else { return nil }
        let quotes = corpus.quotes(inDocument: doc)
        return quotes.indices.contains(current.quote) ? quotes[current.quote] : nil
    }

    public var selectedHit: SearchHit? {
        search.hits.indices.contains(search.selected) ? search.hits[search.selected] : nil
    }

    var layout: ScreenLayout {
        ScreenLayout(current, maximised: maximised, width: width, height: height, messageRows: messageRows)
    }

    /// A message too long for one line wraps onto a second (the body gives up a row).
    public var messageRows: Int {
        guard mode == .normal || mode == .confirm, presenter == nil, height >= 16 else { return 1 }
        let text = mode == .confirm ? (confirmation?.question ?? "") + " (y/n)" : message?.text ?? ""
        return DisplayWidth.of(text) > width ? 2 : 1
    }

    /// Content rows of a pane at the current size (a sensible guess when hidden).
    func paneHeight(_ pane: Pane) -> Int {
        guard let content = layout.content(of: pane) else { return max(1, height - 4) }
        return max(1, content.height - banner(for: pane, width: content.width, height: content.height).count)
    }

    /// Rows of a pane's content taken by its banner (see `banner(for:)`).
    func bannerRows(_ pane: Pane) -> Int {
        guard let content = layout.content(of: pane) else { return 0 }
        return banner(for: pane, width: content.width, height: content.height).count
    }

    func paneWidth(_ pane: Pane) -> Int {
        layout.content(of: pane)?.width ?? max(1, width)
    }

    mutating func push(_ location: Location) {
        var location = location
        // A proposal opened at a position: back still reaches its positions list, not the proposals list.
        if location.entryFocus == nil { location.entryFocus = location.screen == .browse ? min(location.focus, 1) : location.focus }
        history = Array(history[...historyIndex]) + [location]
        if history.count > 100 { history.removeFirst(history.count - 100) }
        historyIndex = history.count - 1
        if mode != .searchInput { mode = .normal }
    }

    mutating func goHistory(by delta: Int) {
        let target = historyIndex + delta
        guard history.indices.contains(target) else {
            message = Message(text: delta < 0 ? "Nothing further back" : "Nothing further forward", isError: false)
            return
        }
        historyIndex = target
    }

    mutating func cycleFocus(by delta: Int) {
        let n = current.panes.count
        current.focus = ((current.focus + delta) % n + n) % n
    }

    /// Back: the pane to the left, down to the one this screen was opened
    /// at; from there the previous screen, as it was left.
    mutating func back() {
        if current.focus > (current.entryFocus ?? 0) { current.focus -= 1 } else if historyIndex > 0 { historyIndex -= 1 }
        else if current.focus > 0 { current.focus -= 1 }
    }

    /// `q`: close this screen and return to the one it was opened from; at
    /// the first screen, quit. Esc does the same but never quits.
    mutating func closeScreen() { backOut(quitting: true) }

    mutating func backOut(quitting: Bool) {
        if historyIndex > 0 {
            historyIndex -= 1
        } else if current.focus > 0 {
            current.focus -= 1
        } else if quitting {
            enqueue(.quit(session))
        } else {
            message = Message(text: "At the first screen (q or Q quits)", isError: false)
        }
    }

    func clamp(_ i: Int, _ delta: Int, _ count: Int) -> Int {
        let (sum, overflow) = i.addingReportingOverflow(delta)
        return overflow ? (delta < 0 ? 0 : count - 1) : max(0, min(count - 1, sum))
    }

    mutating func selectProposal(_ id: String) {
        current.proposal = id
        current.position = nil
        current.quote = 0
        current.setTop(.positions, 0)
        current.setTop(.detail, 0)
    }

    mutating func selectPosition(in list: GroupedList<Position>, delta: Int) {
        guard let i = list.index(of: current.position) else { return }
        let j = clamp(i, delta, list.items.count)
        if j != i { selectPosition(list.items[j].id) }
    }

    mutating func selectPosition(_ id: String) {
        current.position = id
        current.quote = 0
        current.setTop(.detail, 0)
    }

    /// Opens the source reader at the selected quote of the selected position.
    mutating func openSourceOfSelection() {
        guard let p = current.position.flatMap(corpus.position), !p.quotes.isEmpty else { return }
        let q = p.quotes[min(max(0, current.quote), p.quotes.count - 1)]
        openSource(q, owner: .position(p.id))
    }

    mutating func openSource(_ q: Quote, owner: Corpus.QuoteRef.Owner) {
        let refs = corpus.quotes(inDocument: q.document)
        guard corpus.document(q.document) != nil else {
            message = Message(text: "The source \(q.document) is not in the corpus", isError: true); return
        }
        var l = Location(screen: .source(document: q.document))
        l.quote = refs.firstIndex { $0.owner == owner && $0.quote == q } ?? -1
        l.tops[0] = -1   // centre on the quote once the article is laid out
        push(l)
    }

    mutating func openStakeholderOfSelection() {
        if let p = selectedPosition ?? (current.screen == .browse ? current.position.flatMap(corpus.position) : nil) {
            var l = Location(screen: .stakeholder(p.stakeholder), position: p.id)
            l.quote = current.screen == .browse ? current.quote : 0
            push(l)
        } else if case .search = current.screen, let hit = selectedHit,
                  case .stakeholderName(let id) = hit.target {
            push(Location(screen: .stakeholder(id)))
        } else {
            message = Message(text: "No position selected", isError: false)
        }
    }

    mutating func openProposalOfSelection() {
        if let p = selectedPosition ?? (current.screen == .browse ? current.position.flatMap(corpus.position) : nil) {
            showHidden(p.proposal)
            push(Location(screen: .browse, focus: 1, proposal: p.proposal, position: p.id))
        } else {
            message = Message(text: "No position selected", isError: false)
        }
    }

    /// Opens a proposal, with a stakeholder's position on it selected if given.
    mutating func openProposal(_ id: String, stakeholder: String?) {
        guard corpus.proposal(id) != nil else { message = Message(text: "No proposal \(id)", isError: true); return }
        showHidden(id)
        var l = Location(screen: .browse, focus: 1, proposal: id)
        if let s = stakeholder {
            if let p = corpus.positions(onProposal: id).first(where: { $0.stakeholder == s }) {
                l.position = p.id
                l.focus = 2
            } else {
                message = Message(text: "\(corpus.stakeholderName(s)) has no position on this proposal", isError: false)
            }
        }
        push(l)
    }

    /// Clears the filter when it hides a proposal the user asked for.
    mutating func showHidden(_ proposal: String) {
        guard !filter.isEmpty, proposalList.index(of: proposal) == nil else { return }
        filter = .none
        message = Message(text: "Filters cleared to show it", isError: false)
    }

    /// `}` / `{`: the next or previous coded quote (source) or quote (detail).
    mutating func stepQuote(by delta: Int) {
        switch current.screen {
        case .source(let doc):
            let n = corpus.quotes(inDocument: doc).count
            guard n > 0 else { message = Message(text: "No coded quotes in this article", isError: false); return }
            let next = current.quote + delta
            guard next >= 0, next < n else {
                message = Message(text: delta > 0 ? "Last coded quote" : "First coded quote", isError: false); return
            }
            current.quote = next
            current.marks = []
            current.tops[0] = -1
        default:
            guard let p = current.position.flatMap(corpus.position), !p.quotes.isEmpty else { return }
            current.quote = max(0, min(p.quotes.count - 1, current.quote + delta))
            let content = DetailContent(position: p, selectedQuote: current.quote, corpus: corpus,
                                        width: paneWidth(.detail), glyphs: glyphs, annotations: annotations)
            let line = content.quoteLines[current.quote]
            current.setTop(.detail, Viewport.top(stored: current.top(.detail), selected: line,
                                                 count: content.lines.count, height: paneHeight(.detail)))
        }
    }
}
