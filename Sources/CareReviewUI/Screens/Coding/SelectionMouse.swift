/// Selecting with the mouse in the source reader (coding on): a press
/// marks where a drag starts, the drag selects from there, the release ends it.
extension State {
    /// True when the event was for the selection (nothing else should handle it).
    mutating func handleSelectionMouse(_ e: MouseEvent, pane: Pane) -> Bool {
        guard case .source(let doc) = current.screen, pane == .article, coding.dataset != nil, mode == .normal else { return false }
        switch e.kind {
        case .click:
            coding.dragStart = articleOffset(row: e.row, col: e.col).map { (doc, $0) }
            coding.selection = nil
            return false
        case .drag, .release:
            guard let head = articleOffset(row: e.row, col: e.col) else { return true }
            let start = coding.dragStart.flatMap { $0.document == doc ? $0.offset : nil }
            let anchor = activeSelection?.anchor ?? start ?? head
            coding.selection = TextSelection(document: doc, anchor: anchor, head: head)
            if e.kind == .release {
                coding.dragStart = nil
                if anchor == head { coding.selection = nil } else {
                    message = Message(text: "Selected: c codes it; w ) } extend, Esc stops", isError: false)
                }
            }
            scrollArticle(to: head)
            return true
        default:
            return false
        }
    }

    /// The text offset under a screen cell of the article (past a line's end: its end).
    func articleOffset(row: Int, col: Int) -> Int? {
        guard case .source(let doc) = current.screen, let a = article, a.document == doc, !a.lines.isEmpty,
              let content = layout.content(of: .article) else { return nil }
        let first = a.line(containing: current.tops[0])
        let target = max(0, min(a.lines.count - 1, first + row - content.row - bannerRows(.article)))
        let line = a.lines[target]
        var x = content.col
        for glyph in line {
            if col < x + glyph.width { return glyph.offset }
            x += glyph.width
        }
        return line.last.map { $0.offset + 1 } ?? a.starts[target]
    }
}
