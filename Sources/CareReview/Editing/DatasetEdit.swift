import Foundation

/// A change to a dataset, as a value: the browser's reducer asks for one in
/// an effect, and `DatasetSession` carries it out.
public enum DatasetEdit: Hashable, Sendable {
    /// Code a quote (joining the stakeholder's position on the proposal
    /// from the same document, if there is one).
    case code(CodeRequest)
    case updatePosition(id: String, stance: Stance, summary: String)
    /// Take a quote off a position (the position goes with its last quote).
    case deleteQuote(position: String, quote: Quote)
    case deletePosition(id: String)
}

/// What to code, and any stakeholder or proposal to create on the way.
public struct CodeRequest: Hashable, Sendable {
    public struct NewStakeholder: Hashable, Sendable {
        public var name: String, kind: StakeholderKind, description: String
        public init(name: String, kind: StakeholderKind, description: String) {
            self.name = name; self.kind = kind; self.description = description
        }
    }
    public struct NewProposal: Hashable, Sendable {
        public var title: String, summary: String, theme: Theme, stage: Stage
        public init(title: String, summary: String, theme: Theme, stage: Stage) {
            self.title = title; self.summary = summary; self.theme = theme; self.stage = stage
        }
    }
    public var quote: Quote
    /// The stakeholder's id (for a new one, the id it gets).
    public var stakeholder: String
    public var newStakeholder: NewStakeholder?
    public var proposal: String
    public var newProposal: NewProposal?
    public var stance: Stance
    public var summary: String

    public init(quote: Quote, stakeholder: String, newStakeholder: NewStakeholder? = nil, proposal: String,
                newProposal: NewProposal? = nil, stance: Stance, summary: String) {
        self.quote = quote; self.stakeholder = stakeholder; self.newStakeholder = newStakeholder
        self.proposal = proposal; self.newProposal = newProposal; self.stance = stance; self.summary = summary
    }
}

/// How to put files back as they were before a change: their bytes then
/// (nil: the file did not exist) and the bytes the change wrote, so an undo
/// never overwrites a later change made by another program.
public struct DatasetUndo: Hashable, Sendable {
    /// What the change was, in words ("coded a quote of Become on IROs").
    public let label: String
    public let before: [String: Data?]
    public let after: [String: Data]

    public init(label: String, before: [String: Data?], after: [String: Data]) {
        self.label = label; self.before = before; self.after = after
    }
}

/// What a change, an undo or a check for outside changes came to.
public struct DatasetOutcome: Sendable {
    public enum Kind: Sendable, Equatable {
        /// Written and durable; the undo puts it back.
        case saved(DatasetUndo)
        case undone
        /// The files were changed by another program; the corpus is theirs now.
        case reloaded
        /// Nothing was written (the message says why).
        case failed
    }
    public let kind: Kind
    /// The dataset as it now is on disk (nil: unchanged).
    public let corpus: Corpus?
    public let message: String
    /// The position the change made or touched, to show it.
    public let position: String?

    public var isError: Bool { kind == .failed || kind == .reloaded }

    public init(kind: Kind, corpus: Corpus?, message: String, position: String?) {
        self.kind = kind; self.corpus = corpus; self.message = message; self.position = position
    }
}
