import CareReview
import Foundation
import Testing
@testable import CareReviewUI

/// Coding in the browser: selecting with motions, the pickers, the stance
/// keys, the effects asked for, and what the screen shows when they are done.
@Suite struct CodingReducerTests {
    /// Robin Sen's article in the source reader, coding on.
    static func reader(_ glyphs: GlyphSet = .unicode, width: Int = 80, height: Int = 24, writable: Bool = true) -> State {
        var s = Fixture.state(glyphs, width: width, height: height)
        if writable { s.enableCoding(in: "/tmp/dataset") }
        s.apply(.openProposal("iro-abolition", stakeholder: "robin-sen"))
        s.press(.enter)
        #expect(s.current.screen == .source(document: "sen-2022"))
        return s
    }

    static func selected(_ s: State) -> String? {
        guard let sel = s.coding.selection, let d = s.corpus.document(sel.document) else { return nil }
        return sel.quote(in: Array(d.text.unicodeScalars))?.text
    }

    static func edit(_ s: State) -> DatasetEdit? {
        for e in s.effects.reversed() { if case .editDataset(let d) = e.effect { return d } }
        return nil
    }

    @Test func theEmbeddedCorpusIsReadOnlyAndSaysSo() {
        var s = Self.reader(writable: false)
        for key in ["v", "e", "d", "u"] {
            s.press(.char(Character(key)))
            #expect(s.message?.text == State.readOnlyMessage, "\(key)")
            #expect(s.message?.isError == true)
        }
        #expect(s.coding.selection == nil)
        #expect(s.effects.isEmpty)
    }

    @Test func motionsExtendTheSelection() {
        var s = Self.reader()
        s.press(.char("v"))
        #expect(s.coding.selection?.anchor == 0)
        s.press(.char(")"))
        #expect(Self.selected(s) == "The Care Review wants to abolish Independent Reviewing Officers.")
        s.press(.char("w"))
        #expect(Self.selected(s) == "The Care Review wants to abolish Independent Reviewing Officers. It")
        s.press(.char("}"))
        #expect(Self.selected(s) == "The Care Review wants to abolish Independent Reviewing Officers. It is a bold move.")
        s.press(.char("b"))
        #expect(Self.selected(s) == "The Care Review wants to abolish Independent Reviewing Officers. It is a bold")
        s.press(.char("("))
        #expect(Self.selected(s) == "The Care Review wants to abolish Independent Reviewing Officers.")
        s.press(.char("j"))
        #expect(Self.selected(s)?.hasPrefix("The Care Review wants to abolish Independent Reviewing Officers. It is a bold move.") == true)
        s.press(.escape)
        #expect(s.coding.selection == nil)
    }

    @Test func findMovesTheSelectionThenExtendsIt() {
        var s = Self.reader()
        s.press(.char("v"), .char("/"))
        #expect(s.mode == .coding)
        s.type("yet removing")
        s.press(.enter)
        #expect(s.mode == .normal)
        #expect(Self.selected(s) == "Yet removing")
        s.press(.char(")"))
        #expect(Self.selected(s) == "Yet removing them without a replacement risks leaving children with no independent voice.")
        s.press(.char("/"))
        s.type("not there")
        s.press(.enter)
        #expect(s.message?.isError == true)
        #expect(Self.selected(s) == "Yet removing them without a replacement risks leaving children with no independent voice.")
    }

    @Test func mouseDragSelects() throws {
        var s = Self.reader()
        let content = try #require(s.layout.content(of: .article))
        let row = content.row + s.bannerRows(.article), col = content.col
        s.apply(.mouse(MouseEvent(.click, row: row, col: col)))
        s.apply(.mouse(MouseEvent(.drag, row: row, col: col + 8)))
        #expect(Self.selected(s) == "The Care")
        s.apply(.mouse(MouseEvent(.release, row: row, col: col + 15)))
        #expect(Self.selected(s) == "The Care Review")
        #expect(s.message?.text.hasPrefix("Selected") == true)
        s.press(.char(")"))
        #expect(Self.selected(s) == "The Care Review wants to abolish Independent Reviewing Officers.")
        s.press(.char("c"))
        #expect(s.mode == .coding)
        // A click without a drag selects nothing.
        var t = Self.reader()
        t.apply(.mouse(MouseEvent(.click, row: row, col: col + 3)))
        t.apply(.mouse(MouseEvent(.release, row: row, col: col + 3)))
        #expect(t.coding.selection == nil)
    }

    @Test func motionsOnText() {
        let t = Array("One two. “Three four,” she said! Five\nSix seven.".unicodeScalars)
        #expect(SelectionMotion.wordForward.move(0, in: t) == 3)
        #expect(SelectionMotion.sentenceForward.move(0, in: t) == 8)
        #expect(SelectionMotion.sentenceForward.move(8, in: t) == 32)
        #expect(SelectionMotion.sentenceForward.move(32, in: t) == 37)   // the paragraph's end
        #expect(SelectionMotion.sentenceBack.move(20, in: t) == 9)
        #expect(SelectionMotion.paragraphForward.move(3, in: t) == 37)
        #expect(SelectionMotion.paragraphBack.move(40, in: t) == 38)
        #expect(SelectionMotion.wordBack.move(7, in: t) == 4)
    }

    @Test func codingJoinsTheStakeholdersPositionFromTheSameDocument() {
        var s = Self.reader()
        s.press(.char("v"), .char("/"))
        s.type("Regional care")
        s.press(.enter, .char(")"), .char("c"))
        #expect(s.mode == .coding)
        // Who is quoted in this article first, then everyone by name.
        #expect(s.pickerItems.map(\.label) == ["Robin Sen", "Article 39", "Association of Directors of Children's Services", "Become",
                                              "new stakeholder…"])
        #expect(s.pickerItems.first?.detail == "academic · in this article")
        #expect(s.pickerItems.last?.id == nil)
        s.type("sen")
        #expect(s.pickerItems.first?.id == "robin-sen")
        s.press(.enter)
        #expect(s.coding.flow?.step == .proposal)
        #expect(s.pickerItems.contains { $0.id == "iro-abolition" && $0.detail == "ch 6 · joins their position" })
        #expect(s.pickerItems.contains { $0.id == "family-help" && $0.detail == "ch 2" })
        s.type("coop")
        #expect(s.pickerItems.first?.id == "regional-care-cooperatives")
        #expect(s.pickerItems.first?.detail == "ch 5 · joins their position")
        s.press(.enter)
        // Robin Sen's position on it from this article: the quote joins it, no stance or summary asked.
        #expect(s.mode == .normal)
        guard case .code(let r) = Self.edit(s) else { Issue.record("no code effect"); return }
        #expect(r.stakeholder == "robin-sen" && r.proposal == "regional-care-cooperatives" && r.stance == .concerned)
        #expect(r.quote.text == "Regional care cooperatives are a different matter: the evidence for them is thin.")
        #expect(s.message?.text == "Saving…")
    }

    @Test func codingANewStakeholderAndProposal() {
        var s = Self.reader()
        s.press(.char("v"), .char(")"), .char("c"))
        s.type("NAIRO")
        #expect(s.pickerItems.map(\.label) == ["new stakeholder “NAIRO”…"])
        s.press(.enter)
        #expect(s.coding.flow?.step == .stakeholderName)
        #expect(s.line.text == "NAIRO")
        s.press(.enter)
        s.type("prof")
        s.press(.enter)
        #expect(s.coding.flow?.step == .stakeholderDescription)
        s.press(.enter)
        #expect(s.message?.isError == true, "a description is needed")
        s.type("Independent reviewing officers' association.")
        s.press(.enter)
        #expect(s.coding.flow?.step == .proposal)
        s.type("Keep IROs")
        s.press(.down, .up)
        let last = s.pickerItems.count - 1
        for _ in 0..<last { s.press(.down) }
        s.press(.enter)
        #expect(s.coding.flow?.step == .proposalTitle)
        s.press(.enter)
        s.type("care exp")
        s.press(.enter)
        #expect(s.coding.flow?.step == .proposalSummary)
        s.type("Keep the IRO role.")
        s.press(.enter)
        #expect(s.coding.flow?.step == .stance)
        s.press(.char("x"))
        #expect(s.coding.flow?.step == .stance)
        s.press(.char("2"))
        #expect(s.coding.flow?.step == .summary)
        s.type("Wants reform, not abolition.")
        s.press(.enter)
        guard case .code(let r) = Self.edit(s) else { Issue.record("no code effect"); return }
        #expect(r.stakeholder == "nairo")
        #expect(r.newStakeholder == .init(name: "NAIRO", kind: .professionalBody, description: "Independent reviewing officers' association."))
        #expect(r.proposal == "keep-iros")
        #expect(r.newProposal == .init(title: "Keep IROs", summary: "Keep the IRO role.", theme: .careExperience, stage: .finalReport))
        #expect(r.stance == .qualified && r.summary == "Wants reform, not abolition.")
        #expect(r.quote.text == "The Care Review wants to abolish Independent Reviewing Officers.")
        #expect(s.coding.selection == nil)
    }

    @Test func escapeStopsCodingAndChangesNothing() {
        var s = Self.reader()
        s.press(.char("v"), .char(")"), .char("c"), .enter)
        s.press(.escape)
        #expect(s.mode == .normal && s.coding.flow == nil)
        #expect(Self.edit(s) == nil)
        #expect(s.message?.text.contains("nothing was changed") == true)
    }

    @Test func editAsksStanceThenSummary() {
        var s = Fixture.state()
        s.enableCoding(in: "/tmp/dataset")
        s.apply(.openProposal("iro-abolition", stakeholder: "become"))
        s.press(.char("e"))
        #expect(s.coding.flow?.step == .stance)
        s.press(.enter)   // keeps the stance
        #expect(s.line.text == "IROs should stay until advocacy is guaranteed.")
        s.press(.ctrl("u"))
        s.type("Keep IROs for now.")
        s.press(.enter)
        #expect(Self.edit(s) == .updatePosition(id: "become-iro", stance: .concerned, summary: "Keep IROs for now."))
        s.press(.char("e"), .char("5"))
        s.press(.ctrl("e"))
        #expect(s.effects.last?.effect == .editText("IROs should stay until advocacy is guaranteed."))
        s.apply(.editorFinished("A longer summary\nover two lines.\n"))
        #expect(s.line.text == "A longer summary over two lines.")
        s.press(.enter)
        #expect(Self.edit(s) == .updatePosition(id: "become-iro", stance: .opposes, summary: "A longer summary over two lines."))
    }

    @Test func deleteAsksFirst() {
        var s = Self.reader()
        s.press(.char("d"))
        #expect(s.mode == .confirm)
        #expect(s.confirmation?.question.contains("from Robin Sen’s position on Abolish Independent Reviewing Officers") == true)
        s.press(.char("n"))
        #expect(Self.edit(s) == nil)
        s.press(.char("d"), .char("y"))
        let q = Fixture.quote("sen-2022", "“IROs were meant to be the child’s champion — too often they were not,”")
        #expect(Self.edit(s) == .deleteQuote(position: "robin-sen-iro", quote: q))
        var b = Fixture.state()
        b.enableCoding(in: "/tmp/dataset")
        b.apply(.runCommand("proposal iro"))
        b.press(.char("d"))
        #expect(b.confirmation?.effect == .editDataset(.deletePosition(id: b.current.position!)))
    }

    @Test func theScreenShowsAChangeAtOnceAndUndoTakesItBack() {
        var s = Self.reader()
        s.press(.char("v"), .char(")"), .char("c"))
        s.type("become")
        s.press(.enter)
        s.type("family help")
        s.press(.enter, .char("1"))
        s.type("Welcomes it.")
        s.press(.enter)
        guard case .code(let r) = Self.edit(s) else { Issue.record("no effect"); return }
        // The backend's answer: the dataset with the new position.
        let p = Position(id: "become.family-help", stakeholder: "become", proposal: "family-help", stance: .supports,
                         summary: "Welcomes it.", date: PartialDate(year: 2022, month: 5, day: 26), quotes: [r.quote], reportedBy: nil)
        let c = Fixture.corpus
        let changed = Corpus(documents: c.documents, stakeholders: c.stakeholders, proposals: c.proposals, positions: c.positions + [p])
        let undo = DatasetUndo(label: "new position", before: ["positions.yaml": Data("old".utf8)], after: ["positions.yaml": Data("new".utf8)])
        s.apply(.effectFinished(id: s.effects.last!.id))
        s.apply(.datasetChanged(DatasetOutcome(kind: .saved(undo), corpus: changed, message: "Saved: new position", position: p.id)))
        #expect(s.corpus.position(p.id) != nil)
        #expect(s.currentSourceQuote?.owner == .position(p.id), "the new quote is the one highlighted")
        #expect(s.message?.text == "Saved: new position")
        #expect(s.coding.undo == [undo])
        s.press(.enter)   // its position, on the proposal's screen
        #expect(s.current.screen == .browse && s.current.proposal == "family-help" && s.current.position == p.id)
        #expect(s.positionList.items.map(\.id) == [p.id])
        s.press(.char("u"))
        #expect(s.effects.last?.effect == .undoDatasetEdit(undo))
        s.press(.char("u"))
        #expect(s.message?.text == "Still saving the last change")
        s.apply(.effectFinished(id: s.effects.last!.id))
        s.apply(.datasetChanged(DatasetOutcome(kind: .undone, corpus: c, message: "Undone: new position", position: nil)))
        #expect(s.corpus.position(p.id) == nil)
        #expect(s.coding.undo.isEmpty)
        #expect(s.positionList.items.isEmpty)
        s.press(.char("u"))
        #expect(s.message?.text == "Nothing to undo")
    }

    @Test func anOutsideChangeIsShownAndClearsUndo() {
        var s = Self.reader()
        let undo = DatasetUndo(label: "x", before: [:], after: [:])
        s.apply(.datasetChanged(DatasetOutcome(kind: .saved(undo), corpus: nil, message: "Saved", position: nil)))
        s.apply(.datasetChanged(DatasetOutcome(kind: .reloaded, corpus: Fixture.corpus,
                                               message: "positions.yaml changed on disk (another program): reloaded", position: nil)))
        #expect(s.coding.undo.isEmpty)
        #expect(s.message?.isError == true)
        #expect(s.search.index == nil, "the search index is rebuilt for the new corpus")
    }
}

/// The coding screens at 80×24 and 120×40: the selection highlighted (the
/// style layer shows it), the stakeholder picker and the stance keys.
@Suite struct CodingGoldenTests {
    @Test func selectionPickerAndStance() {
        for (w, h) in [(80, 24), (120, 40)] {
            var s = CodingReducerTests.reader(width: w, height: h)
            s.press(.char("v"), .char("/"))
            s.type("Yet removing")
            s.press(.enter, .char(")"))
            Golden.check("coding-selection-\(w)x\(h)-unicode", render(s, width: w, height: h))
            s.press(.char("c"))
            s.type("be")
            Golden.check("coding-stakeholder-picker-\(w)x\(h)-unicode", render(s, width: w, height: h))
            s.press(.enter)
            Golden.check("coding-proposal-picker-\(w)x\(h)-unicode", render(s, width: w, height: h))
            s.press(.enter)
            Golden.check("coding-stance-\(w)x\(h)-unicode", render(s, width: w, height: h))
        }
        var s = CodingReducerTests.reader(.ascii)
        s.press(.char("v"), .char("}"))
        Golden.check("coding-selection-80x24-ascii", render(s, width: 80, height: 24))
    }
}

extension CodingReducerTests {
    @Test func undoingANewStakeholderLeavesItsScreen() {
        var s = Fixture.state()
        s.enableCoding(in: "/tmp/dataset")
        let c = Fixture.corpus
        let extra = Stakeholder(id: "nairo", name: "NAIRO", aliases: [], kind: .professionalBody, description: "IROs.")
        let with = Corpus(documents: c.documents, stakeholders: c.stakeholders + [extra], proposals: c.proposals, positions: c.positions)
        let undo = DatasetUndo(label: "x", before: [:], after: [:])
        s.apply(.datasetChanged(DatasetOutcome(kind: .saved(undo), corpus: with, message: "Saved", position: nil)))
        s.apply(.runCommand("stakeholder nairo"))
        #expect(s.current.screen == .stakeholder("nairo"))
        s.apply(.datasetChanged(DatasetOutcome(kind: .undone, corpus: c, message: "Undone", position: nil)))
        #expect(s.current.screen == .browse)
        #expect(s.history.allSatisfy { $0.screen != .stakeholder("nairo") })
    }
}

extension CodingReducerTests {
    @Test func theSelectionsKeysApplyOnlyOnItsArticle() {
        var s = Self.reader()
        s.press(.char("v"), .char(")"))
        let selection = s.coding.selection
        #expect(s.keyContexts.first == .selecting)
        s.press(.char("q"))   // back to the position it was opened from
        #expect(s.current.screen == .browse)
        #expect(!s.keyContexts.contains(.selecting))
        s.press(.char("j"), .char("w"), .char(")"))
        #expect(s.coding.selection == selection, "the keys do their usual work elsewhere")
        s.press(.char("]"))   // forward to the article: the selection is back
        #expect(s.current.screen == .source(document: "sen-2022"))
        #expect(s.activeSelection == selection)
    }
}

extension CodingReducerTests {
    @Test func anEditorsControlCharactersNeverReachTheSummary() {
        var s = Fixture.state()
        s.enableCoding(in: "/tmp/dataset")
        s.apply(.openProposal("iro-abolition", stakeholder: "become"))
        s.press(.char("e"), .enter)
        s.apply(.editorFinished("Tabs\tand \u{1B}[31mescapes\r\nand lines.\n"))
        #expect(s.line.text == "Tabs and [31mescapes and lines.")
    }
}
