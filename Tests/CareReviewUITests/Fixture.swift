import CareReview
@testable import CareReviewUI

/// A small corpus built in code, so golden screens don't change when the
/// real dataset does. Quote offsets are computed from the texts, so they are
/// always real substrings with correct Unicode-scalar offsets.
enum Fixture {
    static let senText = """
    The Care Review wants to abolish Independent Reviewing Officers. It is a bold move.

    “IROs were meant to be the child’s champion — too often they were not,” writes Robin Sen. \
    Yet removing them without a replacement risks leaving children with no independent voice.

    Regional care cooperatives are a different matter: the evidence for them is thin.
    """

    static let article39Text = """
    Article 39 responds to the final report of the Independent Review of Children’s Social Care.

    We are dismayed that the review recommends abolishing Independent Reviewing Officers, \
    a statutory safeguard for children in care.

    Regional Care Cooperatives would move decisions further away from children.
    """

    static let becomeText = """
    Become welcomes much of the review. Care-experienced young people told us they want \
    relationships that last.

    We are concerned about plans to remove IROs before advocacy is guaranteed.
    Regional Care Cooperatives could end the scramble for placements.
    """

    static let cypText = """
    Sector reacts to the Case for Change.

    The Association of Directors of Children’s Services said regional commissioning \
    “could work if councils keep a say”.
    """

    static let documents = [
        Document(id: "sen-2022", title: "Abolishing IROs: a bold gamble", author: "Robin Sen",
                 publisher: "Professional Social Work", date: PartialDate(year: 2022, month: 5, day: 26),
                 stage: .finalReport, url: nil, text: senText),
        Document(id: "article39-2022", title: "Our response to the final report", author: nil, publisher: "Article 39",
                 date: PartialDate(year: 2022, month: 5, day: 23), stage: .finalReport,
                 url: "https://example.org/a39", text: article39Text),
        Document(id: "become-2022", title: "Become responds to the Care Review", author: nil, publisher: "Become",
                 date: PartialDate(year: 2022, month: 5), stage: .finalReport, url: nil, text: becomeText),
        Document(id: "cyp-2021", title: "Sector reacts to the Case for Change", author: "Zoë Marsh",
                 publisher: "Children & Young People Now", date: PartialDate(year: 2021, month: 6, day: 17),
                 stage: .caseForChange, url: nil, text: cypText),
    ]

    static let stakeholders = [
        Stakeholder(id: "article-39", name: "Article 39", aliases: [], kind: .charity,
                    description: "Children's rights charity for children in institutional settings."),
        Stakeholder(id: "become", name: "Become", aliases: [], kind: .charity,
                    description: "The charity for children in care and young care leavers."),
        Stakeholder(id: "robin-sen", name: "Robin Sen", aliases: [], kind: .academic,
                    description: "Social work academic."),
        Stakeholder(id: "adcs", name: "Association of Directors of Children's Services", aliases: ["ADCS"],
                    kind: .directorsBody, description: "Directors of children's services in England."),
    ]

    static let proposals = [
        Proposal(id: "iro-abolition", title: "Abolish Independent Reviewing Officers", aliases: ["IRO", "IROs"],
                 summary: "Replace IROs with advocacy and stronger oversight.", stage: .finalReport,
                 theme: .careExperience, reviewWords: []),
        Proposal(id: "regional-care-cooperatives", title: "Regional Care Cooperatives", aliases: ["RCC", "RCCs"],
                 summary: "Regional bodies to run fostering, residential care and commissioning.", stage: .finalReport,
                 theme: .transformingCare, reviewWords: []),
        Proposal(id: "regional-commissioning", title: "Regional commissioning of placements", aliases: [],
                 summary: "Commissioning of care placements at regional level.", stage: .caseForChange,
                 theme: .transformingCare, reviewWords: []),
        Proposal(id: "family-help", title: "A single Family Help service", aliases: [],
                 summary: "Merge early help and child in need work.", stage: .finalReport,
                 theme: .familyHelp, reviewWords: []),
    ]

    static func quote(_ doc: String, _ text: String) -> Quote {
        let full = documents.first { $0.id == doc }!.text
        let range = full.range(of: text)!
        let start = full.unicodeScalars.distance(from: full.unicodeScalars.startIndex, to: range.lowerBound)
        return Quote(document: doc, text: text, start: start, end: start + text.unicodeScalars.count)
    }

    static let positions = [
        Position(id: "article-39-iro", stakeholder: "article-39", proposal: "iro-abolition", stance: .opposes,
                 summary: "A statutory safeguard for children in care would be lost.",
                 date: PartialDate(year: 2022, month: 5, day: 23),
                 quotes: [quote("article39-2022", "We are dismayed that the review recommends abolishing Independent Reviewing Officers, a statutory safeguard for children in care.")],
                 reportedBy: nil),
        Position(id: "become-iro", stakeholder: "become", proposal: "iro-abolition", stance: .concerned,
                 summary: "IROs should stay until advocacy is guaranteed.",
                 date: PartialDate(year: 2022, month: 5),
                 quotes: [quote("become-2022", "We are concerned about plans to remove IROs before advocacy is guaranteed.")],
                 reportedBy: nil),
        Position(id: "robin-sen-iro", stakeholder: "robin-sen", proposal: "iro-abolition", stance: .mixed,
                 summary: "IROs often failed children, but abolition without a replacement is risky.",
                 date: PartialDate(year: 2022, month: 5, day: 26),
                 quotes: [quote("sen-2022", "“IROs were meant to be the child’s champion — too often they were not,”"),
                          quote("sen-2022", "removing them without a replacement risks leaving children with no independent voice")],
                 reportedBy: nil),
        Position(id: "become-rcc", stakeholder: "become", proposal: "regional-care-cooperatives", stance: .supports,
                 summary: "Could end the scramble for placements.", date: PartialDate(year: 2022, month: 5),
                 quotes: [quote("become-2022", "Regional Care Cooperatives could end the scramble for placements.")],
                 reportedBy: nil),
        Position(id: "article-39-rcc", stakeholder: "article-39", proposal: "regional-care-cooperatives", stance: .opposes,
                 summary: "Decisions move further from children.\u{1B}[31m", date: PartialDate(year: 2022, month: 5, day: 23),
                 quotes: [quote("article39-2022", "Regional Care Cooperatives would move decisions further away from children.")],
                 reportedBy: nil),
        Position(id: "robin-sen-rcc", stakeholder: "robin-sen", proposal: "regional-care-cooperatives", stance: .concerned,
                 summary: "The evidence for RCCs is thin.", date: PartialDate(year: 2022, month: 5, day: 26),
                 quotes: [quote("sen-2022", "Regional care cooperatives are a different matter: the evidence for them is thin.")],
                 reportedBy: nil),
        Position(id: "adcs-commissioning", stakeholder: "adcs", proposal: "regional-commissioning", stance: .qualified,
                 summary: "Could work if councils keep a say.", date: PartialDate(year: 2021, month: 6, day: 17),
                 quotes: [quote("cyp-2021", "“could work if councils keep a say”")],
                 reportedBy: "Children & Young People Now"),
    ]

    static let corpus = Corpus(documents: documents, stakeholders: stakeholders, proposals: proposals, positions: positions)
    static let index = SearchIndex(corpus: corpus)

    /// A state at a size, with the search index delivered.
    static func state(_ glyphs: GlyphSet = .unicode, width: Int = 80, height: Int = 24, indexed: Bool = true,
                      annotations: Annotations = Annotations(), presenting: Bool = false, showKeys: Bool = false) -> State {
        var s = State(corpus: corpus, glyphs: glyphs, width: width, height: height, annotations: annotations,
                      presenting: presenting, showKeys: showKeys)
        if indexed { s.apply(.searchIndexReady(index)) }
        return s
    }
}

extension State {
    /// Applies keys typed as a string (each character a `.char` key).
    mutating func type(_ text: String) { for c in text { apply(.key(.char(c))) } }
    mutating func press(_ keys: Key...) { for k in keys { apply(.key(k)) } }
}
