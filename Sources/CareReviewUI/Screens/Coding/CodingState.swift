import CareReview

/// Coding in the browser (`--data DIR`): the text selection in the source
/// reader, the coding prompts in progress and the changes that can be undone.
public struct CodingState: Sendable {
    /// The dataset directory being coded; nil for the read-only embedded corpus.
    public internal(set) var dataset: String?
    /// The passage selected in the source reader (`v`, motions, mouse drag).
    public internal(set) var selection: TextSelection?
    /// The prompts of `c` or `e` in progress (mode `.coding`).
    public internal(set) var flow: CodingFlow?
    /// Saved changes, newest last; `u` undoes them in turn.
    public internal(set) var undo: [DatasetUndo] = []
    /// The quote being saved, to select it when the save is done.
    var lastCoded: Quote?
    /// Where the last press in the article was, for a drag to select from.
    var dragStart: (document: String, offset: Int)?

    public init(dataset: String? = nil) { self.dataset = dataset }
}

/// A selected passage: the end it was started at and the end that moves,
/// as scalar offsets into the document's text.
public struct TextSelection: Hashable, Sendable {
    public let document: String
    public internal(set) var anchor: Int
    public internal(set) var head: Int
    public var range: Range<Int> { min(anchor, head)..<max(anchor, head) }
}

/// The prompts of one `c` (code the selection) or `e` (edit a position).
public struct CodingFlow: Sendable {
    public enum Purpose: Sendable, Equatable {
        case code(Quote)
        case edit(position: String)
        /// `/` while selecting.
        case find
    }
    /// One prompt: a picker, a line of text or the stance keys.
    public enum Step: Sendable, Equatable {
        case stakeholder, stakeholderName, stakeholderKind, stakeholderDescription
        case proposal, proposalTitle, proposalChapter, proposalSummary
        case stance, summary
        /// `/` while selecting: text to move the selection to.
        case find

        public var isPicker: Bool { [.stakeholder, .stakeholderKind, .proposal, .proposalChapter].contains(self) }
        public var isText: Bool { !isPicker && self != .stance }
    }
    public let purpose: Purpose
    public internal(set) var step: Step
    /// The highlighted row of the picker.
    public internal(set) var cursor = 0
    // What has been chosen so far.
    public internal(set) var stakeholder: String?
    public internal(set) var newStakeholder: CodeRequest.NewStakeholder?
    public internal(set) var proposal: String?
    public internal(set) var newProposal: CodeRequest.NewProposal?
    public internal(set) var stance: Stance?
    public internal(set) var summary = ""
    // Typed on the way to a new stakeholder or proposal.
    var draftName = "", draftTitle = ""
    var draftKind: StakeholderKind?
    var draftTheme: Theme?
}
