import CareReview

/// What the backend reports back: a saved change, an undo, another
/// program's change, an editor's text; the screen shows it at once.
extension State {
    mutating func datasetChanged(_ outcome: DatasetOutcome) {
        if let c = outcome.corpus { replaceCorpus(c) }
        switch outcome.kind {
        case .saved(let u):
            coding.undo.append(u)
            if coding.undo.count > 100 { coding.undo.removeFirst() }
        case .undone: if !coding.undo.isEmpty { coding.undo.removeLast() }
        case .reloaded: coding.undo = []   // the files are another program's now: nothing of ours to put back
        case .failed: break
        }
        message = Message(text: outcome.message, isError: outcome.isError)
        if let id = outcome.position, corpus.position(id) != nil { show(id) }
        coding.lastCoded = nil
    }

    /// Shows the position a change made or touched, where the user is.
    private mutating func show(_ id: String) {
        switch current.screen {
        case .source(let doc):
            let refs = corpus.quotes(inDocument: doc)
            if let i = refs.firstIndex(where: { $0.owner == .position(id) && (coding.lastCoded == nil || $0.quote == coding.lastCoded) }) {
                current.quote = i
                current.marks = []
            }
        case .browse, .stakeholder:
            current.position = id
        default: break
        }
    }

    /// A new corpus from disk: every list and layout built from it again.
    mutating func replaceCorpus(_ c: Corpus) {
        corpus = c
        figures = ProposalFigures(c)
        proposalResolver = .proposals(c)
        stakeholderResolver = .stakeholders(c)
        proposalList = ListBuilder.proposals(c, filter: filter, order: sort, figures: figures)
        proposalListKey = (filter, sort)
        positionList = ListBuilder.positions(onProposal: positionListKey.0, c, filter: positionListKey.1, timeline: positionListKey.2)
        stakeholderList = ListBuilder.positions(ofStakeholder: stakeholderListKey.0 ?? "", c, filter: stakeholderListKey.1,
                                                timeline: stakeholderListKey.2)
        article = nil
        matrix = nil
        matrixKey = nil
        comparison = nil
        // The backend builds the index again for the new corpus.
        search.index = nil
        search.hits = []
        if coding.selection.map({ c.document($0.document) == nil }) ?? false { coding.selection = nil }
        // Screens of what no longer exists (an undone new stakeholder) leave the history.
        var kept: [Location] = [], index = 0
        for (i, l) in history.enumerated() where isValid(l) {
            if i <= historyIndex { index = kept.count }
            kept.append(l)
        }
        history = kept.isEmpty ? [Location(screen: .browse)] : kept
        historyIndex = min(index, history.count - 1)
    }

    mutating func editorFinished(_ text: String?) {
        guard mode == .coding, let f = coding.flow, f.step.isText, let text else { return }
        // One line, without the control characters an editor may leave.
        let printable = String(String.UnicodeScalarView(text.unicodeScalars.map {
            $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) ? " " : $0
        }))
        line = LineEditor(printable.split(separator: " ").joined(separator: " "))
    }
}

extension State {
    /// Coding is on: the browser shows a `--data` dataset it may change.
    public mutating func enableCoding(in directory: String) {
        coding.dataset = directory
    }
}
