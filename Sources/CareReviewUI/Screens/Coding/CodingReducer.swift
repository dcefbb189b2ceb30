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

    /// Coding needs a `--data` dataset; the embedded corpus says it is read-only.
    mutating func writable() -> Bool {
        if coding.dataset == nil { message = Message(text: Self.readOnlyMessage, isError: true) }
        return coding.dataset != nil
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
}
