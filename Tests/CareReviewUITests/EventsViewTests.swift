import CareReview
import Testing
@testable import CareReviewUI

/// What happened next on a proposal's screen: government events after its
/// positions (and after the Review's stages in the timeline), labelled as
/// not positions; a proposal with no positions still shows its events.
@Suite struct EventsViewTests {
    static let events = [
        GovernmentEvent(proposal: "iro-abolition", date: PartialDate(year: 2023, month: 2, day: 2), kind: .rejected,
                        instrument: "Stable Homes, Built on Love", summary: "Kept the role and said it would strengthen it.",
                        sourceTitle: "Role kept", sourceURL: "https://example.org/kept", checked: PartialDate(year: 2026, month: 6)),
        GovernmentEvent(proposal: "family-help", date: PartialDate(year: 2023, month: 7), kind: .pathfinder,
                        instrument: "Families First pathfinder", summary: "Three areas began to test it.",
                        sourceTitle: "Pathfinder", sourceURL: "https://example.org/pathfinder", checked: PartialDate(year: 2026, month: 6)),
    ]
    static let corpus = Corpus(documents: Fixture.documents, stakeholders: Fixture.stakeholders, proposals: Fixture.proposals,
                               positions: Fixture.positions, events: events)

    private func screen(_ keys: String, width: Int = 120, height: Int = 40) -> (text: [String], buffer: ScreenBuffer) {
        var s = State(corpus: Self.corpus, glyphs: .unicode, width: width, height: height)
        s.type(":proposal iro-abolition")
        s.press(.enter)
        s.type(keys)
        let buf = render(s, width: width, height: height)
        return ((0..<height).map(buf.rowText), buf)
    }

    @Test func eventsFollowThePositionsLabelledAsNotPositions() {
        let (text, _) = screen("")
        let heading = text.firstIndex { $0.contains("What happened next (1): government, not positions") }
        let event = text.firstIndex { $0.contains("2 Feb 2023 REJECTED Stable Homes, Built on Love:") }
        let lastPosition = text.lastIndex { $0.contains("Robin Sen") || $0.contains("Article 39") || $0.contains("Become") }
        #expect(heading != nil && event != nil, "\(text.joined(separator: "\n"))")
        // Maximised, the list has the width for the whole line, checked date included.
        let (wide, _) = screen("z")
        #expect(wide.contains { $0.contains("What happened next (1): government, not positions · checked to Jun 2026") })
        #expect(wide.contains { $0.contains("Kept the role and said it would strengthen it.") })
        if let heading, let event, let lastPosition { #expect(lastPosition < heading && heading < event) }
    }

    @Test func inTheTimelineEventsComeAfterTheReviewsStages() {
        let (text, _) = screen("t")
        let stage = text.firstIndex { $0.contains("Final report (May 2022)") }
        let heading = text.firstIndex { $0.contains("What happened next (1):") }
        #expect(stage != nil && heading != nil)
        if let stage, let heading { #expect(stage < heading) }
    }

    @Test func aProposalWithoutPositionsShowsItsEvents() {
        var s = State(corpus: Self.corpus, glyphs: .unicode, width: 120, height: 40)
        s.type(":proposal family-help")
        s.press(.enter)
        let buf = render(s, width: 120, height: 40)
        let text = (0..<40).map(buf.rowText)
        #expect(text.contains { $0.contains("PATHFINDER Families First pathfinder") }, "\(text.joined(separator: "\n"))")
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func golden(_ size: (Int, Int)) {
        let (_, buf) = screen("", width: size.0, height: size.1)
        Golden.check("events-\(size.0)x\(size.1)-unicode", buf)
    }
}
