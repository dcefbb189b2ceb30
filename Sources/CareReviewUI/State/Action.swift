import CareReview

/// Everything that can happen to the browser. The backend turns terminal
/// input into actions; `reduce` is the only way state changes.
public enum Action: Sendable {
    /// A key press; the key table decides what it means in the current mode.
    case key(Key)
    /// A command directly (what a key would do), for scripts and tests.
    case command(Command)
    case mouse(MouseEvent)
    /// The terminal's new size.
    case resize(width: Int, height: Int)
    /// The search index, built by the backend off the main path.
    case searchIndexReady(SearchIndex)
    /// A pending effect is done; an optional message for the message line.
    case effectFinished(id: Int, message: String? = nil, isError: Bool = false)
    /// Run a command line (as if typed after `:`).
    case runCommand(String)
    case setTheme(ThemeName)
    case setGlyphs(GlyphSet)
    /// Open a proposal (ids), optionally with a stakeholder's position selected.
    case openProposal(String, stakeholder: String?)
    /// Show a message (e.g. a backend warning).
    case showMessage(String, isError: Bool)
    /// The terminal has no colour: stance letters join the glyphs.
    case setMonochrome(Bool)
    /// An effect needs a yes before it goes ahead (the backend asks, e.g. an
    /// export onto an existing file); y runs `effect`, anything else cancels.
    case confirm(question: String, effect: Effect)
    /// The dataset after a change, an undo, or another program's change.
    case datasetChanged(DatasetOutcome)
    /// The text from $EDITOR (nil: the editor failed or the text is unchanged).
    case editorFinished(String?)
}

/// What the keyboard currently drives.
public enum Mode: Hashable, Sendable {
    case normal, searchInput, commandLine, filterMenu, help
    /// `:messages`: the messages shown so far, newest last.
    case messageLog
    /// A yes/no question on the message line.
    case confirm
    /// Typing words to find in the article (`/` in the source reader).
    case findInput
    /// Editing the note on a position (`a`).
    case noteInput
    /// A coding prompt (`c`, `e`): a picker, a line of text or the stance keys.
    case coding
    /// Typing text into the line editor (search, command, note).
    public var isLineInput: Bool { self == .searchInput || self == .commandLine || self == .noteInput || self == .findInput }
}

/// A line of feedback under the status line.
public struct Message: Hashable, Sendable {
    public let text: String
    public let isError: Bool
}
