import CareReview
import Foundation
import Testing
@testable import CareReviewUI

@Suite struct ReducerTests {
    @Test func homeSelectsTheFirstProposal() {
        let s = Fixture.state()
        #expect(s.current.screen == .browse && s.current.focus == 0)
        #expect(s.current.proposal == "family-help")
        #expect(s.listPosition == "1/4")
    }

    @Test func movingAndOpeningFollowsTheMillerColumns() {
        var s = Fixture.state()
        s.press(.char("G"))
        #expect(s.current.proposal == "iro-abolition")
        s.press(.enter)
        #expect(s.current.focusedPane == .positions)
        #expect(s.positionList.items.map(\.id) == ["robin-sen-iro", "become-iro", "article-39-iro"])   // supports → opposes
        s.press(.char("j"), .enter)
        #expect(s.current.focusedPane == .detail && s.current.position == "become-iro")
        s.press(.enter)
        #expect(s.current.screen == .source(document: "become-2022"))
        #expect(s.currentSourceQuote?.quote == Fixture.positions[1].quotes[0])
        s.press(.backspace)
        #expect(s.current.screen == .browse && s.current.focusedPane == .detail && s.current.position == "become-iro")
        s.press(.char("h"), .char("h"))
        #expect(s.current.focusedPane == .proposals && s.historyIndex == 0)
    }

    @Test func historyBackAndForward() {
        var s = Fixture.state()
        s.apply(.runCommand("stakeholder become"))
        s.apply(.runCommand("proposal rcc"))
        #expect(s.history.count == 3 && s.historyIndex == 2)
        s.press(.char("["))
        #expect(s.current.screen == .stakeholder("become"))
        s.press(.altLeft)
        #expect(s.historyIndex == 0)
        s.press(.char("["))
        #expect(s.historyIndex == 0 && s.message?.text == "Nothing further back")
        s.press(.char("]"), .altRight)
        #expect(s.current.proposal == "regional-care-cooperatives")
        // A new location drops the forward history.
        s.press(.char("["))
        s.apply(.runCommand("proposal family"))
        #expect(s.history.count == 3 && s.historyIndex == 2 && s.current.proposal == "family-help")
    }

    @Test func sourceReaderStepsThroughQuotesAndOpensTheirPosition() {
        var s = Fixture.state()
        s.apply(.openProposal("iro-abolition", stakeholder: "robin-sen"))
        s.press(.enter)
        #expect(s.current.screen == .source(document: "sen-2022") && s.current.quote == 0)
        s.press(.char("}"), .char("}"))
        guard case .position(let owner) = s.currentSourceQuote?.owner else { Issue.record("no owner"); return }
        #expect(owner == "robin-sen-rcc")
        s.press(.char("}"))
        #expect(s.message?.text == "Last coded quote")
        s.press(.enter)
        #expect(s.current.screen == .browse && s.current.position == "robin-sen-rcc" && s.current.focusedPane == .detail)
        s.press(.char("S"))
        #expect(s.current.screen == .stakeholder("robin-sen") && s.current.position == "robin-sen-rcc")
    }

    @Test func sourceQuoteIsHighlightedOnScreen() {
        var s = Fixture.state(width: 80, height: 24)
        s.apply(.openProposal("iro-abolition", stakeholder: "article-39"))
        s.press(.enter)
        let buf = render(s, width: 80, height: 24)
        let quoteCells = buf.cells.filter { $0.style.role == .quote }.map(\.grapheme).joined()
        #expect(quoteCells.hasPrefix("We are dismayed"))
        #expect(buf.cursor?.row == (0..<24).first { buf.rowText($0).hasPrefix("We are dismayed") })
    }

    @Test func incrementalSearchAndOpeningHits() {
        var s = Fixture.state()
        s.press(.char("/"))
        #expect(s.mode == .searchInput && s.current.screen == .search)
        s.type("dism")
        #expect(!s.search.hits.isEmpty)
        #expect(s.search.hits[0].text.contains("dismayed"))
        s.press(.enter)
        #expect(s.mode == .normal)
        #expect(s.current.screen != .search)
        let first = s.current
        s.press(.char("n"))
        #expect(s.search.hits.count == 1 || s.current != first)
    }

    @Test func searchWaitsForTheIndex() {
        var s = Fixture.state(indexed: false)
        s.press(.char("/"))
        s.type("regional")
        #expect(s.search.hits.isEmpty)
        s.apply(.searchIndexReady(Fixture.index))
        #expect(!s.search.hits.isEmpty)
    }

    @Test func escapeOnAnEmptySearchGoesBack() {
        var s = Fixture.state()
        s.press(.char("/"), .escape)
        #expect(s.current.screen == .browse && s.mode == .normal)
    }

    @Test func filterNarrowsListsAndOneKeyClears() {
        var s = Fixture.state()
        s.press(.char("f"), .char(" "), .escape)   // stance: supports
        #expect(s.filter.stances == [.supports])
        #expect(s.proposalList.items.map(\.proposal.id) == ["regional-care-cooperatives"])
        #expect(render(s, width: 80, height: 24).rowText(22).contains("filter: stance=supports"))
        s.press(.char("F"))
        #expect(s.filter.isEmpty && s.proposalList.items.count == 4)
    }

    @Test func sortCycles() {
        var s = Fixture.state()
        s.press(.char("s"))
        #expect(s.sort == .positions)
        #expect(s.proposalList.items.prefix(2).map(\.proposal.id) == ["regional-care-cooperatives", "iro-abolition"])   // 3 each; theme breaks the tie
        s.press(.char("s"))
        #expect(s.sort == .divided)
        s.press(.char("s"))
        #expect(s.sort == .theme)
    }

    @Test func commandLineWithCompletionAndDidYouMean() {
        var s = Fixture.state()
        s.press(.char(":"))
        s.type("sta")
        s.press(.tab)
        #expect(s.line.text == "stakeholder ")
        s.type("rob")
        s.press(.tab)
        #expect(s.line.text == "stakeholder robin-sen")
        s.press(.enter)
        #expect(s.current.screen == .stakeholder("robin-sen") && s.mode == .normal)

        s.press(.char(":"))
        s.type("proposal regional")
        s.press(.tab)
        #expect(s.message?.text.hasPrefix("2 matches") == true)
        let firstCandidate = s.line.text
        s.press(.tab)
        #expect(s.line.text != firstCandidate)
        s.press(.escape)
        s.apply(.runCommand("proposal regional"))
        #expect(s.message?.isError == true && s.message?.text.contains("did you mean") == true)
        s.apply(.runCommand("frobnicate"))
        #expect(s.message?.text.hasPrefix("Unknown command") == true)
        s.apply(.runCommand("stakholders"))
        #expect(s.message?.text == "Unknown command “stakholders”; did you mean 'stakeholders' or 'stakeholder'?")
        #expect(LineCommand.parse("export csv") == .failure(CommandLineError(message: "Usage: :export markdown|csv|json|brief FILE")))
        #expect(LineCommand.parse("th light") == .success(.theme(.light)))
    }

    @Test func commandsProduceEffectsAndSettings() {
        var s = Fixture.state()
        s.apply(.runCommand("theme high"))
        #expect(s.theme == .highContrast)
        // A new theme repaints the whole screen, not only the cells that changed.
        #expect(s.effects.map(\.effect) == [.redraw])
        s.apply(.effectFinished(id: s.effects[0].id))
        s.apply(.runCommand("proposal iro"))
        s.apply(.runCommand("export markdown /tmp/out.md"))
        guard case .export(let request) = s.effects.last?.effect else { Issue.record("no export"); return }
        #expect(request.proposal == "iro-abolition" && request.format == .markdown && request.path == "/tmp/out.md")
        #expect(request.render(Fixture.corpus).contains("Article 39"))
        let id = s.effects.last!.id
        s.apply(.effectFinished(id: id, message: "Wrote /tmp/out.md"))
        #expect(s.effects.isEmpty && s.message?.text == "Wrote /tmp/out.md")
        s.apply(.runCommand("quit"))
        guard case .quit(let session) = s.effects.last?.effect else { Issue.record("no quit"); return }
        #expect(session == s.session)
    }

    @Test func pagerAndCopyCarryQuotesWithCitations() {
        var s = Fixture.state()
        s.apply(.openProposal("regional-commissioning", stakeholder: "adcs"))
        s.press(.char("y"))
        guard case .copy(let text) = s.effects.last?.effect else { Issue.record("no copy"); return }
        #expect(text.contains("could work if councils keep a say"))
        #expect(text.contains("Zoë Marsh, Children & Young People Now, 17 Jun 2021"))
        #expect(text.contains("reported by Children & Young People Now"))
        s.press(.enter, .char("o"))
        guard case .pager(_, let article) = s.effects.last?.effect else { Issue.record("no pager"); return }
        #expect(article.contains("Sector reacts to the Case for Change."))
        s.press(.ctrl("l"), .ctrl("z"))
        #expect(s.effects.suffix(2).map(\.effect) == [.redraw, .suspend])
    }

    @Test func deepLinkOpensOnThePosition() {
        let s = State(corpus: Fixture.corpus, deepLink: DeepLink(proposal: "iro", stakeholder: "article 39"))
        #expect(s.current.proposal == "iro-abolition" && s.current.position == "article-39-iro")
        #expect(s.current.focusedPane == .detail && s.history.count == 1)
        let bad = State(corpus: Fixture.corpus, deepLink: DeepLink(proposal: "regional"))
        #expect(bad.message?.isError == true && bad.current.focus == 0)
    }

    @Test func sessionRoundTripsThroughJSON() throws {
        var s = Fixture.state()
        s.apply(.runCommand("proposal iro"))
        s.press(.char("j"), .enter, .char("z"))
        s.apply(.runCommand("theme mono"))
        s.press(.char("f"), .char("G"), .char(" "), .escape)   // theme 9 filter
        s.press(.char("F"))
        s.press(.char("s"))
        let data = try JSONEncoder().encode(s.session)
        let session = try JSONDecoder().decode(Session.self, from: data)
        let restored = State(restoring: session, corpus: Fixture.corpus)
        #expect(restored.session == s.session)
        #expect(restored.current == s.current && restored.theme == .mono && restored.maximised)
    }

    @Test func restoringDropsWhatNoLongerExists() {
        var session = Fixture.state().session
        session.history = [Location(screen: .stakeholder("gone")), Location(screen: .source(document: "gone"))]
        session.historyIndex = 1
        let s = State(restoring: session, corpus: Fixture.corpus)
        #expect(s.history.count == 1 && s.current.screen == .browse)
    }

    @Test func mouseClickSelectsAndDoubleClickOpens() {
        var s = Fixture.state(width: 120, height: 40)
        // Row 8 is "Abolish Independent Reviewing Officers" (title row, then headings and items).
        s.apply(.mouse(MouseEvent(.click, row: 8, col: 3)))
        #expect(s.current.proposal == "iro-abolition")
        s.apply(.mouse(MouseEvent(.doubleClick, row: 8, col: 3)))
        #expect(s.current.focusedPane == .positions)
        s.apply(.mouse(MouseEvent(.wheelDown, row: 5, col: 50)))
        #expect(s.current.position == "article-39-iro")
    }

    @Test func helpIsGeneratedAndCloses() {
        var s = Fixture.state()
        s.press(.char("?"))
        #expect(s.mode == .help)
        let text = render(s, width: 80, height: 24).text
        // Opened at this screen's keys (the proposals list), not at the top.
        #expect(text.contains("Proposals screen") && text.contains("sort: theme"))
        s.press(.char("g"))
        #expect(render(s, width: 80, height: 24).text.contains("history back"))
        s.press(.char("j"), .escape)
        #expect(s.mode == .normal)
    }

    @Test func cursorSitsOnTheSelectedRow() {
        var s = Fixture.state(width: 80, height: 24)
        s.press(.char("G"))
        let buf = render(s, width: 80, height: 24)
        let row = buf.cursor!.row
        #expect(buf.rowText(row).contains("Abolish Independent"))
    }
}
