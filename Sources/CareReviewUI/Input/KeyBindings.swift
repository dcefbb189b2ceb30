/// Where a binding applies. The reducer looks a key up in the contexts of
/// the current mode and screen, most specific first.
public enum KeyContext: String, CaseIterable, Sendable {
    case everywhere = "Browsing"
    case proposals = "Proposals screen"
    case positionLists = "Positions of a proposal or stakeholder"
    case onPosition = "On a position (lists, detail, source, matrix)"
    case reading = "Position detail and source reader"
    case matrix = "Stance matrix (M)"
    case compare = "Compare (c)"
    case stakeholderIndex = "Stakeholder index (W, :stakeholders)"
    case sourceReader = "Source reader"
    case presenter = "Presenter mode (P)"
    case searchInput = "Typing a search (/)"
    case commandLine = "Command line (:)"
    case noteInput = "Editing a note (a)"
    case findInput = "Finding in an article (/ in the source reader)"
    case lineEditing = "Editing a line (/, : and notes)"
    case filterMenu = "Filter menu (f)"
    case help = "Help (?)"
    case coding = "Coding (carereview --data DIR)"
    case selecting = "Selecting a passage (v in the source reader)"
    case picker = "Choosing a stakeholder, proposal, kind or chapter"
    case codingInput = "Typing a name, description or summary"
    case stancePicker = "Choosing a stance"
}

/// One row of the key table: keys, what they do, where, and how help says it.
public struct KeyBinding: Sendable {
    public let keys: [Key]
    public let command: Command
    public let context: KeyContext
    public let help: String
}

/// THE key table: the reducer maps input with it and the help overlay is
/// generated from it, so the two cannot drift.
public enum KeyBindings {
    /// Every row: the keys of every context, each screen's from its own folder.
    public static let all: [KeyBinding] = everywhereKeys + proposalsKeys + positionListKeys + onPositionKeys + readingKeys
        + sourceReaderKeys + matrixKeys + compareKeys + stakeholderIndexKeys + presenterKeys + findInputKeys + searchInputKeys + commandLineKeys + noteInputKeys + lineEditingKeys
        + filterMenuKeys + helpKeys + codingKeys

    /// Browsing
    static let everywhereKeys: [KeyBinding] = [
        .init(keys: [.char("j"), .down], command: .moveDown, context: .everywhere, help: "move down"),
        .init(keys: [.char("k"), .up], command: .moveUp, context: .everywhere, help: "move up"),
        .init(keys: [.ctrl("d")], command: .halfPageDown, context: .everywhere, help: "half a page down"),
        .init(keys: [.ctrl("u")], command: .halfPageUp, context: .everywhere, help: "half a page up"),
        .init(keys: [.pageDown, .char(" ")], command: .pageDown, context: .everywhere, help: "page down"),
        .init(keys: [.pageUp], command: .pageUp, context: .everywhere, help: "page up"),
        .init(keys: [.char("g"), .home], command: .first, context: .everywhere, help: "first item"),
        .init(keys: [.char("G"), .end], command: .last, context: .everywhere, help: "last item"),
        .init(keys: [.enter, .char("l"), .right], command: .open, context: .everywhere, help: "open: next pane, source, hit"),
        .init(keys: [.backspace, .char("h"), .left], command: .back, context: .everywhere, help: "back: previous pane or screen"),
        .init(keys: [.tab], command: .nextPane, context: .everywhere, help: "next pane"),
        .init(keys: [.backTab], command: .previousPane, context: .everywhere, help: "previous pane"),
        .init(keys: [.char("["), .altLeft], command: .historyBack, context: .everywhere, help: "history back"),
        .init(keys: [.char("]"), .altRight], command: .historyForward, context: .everywhere, help: "history forward"),
        .init(keys: [.char("z")], command: .toggleMaximise, context: .everywhere, help: "maximise / restore pane"),
        .init(keys: [.char("S")], command: .openStakeholder, context: .everywhere, help: "open the position's stakeholder"),
        .init(keys: [.char("p")], command: .openProposal, context: .everywhere, help: "open the position's proposal"),
        .init(keys: [.char("W")], command: .openStakeholderIndex, context: .everywhere, help: "who: the stakeholder index"),
        .init(keys: [.char("M")], command: .openMatrix, context: .everywhere, help: "stance matrix: proposals by stakeholders"),
        .init(keys: [.char("P")], command: .togglePresenter, context: .everywhere, help: "presenter mode: a proposal as slides"),
        .init(keys: [.char("/")], command: .startSearch, context: .everywhere, help: "search everything"),
        .init(keys: [.char("n")], command: .nextMatch, context: .everywhere, help: "next search result"),
        .init(keys: [.char("N")], command: .previousMatch, context: .everywhere, help: "previous search result"),
        .init(keys: [.char(":")], command: .startCommand, context: .everywhere, help: "command line"),
        .init(keys: [.char("f")], command: .openFilterMenu, context: .everywhere, help: "filter menu"),
        .init(keys: [.char("F")], command: .clearFilters, context: .everywhere, help: "clear all filters"),
        .init(keys: [.char("o"), .char("|")], command: .pager, context: .everywhere, help: "show item in $PAGER"),
        .init(keys: [.char("y")], command: .copy, context: .everywhere, help: "copy quote with citation"),
        .init(keys: [.char("?")], command: .toggleHelp, context: .everywhere, help: "this help"),
        .init(keys: [.escape], command: .cancel, context: .everywhere, help: "dismiss the message, else back out of this screen"),
        .init(keys: [.ctrl("l")], command: .redraw, context: .everywhere, help: "redraw the screen"),
        .init(keys: [.ctrl("z")], command: .suspend, context: .everywhere, help: "suspend (fg to resume)"),
        .init(keys: [.char("q")], command: .close, context: .everywhere, help: "close this screen (at home: quit)"),
        .init(keys: [.char("Q")], command: .quit, context: .everywhere, help: "quit from anywhere"),
    ]
    /// Typing a search
    static let searchInputKeys: [KeyBinding] = [
        .init(keys: [.down, .ctrl("n")], command: .moveDown, context: .searchInput, help: "next result"),
        .init(keys: [.up, .ctrl("p")], command: .moveUp, context: .searchInput, help: "previous result"),
        .init(keys: [.enter], command: .lineSubmit, context: .searchInput, help: "open the selected result"),
        .init(keys: [.escape], command: .lineCancel, context: .searchInput, help: "stop typing (results stay)"),
    ]
    /// Command line
    static let commandLineKeys: [KeyBinding] = [
        .init(keys: [.enter], command: .lineSubmit, context: .commandLine, help: "run the command"),
        .init(keys: [.tab], command: .lineComplete, context: .commandLine, help: "complete (again: next)"),
        .init(keys: [.backTab], command: .lineCompleteBack, context: .commandLine, help: "previous completion"),
        .init(keys: [.escape, .ctrl("c")], command: .lineCancel, context: .commandLine, help: "cancel"),
    ]
    /// Editing a note
    static let noteInputKeys: [KeyBinding] = [
        .init(keys: [.enter], command: .lineSubmit, context: .noteInput, help: "save the note (empty removes it)"),
        .init(keys: [.escape, .ctrl("c")], command: .lineCancel, context: .noteInput, help: "cancel (note unchanged)"),
    ]
    /// Editing a line
    static let lineEditingKeys: [KeyBinding] = [
        .init(keys: [.backspace], command: .lineBackspace, context: .lineEditing, help: "delete before cursor"),
        .init(keys: [.delete], command: .lineDelete, context: .lineEditing, help: "delete at cursor"),
        .init(keys: [.left], command: .lineLeft, context: .lineEditing, help: "cursor left"),
        .init(keys: [.right], command: .lineRight, context: .lineEditing, help: "cursor right"),
        .init(keys: [.home, .ctrl("a")], command: .lineHome, context: .lineEditing, help: "start of line"),
        .init(keys: [.end, .ctrl("e")], command: .lineEnd, context: .lineEditing, help: "end of line"),
        .init(keys: [.ctrl("u")], command: .lineClear, context: .lineEditing, help: "clear the line"),
        .init(keys: [.ctrl("w")], command: .lineDeleteWord, context: .lineEditing, help: "delete word"),
    ]
    /// Filter menu
    static let filterMenuKeys: [KeyBinding] = [
        .init(keys: [.char("j"), .down], command: .moveDown, context: .filterMenu, help: "move down"),
        .init(keys: [.char("k"), .up], command: .moveUp, context: .filterMenu, help: "move up"),
        .init(keys: [.char("g"), .home], command: .first, context: .filterMenu, help: "first"),
        .init(keys: [.char("G"), .end], command: .last, context: .filterMenu, help: "last"),
        .init(keys: [.char(" "), .enter, .char("x")], command: .toggleFilterItem, context: .filterMenu, help: "toggle"),
        .init(keys: [.char("F")], command: .clearFilters, context: .filterMenu, help: "clear all filters"),
        .init(keys: [.escape, .char("f"), .char("q")], command: .cancel, context: .filterMenu, help: "close"),
    ]
    /// Help
    static let helpKeys: [KeyBinding] = [
        .init(keys: [.char("j"), .down], command: .moveDown, context: .help, help: "scroll down"),
        .init(keys: [.char("k"), .up], command: .moveUp, context: .help, help: "scroll up"),
        .init(keys: [.pageDown, .char(" ")], command: .pageDown, context: .help, help: "page down"),
        .init(keys: [.pageUp], command: .pageUp, context: .help, help: "page up"),
        .init(keys: [.char("g"), .home], command: .first, context: .help, help: "top (every screen's keys)"),
        .init(keys: [.char("G"), .end], command: .last, context: .help, help: "bottom"),
        .init(keys: [.escape, .char("?"), .char("q")], command: .cancel, context: .help, help: "close help"),
    ]

    /// The command for a key in the given contexts (searched in order).
    public static func command(for key: Key, in contexts: [KeyContext]) -> Command? {
        for context in contexts {
            if let b = lookup[context]?[key] { return b }
        }
        return nil
    }

    /// Bindings of one context, in table order (for help).
    public static func bindings(in context: KeyContext) -> [KeyBinding] { all.filter { $0.context == context } }

    private static let lookup: [KeyContext: [Key: Command]] = {
        var d: [KeyContext: [Key: Command]] = [:]
        for b in all { for k in b.keys where d[b.context]?[k] == nil { d[b.context, default: [:]][k] = b.command } }
        return d
    }()

    /// Keys that do `command` in these contexts, not shadowed by a more
    /// specific context (so hints never name a key that does something else).
    public static func keys(for command: Command, in contexts: [KeyContext]) -> [Key] {
        var out: [Key] = []
        for context in contexts {
            for b in bindings(in: context) where b.command == command {
                for k in b.keys where !out.contains(k) && self.command(for: k, in: contexts) == command { out.append(k) }
            }
        }
        return out
    }

    /// Mouse actions, documented beside the keys in help.
    public static let mouseHelp: [(String, String)] = [
        ("click", "select"), ("double-click", "open"), ("wheel", "scroll"),
    ]
}
