import CareReview
import Testing
@testable import CareReviewUI

/// Compare, presenter mode, marks and notes, the brief, the timeline, key echo.
@Suite struct WorkshopReducerTests {
    // MARK: Compare

    @Test func compareCommandResolvesNamesOfOneOrMoreWords() {
        var s = Fixture.state()
        s.apply(.runCommand("compare become adcs"))
        #expect(s.current.screen == .compare("become", "adcs"))
        s.apply(.runCommand("compare article 39 robin sen"))
        #expect(s.current.screen == .compare("article-39", "robin-sen"))
        s.apply(.runCommand("compare Become vs Article 39"))
        #expect(s.current.screen == .compare("become", "article-39"))
        s.apply(.runCommand("compare become"))
        #expect(s.message?.isError == true && s.message?.text.hasPrefix("Usage") == true)
        s.apply(.runCommand("compare become become"))
        #expect(s.message?.text == "Pick two different stakeholders")
    }

    @Test func compareRowsAgreementAndOpening() {
        var s = Fixture.state()
        s.apply(.runCommand("compare become article-39"))
        let rows = s.comparison!.rows
        #expect(rows.map(\.proposal.id) == ["regional-care-cooperatives", "iro-abolition"])
        #expect(rows.map(\.agreement.label) == ["disagree", "close"])
        s.press(.char("j"))
        #expect(s.selectedComparisonRow?.proposal.id == "iro-abolition")
        s.press(.char("x"))
        #expect(s.current.screen == .compare("article-39", "become") && s.selectedComparisonRow?.proposal.id == "iro-abolition")
        s.press(.enter)
        #expect(s.current.screen == .browse && s.current.position == "article-39-iro")
        let text = render(Fixture.state().applying(.runCommand("compare robin adcs")), width: 80, height: 24).text
        #expect(text.contains("one-sided") && text.contains("none"))
    }

    @Test func cOnAPositionStartsTheCommandLineWithCompletion() {
        var s = Fixture.state()
        s.apply(.openProposal("iro-abolition", stakeholder: "become"))
        s.press(.char("c"))
        #expect(s.mode == .commandLine && s.line.text == "compare become ")
        s.type("art")
        s.press(.tab)
        #expect(s.line.text == "compare become article-39")
        s.press(.enter)
        #expect(s.current.screen == .compare("become", "article-39"))
        s.press(.char("c"))
        #expect(s.line.text == "compare become ")
        s.press(.escape)
        s.apply(.runCommand("stakeholder robin"))
        s.press(.char("c"))
        #expect(s.line.text == "compare robin-sen ")
        s.press(.escape)
        s.apply(.openProposal("iro-abolition", stakeholder: nil))
        s.press(.backTab, .char("c"))   // on the proposals pane: no position selected
        #expect(s.mode == .normal && s.message != nil)
    }

    @Test func compareMouseSelectsAndOpens() {
        var s = Fixture.state(width: 80, height: 24)
        s.apply(.runCommand("compare become article 39"))
        let geo = s.compareGeometry(rows: 2)
        s.apply(.mouse(MouseEvent(.click, row: geo.tableTop + 1, col: 5)))
        #expect(s.selectedComparisonRow?.proposal.id == "iro-abolition")
        s.apply(.mouse(MouseEvent(.doubleClick, row: geo.tableTop, col: 5)))
        #expect(s.current.screen == .browse && s.current.position == "become-rcc")
    }

    @Test func comparePagerShowsBothPositions() {
        var s = Fixture.state()
        s.apply(.runCommand("compare become article 39"))
        s.press(.char("o"))
        guard case .pager(_, let text) = s.effects.last?.effect else { Issue.record("no pager"); return }
        #expect(text.contains("Could end the scramble") && text.contains("Decisions move further"))
    }

    // MARK: Presenter

    @Test func presenterStepsSlidesAndRestoresTheTheme() {
        var s = Fixture.state()
        s.apply(.runCommand("theme mono"))
        s.apply(.openProposal("iro-abolition", stakeholder: "become"))
        s.press(.char("P"))
        #expect(s.presenter?.proposal == "iro-abolition" && s.presenter?.slide == 2)   // Become is the 2nd position
        #expect(s.theme == .highContrast && s.session.theme == .mono)
        s.press(.left, .left)
        #expect(s.presenter?.slide == 0 && s.slidePosition == nil)
        s.press(.left)
        #expect(s.presenter?.slide == 0 && s.message?.text.hasPrefix("First slide") == true)
        s.press(.right, .char(" "), .pageDown)
        #expect(s.presenter?.slide == 3 && s.slidePosition?.id == "article-39-iro")
        s.press(.char(" "))
        #expect(s.presenter?.slide == 3 && s.message?.text.hasPrefix("Last slide") == true)
        s.press(.char("j"))
        #expect(s.presenter?.proposal == "iro-abolition" && s.message?.text == "Last proposal")
        s.press(.char("k"))
        #expect(s.presenter?.proposal == "regional-care-cooperatives" && s.presenter?.slide == 0)
        s.press(.down)
        #expect(s.presenter?.proposal == "iro-abolition")
        s.press(.char("/"), .char("S"))   // browsing keys do nothing under the slides
        #expect(s.mode == .normal && s.current.screen == .browse)
        s.press(.char("P"))
        #expect(s.presenter == nil && s.theme == .mono)
        s.press(.char("P"), .escape)
        #expect(s.presenter == nil && s.theme == .mono)
    }

    @Test func presentingFromTheInitialiserAndCommandsWhilePresenting() {
        var s = State(corpus: Fixture.corpus, theme: .default, presenting: true)
        #expect(s.presenter != nil && s.theme == .highContrast)
        s.apply(.runCommand("proposal rcc"))
        #expect(s.presenter?.proposal == "regional-care-cooperatives" && s.presenter?.slide == 0)
        let buf = render(s, width: 80, height: 24)
        #expect(buf.rowText(0).contains("Regional Care Cooperatives") && buf.rowText(0).hasSuffix("1/4"))
        #expect(buf.rowText(22).isEmpty)   // no status line
        // q leaves presenter mode (never the program in front of an audience), at the proposal shown.
        s.press(.char("q"))
        #expect(s.presenter == nil && s.effects.isEmpty && s.current.proposal == "regional-care-cooperatives")
        s.press(.char("P"), .char("Q"))
        guard case .quit(let session) = s.effects.last?.effect else { Issue.record("no quit"); return }
        #expect(session.theme == .default)
        let deep = State(corpus: Fixture.corpus, deepLink: DeepLink(proposal: "iro", stakeholder: "robin"), presenting: true)
        #expect(deep.presenter?.proposal == "iro-abolition" && deep.slidePosition?.id == "robin-sen-iro")
    }

    @Test func aThemeFromTheBackendWhilePresentingIsRestoredAfter() {
        var s = State(corpus: Fixture.corpus, presenting: true)
        s.apply(.setTheme(.mono))
        #expect(s.theme == .highContrast && s.session.theme == .mono)
        s.press(.escape)
        #expect(s.presenter == nil && s.theme == .mono)
    }

    @Test func everySlideFits80x24() {
        for glyphs in [GlyphSet.unicode, .ascii] {
            var s = Fixture.state(glyphs, width: 80, height: 24)
            s.press(.char("P"))
            for _ in 0..<Fixture.proposals.count {
                for _ in 0...s.slidePositions(s.presenter!.proposal).count {
                    let buf = render(s, width: 80, height: 24)
                    if let p = s.slidePosition {
                        // Whole quotes are on the slide, never cut mid-way.
                        let words = buf.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                        let first = p.quotes[0].text.split(whereSeparator: \.isWhitespace).suffix(3).joined(separator: " ")
                        #expect(words.contains(SafeGlyphs.clean(first, glyphs: glyphs)), "\(p.id)")
                    }
                    s.press(.right)
                }
                s.press(.down)
            }
        }
    }

    @Test func keyEchoShowsTheLastKeys() {
        var s = Fixture.state(showKeys: true)
        s.press(.down, .char("j"), .enter, .char(" "))
        #expect(s.recentKeys.count == 4)
        let line = render(s, width: 80, height: 24).rowText(23)
        #expect(line.hasSuffix("keys ↓ j Enter Space"))
        for _ in 0..<20 { s.press(.char("k")) }
        #expect(s.recentKeys.count == State.recentKeyLimit)
        #expect(Fixture.state().applying(.key(.down)).recentKeys.isEmpty)
    }

    // MARK: Marks, notes, brief

    @Test func marksProduceSaveEffectsWithTheMarks() {
        var s = Fixture.state()
        s.apply(.openProposal("iro-abolition", stakeholder: "become"))
        s.press(.char("m"))
        guard case .saveAnnotations(let a) = s.effects.last?.effect else { Issue.record("no save"); return }
        #expect(a.marked == ["become-iro"] && s.annotations == a)
        s.press(.char("h"))   // from the detail to the positions list
        s.press(.char("j"), .char("m"))
        guard case .saveAnnotations(let b) = s.effects.last?.effect else { Issue.record("no save"); return }
        #expect(b.marked == ["become-iro", "article-39-iro"])
        s.press(.char("k"), .char("m"))
        guard case .saveAnnotations(let c) = s.effects.last?.effect else { Issue.record("no save"); return }
        #expect(c.marked == ["article-39-iro"])
        #expect(render(s, width: 80, height: 24).text.contains("★1 marked"))   // the status line, above a two-line message
        // From the matrix and from a slide too.
        s.press(.char("M"))
        s.press(.char("m"))
        #expect(s.annotations.marked.count == 2)
        s.press(.char("P"), .right)
        let shown = s.slidePosition!.id, before = s.annotations.marked.contains(shown)
        s.press(.char("m"))
        guard case .saveAnnotations(let d) = s.effects.last?.effect else { Issue.record("no save"); return }
        #expect(d.marked.contains(shown) != before && d == s.annotations)
    }

    @Test func notesAreEditedInALineEditor() {
        var s = Fixture.state(annotations: Annotations(notes: ["become-iro": "Old"]))
        s.apply(.openProposal("iro-abolition", stakeholder: "become"))
        s.press(.char("a"))
        #expect(s.mode == .noteInput && s.line.text == "Old")
        s.press(.ctrl("u"))
        s.type("Ask about timing")
        let effects = s.effects.count
        s.press(.enter)
        guard case .saveAnnotations(let a) = s.effects.last?.effect else { Issue.record("no save"); return }
        #expect(s.effects.count == effects + 1 && a.notes == ["become-iro": "Ask about timing"] && s.mode == .normal)
        #expect(render(s, width: 80, height: 24).text.contains("Note: Ask about timing"))
        s.press(.char("a"))
        s.type(" later")
        s.press(.escape)
        #expect(s.annotations.notes["become-iro"] == "Ask about timing" && s.effects.count == effects + 1)
        s.press(.char("a"), .ctrl("u"), .backspace, .enter)   // emptied: removed
        guard case .saveAnnotations(let b) = s.effects.last?.effect else { Issue.record("no save"); return }
        #expect(b.notes.isEmpty && s.message?.text == "Note removed")
    }

    @Test func exportBriefNeedsMarks() {
        var s = Fixture.state()
        s.apply(.runCommand("export brief /tmp/brief.md"))
        #expect(s.message?.isError == true && s.effects.isEmpty)
        s.apply(.openProposal("iro-abolition", stakeholder: "become"))
        s.press(.char("m"))
        s.apply(.runCommand("export brief /tmp/brief.md"))
        #expect(s.effects.last?.effect == .exportBrief(path: "/tmp/brief.md"))
        s.apply(.runCommand("export brief"))
        #expect(s.message?.text == "Usage: :export brief FILE")
    }

    @Test func aLoadProblemIsShown() {
        var s = Fixture.state()
        s.apply(.showMessage("Notes file was unreadable; kept aside as notes.json.corrupt", isError: true))
        #expect(render(s, width: 80, height: 24).rowText(23).hasPrefix("Notes file was unreadable"))
    }

    @Test func helpListsTheNewKeysAndCommands() {
        let entries = HelpContent.entries(.unicode)
        let headings = entries.filter(\.heading).map(\.keys)
        for h in ["Stance matrix (M)", "Compare (c)", "Presenter mode (P)", "Editing a note (a)", "On a position (lists, detail, source, matrix)"] {
            #expect(headings.contains(h), "\(h)")
        }
        let keys = entries.map(\.keys)
        for k in [":matrix", ":compare", ":export brief", "m", "a", "c", "t", "p", "P", "M"] { #expect(keys.contains(k), "\(k)") }
        #expect(KeyBindings.command(for: .char("P"), in: [.everywhere]) == .togglePresenter)
        #expect(KeyBindings.command(for: .char("p"), in: [.everywhere]) == .openProposal)
    }

    // MARK: Timeline

    @Test func timelineOrdersByStageAndDate() {
        var s = Fixture.state()
        s.apply(.runCommand("proposal iro"))
        s.press(.char("t"))
        #expect(s.timeline)
        // Month-only dates come before days of that month; then by day.
        #expect(s.positionList.items.map(\.id) == ["become-iro", "article-39-iro", "robin-sen-iro"])
        #expect(s.positionList.lines.first == .stage(.finalReport, count: 3))
        #expect(render(s, width: 80, height: 24).rowText(22).contains("by date"))
        s.apply(.runCommand("stakeholder adcs"))
        #expect(s.stakeholderList.lines.first == .stage(.caseForChange, count: 1))
        s.press(.char("t"))
        #expect(!s.timeline && s.stakeholderList.lines.first == .theme(.transformingCare))
        s.press(.char("M"), .char("t"))
        #expect(!s.timeline)   // t means nothing on the matrix
    }
}

extension State {
    func applying(_ action: Action) -> State { reduce(self, action) }
}
