import CareReview
import Testing
@testable import CareReviewUI

/// Issue 8: navigation as in tig (q closes, Q quits, Esc backs out, back
/// returns where you came from), text given room, and what the browser says.
@Suite struct NavigationAndLayoutTests {
    @Test func qClosesTheScreenAndQQuits() {
        var s = Fixture.state()
        s.press(.char("M"))
        #expect(s.current.screen == .matrix)
        s.press(.char("q"))
        #expect(s.current.screen == .browse && s.effects.isEmpty)
        s.press(.char("q"))   // at the first screen: q quits
        guard case .quit = s.effects.last?.effect else { Issue.record("q at home should quit"); return }
        var t = Fixture.state()
        t.press(.char("M"), .char("Q"))
        guard case .quit = t.effects.last?.effect else { Issue.record("Q should quit from anywhere"); return }
    }

    @Test func escBacksOutOfTheMatrixAndCompare() {
        var s = Fixture.state()
        s.press(.char("M"), .escape)
        #expect(s.current.screen == .browse)
        s.apply(.runCommand("compare become adcs"))
        #expect(s.current.screen == .compare("become", "adcs"))
        s.press(.escape)
        #expect(s.current.screen == .browse && s.effects.isEmpty)
    }

    @Test func backFromAPositionOpenedInTheMatrixReturnsToTheMatrix() {
        var s = Fixture.state()
        s.apply(.openProposal("iro-abolition", stakeholder: "become"))
        s.press(.char("M"), .enter)   // the cell of Become on IROs
        #expect(s.current.screen == .browse && s.current.focusedPane == .positions)
        s.press(.char("h"))
        #expect(s.current.screen == .matrix)
    }

    @Test func helpOpensAtTheCurrentScreensKeys() {
        var s = Fixture.state(presenting: true)
        s.press(.char("?"))
        let at = HelpContent.entries(s.glyphs)[s.helpTop]
        #expect(at.heading && at.keys == KeyContext.presenter.rawValue)
        var m = Fixture.state()
        m.press(.char("M"), .char("?"))
        #expect(HelpContent.entries(m.glyphs)[m.helpTop].keys == KeyContext.matrix.rawValue)
    }

    @Test func theHintLineNamesTheScreensMainActions() {
        var s = Fixture.state(width: 120, height: 40)
        s.apply(.openProposal("iro-abolition", stakeholder: "become"))
        let hint = render(s, width: 120, height: 40).rowText(39)
        for item in ["m mark", "y copy", "c compare", "t timeline", "z zoom"] { #expect(hint.contains(item), "\(item) in \(hint)") }
        var h = Fixture.state(width: 120, height: 40)
        h.press(.char("q"))   // nothing: q at home quits, so the hint says so
        #expect(render(Fixture.state(width: 120, height: 40), width: 120, height: 40).rowText(39).contains("q quit"))
    }

    @Test func theDetailPaneSaysWhenThereIsMoreBelow() {
        var s = Fixture.state(width: 80, height: 14)
        s.apply(.openProposal("iro-abolition", stakeholder: "robin-sen"))
        let text = render(s, width: 80, height: 14).text
        #expect(text.contains("more ↓"))
    }

    @Test func shortNamesWhereTheFullOneDoesNotFitAndCutsAreMarked() {
        var s = Fixture.state(width: 60, height: 24)
        s.apply(.openProposal("regional-commissioning", stakeholder: nil))
        let buf = render(s, width: 60, height: 24)
        let row = (0..<buf.height).map(buf.rowText).first { $0.contains("qualified") && !$0.contains("(1)") } ?? ""
        #expect(row.contains("ADCS") && !row.contains("Association"), "\(row)")
        // A line wider than its pane is cut with an ellipsis, never silently.
        var cut = ScreenBuffer(width: 10, height: 1)
        cut.drawLine(SafeGlyphs.make("5 Transforming care", glyphs: .unicode), in: Rect(row: 0, col: 0, width: 10, height: 1), line: 0, pad: Style.normal)
        #expect(cut.rowText(0) == "5 Transfo…")
    }

    @Test func theBrowserShowsTheProposalsSummaryAndTheStakeholdersDescription() {
        var s = Fixture.state(width: 120, height: 40)
        s.apply(.openProposal("iro-abolition", stakeholder: nil))
        #expect(render(s, width: 120, height: 40).text.contains("Replace IROs with advocacy and stronger oversight."))
        s.apply(.runCommand("stakeholder become"))
        #expect(render(s, width: 120, height: 40).text.contains("The charity for children in care"))
    }

    @Test func theStakeholderIndex() {
        var s = Fixture.state(width: 120, height: 40)
        s.apply(.runCommand("stakeholders"))
        #expect(s.current.screen == .stakeholders && s.message == nil)
        #expect(render(s, width: 120, height: 40).text.contains("Children's rights charity"))   // Article 39, first by name
        s.press(.char("j"), .char("j"), .enter)   // ADCS, Become
        #expect(s.current.screen == .stakeholder("become"))
        s.press(.char("q"), .char("q"))
        #expect(s.current.screen == .browse)
        s.press(.char("W"))
        #expect(s.current.screen == .stakeholders)
    }

    @Test func presenterExtraQuotesAreSubSlidesQLeavesAndEscReturnsToTheProposalShown() {
        var s = Fixture.state(width: 40, height: 12)
        s.apply(.openProposal("iro-abolition", stakeholder: "robin-sen"))
        s.press(.char("P"))
        #expect(s.slidePosition?.id == "robin-sen-iro" && s.slidePageCount == 2)
        let first = render(s, width: 40, height: 12).text
        #expect(first.contains("cut to fit") && first.contains("— “Abolishing IROs"))   // says so; the source stays
        s.press(.right)
        #expect(s.presenter?.page == 1 && s.slidePosition?.id == "robin-sen-iro")
        s.press(.right)
        #expect(s.presenter?.page == 0 && s.slidePosition?.id == "become-iro")
        s.press(.left)
        #expect(s.presenter?.page == 1 && s.slidePosition?.id == "robin-sen-iro")
        s.press(.char("j"))   // the next proposal
        let shown = s.presenter!.proposal
        s.press(.escape)
        #expect(s.presenter == nil && s.current.proposal == shown && s.effects.isEmpty)
    }

    @Test func longMessagesWrapAndAreLogged() {
        var s = Fixture.state(width: 80, height: 24)
        let long = "Could not read your marks and notes (bad JSON); the file is kept at /home/someone/.local/share/carereview/annotations.unreadable.json."
        s.apply(.showMessage(long, isError: true))
        let buf = render(s, width: 80, height: 24)
        #expect(buf.rowText(23).contains("unreadable.json") || buf.rowText(22).contains("unreadable.json"))
        #expect(buf.rowText(21).contains("Proposals"))   // the status line moved up a row
        s.press(.char("j"))
        s.apply(.runCommand("messages"))
        #expect(s.mode == .messageLog && render(s, width: 80, height: 24).text.contains("annotations.unreadable"))
    }

    @Test func exportSaysWhatAndAsksBeforeOverwriting() {
        var s = Fixture.state()
        s.apply(.openProposal("iro-abolition", stakeholder: nil))
        s.apply(.runCommand("export csv out.csv"))
        #expect(s.message?.text == "Exporting the 3 positions on “Abolish Independent Reviewing Officers” as CSV to out.csv…")
        guard case .export(var request) = s.effects.last?.effect else { Issue.record("no export"); return }
        s.apply(.effectFinished(id: s.effects.last!.id))
        request.overwrite = true
        s.apply(.confirm(question: "out.csv exists. Replace it?", effect: .export(request)))
        #expect(s.mode == .confirm && render(s, width: 80, height: 24).rowText(23).contains("Replace it? (y/n)"))
        s.press(.char("n"))
        #expect(s.mode == .normal && s.effects.isEmpty)
        s.apply(.confirm(question: "out.csv exists. Replace it?", effect: .export(request)))
        s.press(.char("y"))
        guard case .export(let again) = s.effects.last?.effect else { Issue.record("y should export"); return }
        #expect(again.overwrite)
    }

    @Test func asciiAndMonochromeNeverLeaveTheStanceToShapeOrColour() {
        var s = Fixture.state(.ascii)
        s.apply(.openProposal("iro-abolition", stakeholder: "become"))
        s.press(.char("m"))
        let text = render(s, width: 80, height: 24).text
        #expect(text.contains("#1 marked") && !text.contains("*1 marked"))
        #expect(text.contains("from: Become responds") && !text.contains("-- Become responds"))
        var mono = Fixture.state()
        mono.apply(.runCommand("theme mono"))
        mono.press(.char("h"))
        #expect(render(mono, width: 80, height: 24).text.contains("Reviewing…     ◑M1 ◔C1 ○O1"))   // narrow: the stances present
        #expect(render(mono, width: 120, height: 40).text.contains("●S· ◕Q· ◑M1 ◔C1 ○O1"))
        var a = Fixture.state(.ascii)
        a.apply(.openProposal("iro-abolition", stakeholder: "become"))
        a.press(.char("M"))
        #expect(render(a, width: 80, height: 24).text.contains("[C]"))   // Become concerned on IROs, as a letter
    }
}
