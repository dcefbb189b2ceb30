import CareReview

/// The pure reducer: the next state for an action.
public func reduce(_ state: State, _ action: Action) -> State {
    var s = state
    s.apply(action)
    return s
}

extension State {
    /// Applies an action in place (the same as `reduce`).
    public mutating func apply(_ action: Action) {
        switch action {
        case .key(let key): handle(key)
        case .command(let c): perform(c)
        case .mouse(let e): handle(e)
        case .resize(let w, let h):
            width = max(0, w); height = max(0, h)
        case .searchIndexReady(let index):
            search.index = index
            runSearch()
        case .effectFinished(let id, let text, let isError):
            effects.removeAll { $0.id == id }
            if let text { message = Message(text: text, isError: isError) }
        case .runCommand(let text): runCommandLine(text)
        case .setTheme(let t):
            // The user's theme (flags, config): while presenting, the one to come back to.
            if presenter != nil { presenter?.previousTheme = t } else { theme = t }
        case .setGlyphs(let g): glyphs = g
        case .openProposal(let id, let stakeholder): openProposal(id, stakeholder: stakeholder)
        case .showMessage(let text, let isError): message = Message(text: text, isError: isError)
        case .setMonochrome(let on): monochrome = on
        case .confirm(let question, let effect):
            confirmation = Confirmation(question: question, effect: effect)
            mode = .confirm
        case .datasetChanged(let outcome): datasetChanged(outcome)
        case .editorFinished(let text): editorFinished(text)
        }
        normalize()
    }

    /// The key-table contexts for the current mode and screen, most specific first.
    public var keyContexts: [KeyContext] {
        switch mode {
        case .help, .messageLog: return [.help]
        case .confirm: return []
        case .coding: return codingContexts
        case .filterMenu: return [.filterMenu]
        case .searchInput: return [.searchInput, .lineEditing]
        case .commandLine: return [.commandLine, .lineEditing]
        case .noteInput: return [.noteInput, .lineEditing]
        case .findInput: return [.findInput, .lineEditing]
        case .normal:
            // Presenter mode has its own small key set, so nothing changes unseen under the slides.
            if presenter != nil { return [.presenter] }
            var c = screenKeyContexts
            if current.focusedPane == .detail || current.focusedPane == .article { c.append(.reading) }
            if activeSelection != nil { c.insert(.selecting, at: 0) }
            return c + [.coding, .everywhere]
        }
    }

    mutating func handle(_ key: Key) {
        if showKeys {
            recentKeys.append(key)
            if recentKeys.count > Self.recentKeyLimit { recentKeys.removeFirst(recentKeys.count - Self.recentKeyLimit) }
        }
        if mode == .confirm {
            // y goes ahead; any other key keeps things as they are.
            mode = .normal
            let c = confirmation
            confirmation = nil
            if key == .char("y") || key == .char("Y"), let c { enqueue(c.effect) }
            else { message = Message(text: "Not done: nothing was changed", isError: false) }
            return
        }
        if mode == .coding { return handleCodingKey(key) }
        let command = KeyBindings.command(for: key, in: keyContexts)
        if mode.isLineInput {
            if let command {
                editLine(command)
            } else if case .char(let c) = key {
                // Text entry: every other character is typed.
                line.insert(c)
                line.completion = nil
                lineChanged()
            }
            return
        }
        // Any key dismisses a message, as in most terminal readers (Esc only that).
        if command != .cancel, !(presenter != nil && command == .togglePresenter) { message = nil }
        if let command { perform(command) }
    }

    mutating func perform(_ command: Command) {
        switch mode {
        case .help, .messageLog: return performInHelp(command)
        case .confirm: return
        case .coding: return performCoding(command)
        case .filterMenu: return performInFilterMenu(command)
        case .searchInput, .commandLine, .noteInput, .findInput: return editLine(command)
        case .normal: break
        }
        if presenter != nil { return performInPresenter(command) }
        switch command {
        case .moveDown: move(by: 1)
        case .moveUp: move(by: -1)
        case .pageDown: move(by: max(1, paneHeight(current.focusedPane) - 1))
        case .pageUp: move(by: -max(1, paneHeight(current.focusedPane) - 1))
        case .halfPageDown: move(by: max(1, paneHeight(current.focusedPane) / 2))
        case .halfPageUp: move(by: -max(1, paneHeight(current.focusedPane) / 2))
        case .first: move(by: Int.min / 2)
        case .last: move(by: Int.max / 2)
        case .nextPane: cycleFocus(by: 1)
        case .previousPane: cycleFocus(by: -1)
        case .open: open()
        case .back: back()
        case .historyBack: goHistory(by: -1)
        case .historyForward: goHistory(by: 1)
        case .toggleMaximise: maximised.toggle()
        case .openStakeholder: openStakeholderOfSelection()
        case .openProposal: openProposalOfSelection()
        case .openStakeholderIndex: openStakeholderIndex()
        case .close: closeScreen()
        case .startFind: startFind()
        case .findNext: stepFind(by: 1)
        case .findPrevious: stepFind(by: -1)
        case .nextQuote: stepQuote(by: 1)
        case .previousQuote: stepQuote(by: -1)
        case .startSearch: startSearch()
        case .nextMatch: stepMatch(by: 1)
        case .previousMatch: stepMatch(by: -1)
        case .startCommand:
            mode = .commandLine
            line = LineEditor()
        case .openFilterMenu:
            mode = .filterMenu
        case .clearFilters: clearFilters()
        case .toggleHelp: openHelp()
        case .cancel:
            if activeSelection != nil { coding.selection = nil; message = Message(text: "Selection cleared", isError: false) }
            else if message != nil { message = nil } else { backOut(quitting: false) }
        case .cycleSort:
            guard current.screen == .browse || current.screen == .matrix else { return }
            let all = ProposalOrder.allCases
            sort = all[(all.firstIndex(of: sort)! + 1) % all.count]
            message = Message(text: (current.screen == .matrix ? "Rows sorted by " : "Sorted by ") + sortLabel
                              + (sort == .divided ? " (spread of stances, supports +2 to opposes -2)" : ""), isError: false)
        case .pager: requestPager()
        case .copy: requestCopy()
        case .redraw: enqueue(.redraw)
        case .suspend: enqueue(.suspend)
        case .quit: enqueue(.quit(session))
        case .moveLeft: moveColumn(by: -1)
        case .moveRight: moveColumn(by: 1)
        case .firstColumn: moveColumn(by: Int.min / 2)
        case .lastColumn: moveColumn(by: Int.max / 2)
        case .openMatrix: openMatrix()
        case .compare: startCompare()
        case .swapCompared: swapCompared()
        case .toggleTimeline: toggleTimeline()
        case .toggleMark: toggleMark()
        case .editNote: startNote()
        case .togglePresenter: startPresenting()
        case .nextSlide, .previousSlide, .nextProposal, .previousProposal: break
        case .startSelection, .codeSelection, .editPosition, .deleteCoded, .undoChange, .swapSelectionEnds, .findInSelection,
             .extendSelection, .extendSelectionByLine, .chooseStance, .editInEditor:
            performCoding(command)
        case .toggleFilterItem, .lineSubmit, .lineCancel, .lineBackspace, .lineDelete, .lineLeft, .lineRight,
             .lineHome, .lineEnd, .lineClear, .lineDeleteWord, .lineComplete, .lineCompleteBack:
            break
        }
    }

    public var sortLabel: String {
        switch sort {
        case .theme: "theme"
        case .positions: "number of positions"
        case .divided: "how divided"
        }
    }

    mutating func enqueue(_ effect: Effect) {
        effects.append(PendingEffect(id: nextEffectID, effect: effect))
        nextEffectID += 1
    }

    mutating func clearFilters() {
        if filter.isEmpty { message = Message(text: "No filter to clear", isError: false); return }
        filter = .none
        message = Message(text: "Filters cleared", isError: false)
    }

    /// `?`: help, opened at the keys of the screen in use (its most specific context).
    mutating func openHelp() {
        let context = keyContexts.first
        mode = .help
        helpTop = context.flatMap { c in HelpContent.entries(glyphs).firstIndex { $0.heading && $0.keys == c.rawValue } } ?? 0
    }

    /// `:messages`: the log of messages, newest at the bottom.
    mutating func openMessageLog() {
        mode = .messageLog
        helpTop = max(0, messageLog.count - max(1, height - 6))
    }

    /// `:theme`: a theme for now and next time; the whole screen is repainted.
    mutating func chooseTheme(_ t: ThemeName) {
        if presenter != nil { presenter?.previousTheme = t } else { theme = t }
        enqueue(.redraw)
        message = Message(text: "Theme: \(t.rawValue) (kept for next time)", isError: false)
    }

    mutating func performInHelp(_ command: Command) {
        let page = max(1, height - 6)
        switch command {
        case .moveDown: helpTop += 1
        case .moveUp: helpTop -= 1
        case .pageDown: helpTop += page
        case .pageUp: helpTop -= page
        case .cancel, .toggleHelp: mode = .normal
        case .quit, .close: mode = .normal
        case .first: helpTop = 0
        case .last: helpTop = Int.max / 2
        default: break
        }
        let count = mode == .messageLog ? messageLog.count : HelpContent.lineCount(glyphs)
        helpTop = max(0, min(helpTop, count - 1))
    }
}
