extension State {
    /// Keys in the search and command lines.
    mutating func editLine(_ command: Command) {
        if command != .lineComplete && command != .lineCompleteBack { line.completion = nil }
        switch command {
        case .lineSubmit:
            let text = line.text
            if mode == .noteInput { return saveNote() }
            if mode == .findInput { mode = .normal; return }
            if mode == .searchInput {
                mode = .normal
                if let hit = selectedHit { openHit(hit) }
                else if search.index == nil { message = Message(text: "Indexing… try again in a moment", isError: false) }
                else if !text.trimmingSpaces.isEmpty { message = Message(text: "No results for “\(text)”", isError: false) }
            } else {
                mode = .normal
                runCommandLine(text)
            }
            return
        case .lineCancel:
            if mode == .noteInput { return cancelNote() }
            if mode == .findInput { mode = .normal; current.marks = []; message = nil; return }
            cancelLine(); return
        case .lineBackspace:
            // Backspace on an empty line leaves it, except a note (clearing it is editing).
            if line.characters.isEmpty, mode != .noteInput { cancelLine(); return }
            line.backspace()
        case .lineDelete: line.delete()
        case .lineLeft: line.left()
        case .lineRight: line.right()
        case .lineHome: line.home()
        case .lineEnd: line.end()
        case .lineClear: line.clear()
        case .lineDeleteWord: line.deleteWord()
        case .lineComplete: complete(forward: true); return
        case .lineCompleteBack: complete(forward: false); return
        case .moveDown, .moveUp:
            if mode == .searchInput, !search.hits.isEmpty {
                search.selected = max(0, min(search.hits.count - 1, search.selected + (command == .moveDown ? 1 : -1)))
            }
            return
        default: return
        }
        lineChanged()
    }

    private mutating func cancelLine() {
        let wasSearch = mode == .searchInput
        mode = .normal
        if wasSearch, search.query.trimmingSpaces.isEmpty, current.screen == .search, historyIndex > 0 {
            historyIndex -= 1
        }
    }

    /// Incremental search: every edit re-runs the query.
    mutating func lineChanged() {
        if mode == .findInput { return findChanged() }
        guard mode == .searchInput else { return }
        search.query = line.text
        runSearch()
    }
}
