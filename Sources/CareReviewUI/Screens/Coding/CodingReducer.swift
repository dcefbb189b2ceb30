import CareReview

/// Coding in the browser: `v` selects, `c` codes, `e` edits, `d` deletes,
/// `u` undoes. Every change is an effect (`.editDataset`) the backend runs
/// through `DatasetSession`; its outcome comes back as `.datasetChanged`.
extension State {
    public static let readOnlyMessage = "The embedded corpus is read-only: carereview init DIR writes a copy to code in; then carereview --data DIR"

    /// The selection, when its article is the one on screen (its keys apply only there).
    public var activeSelection: TextSelection? {
        guard let s = coding.selection, current.screen == .source(document: s.document) else { return nil }
        return s
    }

    var codingContexts: [KeyContext] {
        guard let f = coding.flow else { return [] }
        if f.step == .stance { return [.stancePicker] }
        return f.step.isPicker ? [.picker, .lineEditing] : [.codingInput, .lineEditing]
    }

    mutating func performCoding(_ command: Command) {
        if mode == .coding { return performInFlow(command) }
        switch command {
        case .startSelection: startSelection()
        case .extendSelection(let m): extendSelection { head, text, _ in m.move(head, in: text) }
        case .extendSelectionByLine(let d): extendSelection { head, text, a in Self.moveByLine(head, d, text.count, a) }
        case .swapSelectionEnds:
            guard let s = activeSelection else { return }
            coding.selection?.anchor = s.head
            coding.selection?.head = s.anchor
            scrollArticle(to: s.anchor)
        case .findInSelection:
            guard activeSelection != nil else { return }
            coding.flow = CodingFlow(purpose: .find, step: .find)
            mode = .coding
            line = LineEditor()
        case .codeSelection: startCoding()
        case .editPosition: startEdit()
        case .deleteCoded: askDelete()
        case .undoChange: undoLast()
        default: break
        }
    }

    // MARK: - Selecting

    private mutating func writable() -> Bool {
        if coding.dataset == nil { message = Message(text: Self.readOnlyMessage, isError: true) }
        return coding.dataset != nil
    }

    private mutating func startSelection() {
        guard writable() else { return }
        guard case .source(let doc) = current.screen, let d = corpus.document(doc) else {
            return message = Message(text: "v selects a passage in the source reader (open a quote's source with Enter)", isError: false)
        }
        // From the first word on screen; the motions and / move on from there.
        let t = Array(d.text.unicodeScalars)
        var start = max(0, min(current.tops[0], t.count))
        while start < t.count, t[start].properties.isWhitespace { start += 1 }
        coding.selection = TextSelection(document: doc, anchor: start, head: start)
        message = Message(text: "Selecting: w b ) ( } { j k extend, / finds, o other end, c codes, Esc stops", isError: false)
    }

    private mutating func extendSelection(_ motion: (Int, [Unicode.Scalar], ArticleLayout?) -> Int) {
        guard var s = activeSelection, let d = corpus.document(s.document) else { return }
        s.head = motion(s.head, Array(d.text.unicodeScalars), article)
        coding.selection = s
        scrollArticle(to: s.head)
    }

    /// The same column a line of the layout down or up.
    static func moveByLine(_ head: Int, _ delta: Int, _ count: Int, _ a: ArticleLayout?) -> Int {
        guard let a, !a.starts.isEmpty else { return head }
        let line = a.line(containing: head)
        let target = line + delta
        if target >= a.starts.count { return count }
        if target < 0 { return 0 }
        let next = target + 1 < a.starts.count ? a.starts[target + 1] : count
        return min(a.starts[target] + (head - a.starts[line]), max(a.starts[target], next - 1))
    }

    /// Keeps an offset of the article on screen.
    mutating func scrollArticle(to offset: Int) {
        guard let a = article, !a.starts.isEmpty else { return }
        let line = a.line(containing: offset), first = a.line(containing: current.tops[0]), h = paneHeight(.article)
        if line < first { current.tops[0] = a.starts[line] }
        else if line >= first + h { current.tops[0] = a.starts[max(0, line - h + 1)] }
    }

    private mutating func find(_ query: String) {
        guard var s = coding.selection, let d = corpus.document(s.document), !query.isEmpty else { return }
        let t = Array(d.text.unicodeScalars)
        let q = Array(query.unicodeScalars)
        func fold(_ c: Unicode.Scalar) -> Unicode.Scalar { c.properties.lowercaseMapping.unicodeScalars.count == 1 ? c.properties.lowercaseMapping.unicodeScalars.first! : c }
        func matches(at i: Int) -> Bool { i + q.count <= t.count && (0..<q.count).allSatisfy { fold(t[i + $0]) == fold(q[$0]) } }
        let empty = s.anchor == s.head
        let from = empty ? s.head : s.head
        guard let at = (from..<max(from, t.count)).first(where: matches) ?? (0..<from).first(where: matches) else {
            return message = Message(text: "“\(query)” is not in this article", isError: true)
        }
        if empty { s.anchor = at }
        s.head = at + q.count
        coding.selection = s
        scrollArticle(to: s.head)
        message = Message(text: "Selected to “\(query)”: c codes", isError: false)
    }

    // MARK: - The prompts

    private mutating func startCoding() {
        guard writable(), let s = activeSelection, let d = corpus.document(s.document) else { return }
        guard let q = s.quote(in: Array(d.text.unicodeScalars)) else {
            return message = Message(text: "Nothing selected yet: extend with w ) } j or find with /", isError: false)
        }
        coding.flow = CodingFlow(purpose: .code(q), step: .stakeholder)
        mode = .coding
        line = LineEditor()
    }

    private mutating func startEdit() {
        guard writable() else { return }
        guard let p = selectedPosition else { return message = Message(text: "No position selected to edit", isError: false) }
        var f = CodingFlow(purpose: .edit(position: p.id), step: .stance)
        f.stance = p.stance
        f.stakeholder = p.stakeholder
        f.proposal = p.proposal
        coding.flow = f
        mode = .coding
        line = LineEditor()
    }

    mutating func handleCodingKey(_ key: Key) {
        if let command = KeyBindings.command(for: key, in: keyContexts) { return performInFlow(command) }
        guard case .char(let c) = key, let f = coding.flow, f.step != .stance else { return }
        line.insert(c)
        coding.flow?.cursor = 0
    }

    private mutating func performInFlow(_ command: Command) {
        guard let f = coding.flow else { mode = .normal; return }
        message = nil
        switch command {
        case .lineCancel, .cancel:
            endFlow()
            if f.purpose != .find { message = Message(text: "Not coded: nothing was changed", isError: false) }
        case .moveDown, .moveUp:
            let n = pickerItems.count
            coding.flow?.cursor = max(0, min(n - 1, f.cursor + (command == .moveDown ? 1 : -1)))
        case .lineSubmit: submit(f)
        case .chooseStance(let n):
            guard Stance.allCases.indices.contains(n - 1) else { return }
            coding.flow?.stance = Stance.allCases[n - 1]
            toSummary()
        case .editInEditor: enqueue(.editText(line.text))
        case .lineBackspace: line.backspace(); coding.flow?.cursor = 0
        case .lineDelete: line.delete()
        case .lineLeft: line.left()
        case .lineRight: line.right()
        case .lineHome: line.home()
        case .lineEnd: line.end()
        case .lineClear: line.clear(); coding.flow?.cursor = 0
        case .lineDeleteWord: line.deleteWord(); coding.flow?.cursor = 0
        default: break
        }
    }

    private mutating func endFlow() {
        coding.flow = nil
        mode = .normal
        line = LineEditor()
    }

    private mutating func submit(_ f: CodingFlow) {
        let text = line.text.trimmingSpaces
        func need(_ what: String) { message = Message(text: what + " is needed (Esc stops)", isError: true) }
        func next(_ step: CodingFlow.Step, _ initial: String = "") {
            coding.flow?.step = step
            coding.flow?.cursor = 0
            line = LineEditor(initial)
        }
        switch f.step {
        case .find:
            endFlow()
            find(text)
        case .stakeholder, .proposal, .stakeholderKind, .proposalChapter:
            let items = pickerItems
            guard items.indices.contains(f.cursor) else { return }
            let item = items[f.cursor]
            switch f.step {
            case .stakeholder:
                guard let id = item.id else { return next(.stakeholderName, text) }
                coding.flow?.stakeholder = id
                next(.proposal)
            case .stakeholderKind:
                coding.flow?.draftKind = item.id.flatMap(StakeholderKind.init(rawValue:))
                next(.stakeholderDescription)
            case .proposal:
                guard let id = item.id else { return next(.proposalTitle, text) }
                coding.flow?.proposal = id
                afterProposal()
            default:
                coding.flow?.draftTheme = item.id.flatMap(Int.init).flatMap(Theme.init(rawValue:))
                next(.proposalSummary)
            }
        case .stakeholderName:
            guard !text.isEmpty else { return need("A name") }
            coding.flow?.draftName = text
            next(.stakeholderKind)
        case .stakeholderDescription:
            guard !text.isEmpty, let kind = f.draftKind else { return need("A description") }
            coding.flow?.newStakeholder = CodeRequest.NewStakeholder(name: f.draftName, kind: kind, description: text)
            coding.flow?.stakeholder = ArticleText.slug(f.draftName, avoiding: Set(corpus.stakeholders.map(\.id)))
            next(.proposal)
        case .proposalTitle:
            guard !text.isEmpty else { return need("A title") }
            coding.flow?.draftTitle = text
            next(.proposalChapter)
        case .proposalSummary:
            guard !text.isEmpty, let theme = f.draftTheme, case .code(let q) = f.purpose else { return need("A summary of the proposal") }
            let stage = corpus.document(q.document)?.stage ?? .finalReport
            coding.flow?.newProposal = CodeRequest.NewProposal(title: f.draftTitle, summary: text, theme: theme, stage: stage)
            coding.flow?.proposal = ArticleText.slug(f.draftTitle, avoiding: Set(corpus.proposals.map(\.id)))
            afterProposal()
        case .stance:
            // Enter keeps the stance when editing.
            if f.stance != nil, case .edit = f.purpose { toSummary() } else { message = Message(text: "Choose a stance: keys 1 to 5", isError: true) }
        case .summary:
            guard !text.isEmpty else { return need("A summary (one line in your words)") }
            coding.flow?.summary = text
            finish()
        }
    }

    /// The quote joins the stakeholder's position on the proposal from the
    /// same document, if there is one (its stance and summary are kept).
    private mutating func afterProposal() {
        guard let f = coding.flow, case .code(let q) = f.purpose, let s = f.stakeholder, let p = f.proposal else { return }
        if f.newStakeholder == nil, f.newProposal == nil,
           let existing = corpus.positions(onProposal: p).first(where: { $0.stakeholder == s && $0.quotes.contains { $0.document == q.document } }) {
            coding.flow?.stance = existing.stance
            coding.flow?.summary = existing.summary
            return finish()
        }
        coding.flow?.step = .stance
        line = LineEditor()
    }

    private mutating func toSummary() {
        guard let f = coding.flow else { return }
        var initial = ""
        if case .edit(let id) = f.purpose { initial = corpus.position(id)?.summary ?? "" }
        coding.flow?.step = .summary
        line = LineEditor(initial)
    }

    private mutating func finish() {
        guard let f = coding.flow, let stance = f.stance else { return }
        switch f.purpose {
        case .code(let q):
            guard let s = f.stakeholder, let p = f.proposal else { return }
            enqueue(.editDataset(.code(CodeRequest(quote: q, stakeholder: s, newStakeholder: f.newStakeholder, proposal: p,
                                                   newProposal: f.newProposal, stance: stance, summary: f.summary))))
            coding.selection = nil
            coding.lastCoded = q
        case .edit(let id):
            enqueue(.editDataset(.updatePosition(id: id, stance: stance, summary: f.summary)))
        case .find: break
        }
        endFlow()
        message = Message(text: "Saving…", isError: false)
    }

    // MARK: - Delete and undo

    private mutating func askDelete() {
        guard writable() else { return }
        var quote: (Position, Quote)?
        var position: Position?
        switch (current.screen, current.focusedPane) {
        case (.source, _):
            guard let ref = currentSourceQuote else { return message = Message(text: "No coded quote here to delete", isError: false) }
            guard case .position(let id) = ref.owner, let p = corpus.position(id) else {
                return message = Message(text: "These are the Review's own words, not a position's quote", isError: false)
            }
            quote = (p, ref.quote)
        case (.browse, .detail), (.stakeholder, .detail):
            if let p = selectedPosition, p.quotes.indices.contains(current.quote) { quote = (p, p.quotes[current.quote]) }
        default:
            position = selectedPosition
        }
        let c = corpus
        let whose = { (p: Position) in "\(c.stakeholderName(p.stakeholder))’s position on \(c.proposalTitle(p.proposal))" }
        if let (p, q) = quote {
            let words = q.text.count > 40 ? String(q.text.prefix(40)) + glyphs.ellipsis : q.text
            let last = p.quotes.count == 1 ? " It is the only quote: the position goes too." : ""
            confirmation = Confirmation(question: "Delete the quote “\(words)” from \(whose(p))?\(last)",
                                        effect: .editDataset(.deleteQuote(position: p.id, quote: q)))
        } else if let p = position {
            confirmation = Confirmation(question: "Delete \(whose(p)) and its \(p.quotes.count) quote\(p.quotes.count == 1 ? "" : "s")?",
                                        effect: .editDataset(.deletePosition(id: p.id)))
        } else {
            return message = Message(text: "No position selected to delete", isError: false)
        }
        mode = .confirm
    }

    private var changePending: Bool {
        effects.contains { if case .editDataset = $0.effect { true } else if case .undoDatasetEdit = $0.effect { true } else { false } }
    }

    private mutating func undoLast() {
        guard writable() else { return }
        guard !changePending else { return message = Message(text: "Still saving the last change", isError: false) }
        guard let last = coding.undo.last else { return message = Message(text: "Nothing to undo", isError: false) }
        enqueue(.undoDatasetEdit(last))
        message = Message(text: "Undoing: \(last.label)…", isError: false)
    }

    // MARK: - Outcomes

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
        line = LineEditor(text.split(whereSeparator: \.isNewline).map { String($0).trimmingSpaces }
            .filter { !$0.isEmpty }.joined(separator: " "))
    }
}

extension State {
    /// Coding is on: the browser shows a `--data` dataset it may change.
    public mutating func enableCoding(in directory: String) {
        coding.dataset = directory
    }
}
