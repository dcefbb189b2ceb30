import CareReview
import Testing
@testable import CareReviewUI

/// Search rows say whose words they are; a quote several positions share is
/// one row; `/` in the source reader finds within the article.
@Suite struct SearchRowsAndFindTests {
    /// The fixture with one quote shared by two positions (as a sector
    /// round-up quoted for several stakeholders).
    static let shared: Corpus = {
        let q = Fixture.quote("become-2022", "Regional Care Cooperatives could end the scramble for placements.")
        var positions = Fixture.positions
        positions.append(Position(id: "adcs-rcc", stakeholder: "adcs", proposal: "regional-care-cooperatives", stance: .supports,
                                  summary: "Agrees with Become.", date: PartialDate(year: 2022, month: 5), quotes: [q], reportedBy: "Become"))
        return Corpus(documents: Fixture.documents, stakeholders: Fixture.stakeholders, proposals: Fixture.proposals, positions: positions)
    }()

    @Test func aSharedQuoteIsOneRowNamingItsPositions() {
        var s = State(corpus: Self.shared, width: 80, height: 24)
        s.apply(.searchIndexReady(SearchIndex(corpus: Self.shared)))
        s.apply(.runCommand("search scramble"))
        let quoteRows = s.search.hits.filter { if case .quote = $0.target { true } else { false } }
        #expect(quoteRows.count == 1)
        let text = render(s, width: 80, height: 24).text
        #expect(text.contains("(in 2 positions)"))
        #expect(text.contains("Become on Regional") || text.contains("Become on"))
    }

    @Test func narrowSearchRowsStillNameWhoAndWhat() {
        var s = Fixture.state(width: 50, height: 20)
        s.apply(.runCommand("search statutory safeguard"))
        let row = render(s, width: 50, height: 20).text.split(separator: "\n").first { $0.contains("quote") } ?? ""
        #expect(row.contains("Article 39"), "\(row)")
    }

    @Test func slashInTheSourceReaderFindsWithinTheArticle() {
        var s = Fixture.state(width: 80, height: 24)
        s.apply(.openProposal("iro-abolition", stakeholder: "robin-sen"))
        s.press(.enter)   // the source reader
        guard case .source("sen-2022") = s.current.screen else { Issue.record("not in the source"); return }
        s.press(.char("/"))
        #expect(s.mode == .findInput)
        s.type("care")
        #expect(s.current.marks.count == 2 && s.message?.text == "2 matches in the article")   // "Care Review", "care cooperatives"
        s.press(.enter, .char("n"))
        #expect(s.current.screen == .source(document: "sen-2022") && s.current.markFocus != nil && s.message?.text.hasPrefix("Match ") == true)
        let buf = render(s, width: 80, height: 24)
        #expect(buf.cells.contains { $0.style.role == .highlight })
        #expect(State.matches(of: "zoe", in: "Zoë and ZOE") == [0..<3, 8..<11])
    }
}
