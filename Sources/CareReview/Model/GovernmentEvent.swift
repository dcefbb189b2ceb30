/// What happened next to a proposal: a dated government decision or step
/// (a response, a pathfinder, legislation). Events are not stakeholder
/// positions and carry no quote from the articles: they cite the public
/// source they were checked against, and are kept in their own file.
public struct GovernmentEvent: Sendable, Hashable {
    public let proposal: String
    public let date: PartialDate
    public let kind: GovernmentEventKind
    /// The instrument: a strategy, an Act, a programme, a consultation response.
    public let instrument: String
    /// One line in our words.
    public let summary: String
    public let sourceTitle: String
    public let sourceURL: String
    /// When the source was last read to check this event.
    public let checked: PartialDate

    public init(proposal: String, date: PartialDate, kind: GovernmentEventKind, instrument: String,
                summary: String, sourceTitle: String, sourceURL: String, checked: PartialDate) {
        self.proposal = proposal; self.date = date; self.kind = kind; self.instrument = instrument
        self.summary = summary; self.sourceTitle = sourceTitle; self.sourceURL = sourceURL; self.checked = checked
    }
}

/// The kinds of government event, in the words used in `events.yaml`.
public enum GovernmentEventKind: String, CaseIterable, Sendable, Codable {
    case accepted
    case acceptedWithChanges = "accepted-with-changes"
    case rejected
    case pathfinder
    case rolledOut = "rolled-out"
    case legislated
    case inForce = "in-force"
    case noDecision = "no-decision"

    public var label: String {
        switch self {
        case .accepted: "accepted"
        case .acceptedWithChanges: "accepted with changes"
        case .rejected: "rejected"
        case .pathfinder: "pathfinder"
        case .rolledOut: "rolled out"
        case .legislated: "legislated"
        case .inForce: "in force"
        case .noDecision: "no decision"
        }
    }
}
