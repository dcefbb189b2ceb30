/// What a key means, independent of which key it is. The key table maps
/// keys to commands; the reducer carries commands out.
public enum Command: Hashable, Sendable {
    // Moving in lists and text
    case moveDown, moveUp, pageDown, pageUp, halfPageDown, halfPageUp, first, last
    // Panes and screens
    case nextPane, previousPane, open, back, historyBack, historyForward, toggleMaximise
    case openStakeholder, openProposal, nextQuote, previousQuote, openStakeholderIndex
    /// q closes the current screen (at home: quits); Q quits from anywhere.
    case close
    // Finding within an article (the source reader's /, n, N)
    case startFind, findNext, findPrevious
    // Overlays and modes
    case startSearch, nextMatch, previousMatch, startCommand, openFilterMenu, clearFilters, toggleHelp, cancel
    case cycleSort
    // Stance matrix: columns (rows use the list moves)
    case moveLeft, moveRight, firstColumn, lastColumn, openMatrix
    // Compare, timeline, marks and notes
    case compare, swapCompared, toggleTimeline, toggleMark, editNote
    // Presenter mode
    case togglePresenter, nextSlide, previousSlide, nextProposal, previousProposal
    // Coding (`--data DIR`): select, code, edit, delete, undo, and the coding prompts
    case startSelection, codeSelection, editPosition, deleteCoded, undoChange, swapSelectionEnds, findInSelection
    case extendSelection(SelectionMotion), extendSelectionByLine(Int), chooseStance(Int), editInEditor
    // Effects for the backend
    case pager, copy, redraw, suspend, quit
    // Filter menu
    case toggleFilterItem
    // Line editing (search and command line)
    case lineSubmit, lineCancel, lineBackspace, lineDelete, lineLeft, lineRight, lineHome, lineEnd
    case lineClear, lineDeleteWord, lineComplete, lineCompleteBack
}
