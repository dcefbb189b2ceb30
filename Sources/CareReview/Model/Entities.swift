/// A source article: its metadata and its cleaned full text.
public struct Document: Sendable, Identifiable {
    public let id: String
    public let title: String
    public let author: String?       // nil where the article is unsigned
    public let publisher: String?    // nil where the source does not say
    public let date: PartialDate
    public let dateNote: String?     // how the date was established, when not printed on the article
    public let stage: Stage
    public let url: String?          // only where the text itself states it
    public let text: String

    /// True when the date is inferred rather than printed on the article.
    public var dateIsInferred: Bool { dateNote != nil }

    public init(id: String, title: String, author: String?, publisher: String?, date: PartialDate,
                dateNote: String? = nil, stage: Stage, url: String?, text: String) {
        self.id = id; self.title = title; self.author = author; self.publisher = publisher
        self.date = date; self.dateNote = dateNote; self.stage = stage; self.url = url; self.text = text
    }

    /// "Robin Sen, Professional Social Work magazine, 26 May 2022"
    public var citation: String {
        [author, publisher, date.humanDescription].compactMap { $0 }.joined(separator: ", ")
    }
}

/// A person or organisation that takes positions.
public struct Stakeholder: Sendable, Identifiable {
    public let id: String
    public let name: String
    public let aliases: [String]
    public let kind: StakeholderKind
    public let description: String

    public init(id: String, name: String, aliases: [String], kind: StakeholderKind, description: String) {
        self.id = id; self.name = name; self.aliases = aliases; self.kind = kind; self.description = description
    }
}

/// A recommendation of the Review, or a theme of its terms of reference or
/// interim report that stakeholders answer.
public struct Proposal: Sendable, Identifiable {
    public let id: String
    public let title: String
    public let aliases: [String]
    public let summary: String
    public let stage: Stage
    public let theme: Theme
    /// The Review's own words, where a source article quotes them.
    public let reviewWords: [Quote]

    public init(id: String, title: String, aliases: [String], summary: String, stage: Stage,
                theme: Theme, reviewWords: [Quote]) {
        self.id = id; self.title = title; self.aliases = aliases; self.summary = summary
        self.stage = stage; self.theme = theme; self.reviewWords = reviewWords
    }
}

/// Verbatim words from a document, anchored by offsets in Unicode scalars
/// into the document's text (end exclusive).
public struct Quote: Sendable, Hashable {
    public let document: String
    public let text: String
    public let start: Int
    public let end: Int

    public init(document: String, text: String, start: Int, end: Int) {
        self.document = document; self.text = text; self.start = start; self.end = end
    }
}

/// One stakeholder on one proposal.
public struct Position: Sendable, Identifiable {
    public let id: String
    public let stakeholder: String
    public let proposal: String
    public let stance: Stance
    public let summary: String
    public let date: PartialDate
    public let quotes: [Quote]
    /// Who reported the words, when a document reports someone else's
    /// statement (e.g. a sector round-up quoting a charity's press release).
    public let reportedBy: String?
    /// How the date was established, when the source does not print it for
    /// this view (then the date is inferred, and shown as such).
    public let dateNote: String?

    public init(id: String, stakeholder: String, proposal: String, stance: Stance, summary: String,
                date: PartialDate, quotes: [Quote], reportedBy: String?, dateNote: String? = nil) {
        self.id = id; self.stakeholder = stakeholder; self.proposal = proposal; self.stance = stance
        self.summary = summary; self.date = date; self.quotes = quotes; self.reportedBy = reportedBy
        self.dateNote = dateNote
    }

    /// True when the date is inferred rather than printed in the source.
    public var dateIsInferred: Bool { dateNote != nil }
}
