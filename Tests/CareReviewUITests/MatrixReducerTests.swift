import CareReview
import Testing
@testable import CareReviewUI

@Suite struct MatrixReducerTests {
    @Test func opensOnTheSelectionWhereverItCameFrom() {
        var s = Fixture.state()
        s.apply(.openProposal("regional-care-cooperatives", stakeholder: "robin-sen"))
        s.press(.char("M"))
        #expect(s.current.screen == .matrix)
        #expect(s.matrixCursorPosition?.id == "robin-sen-rcc")
        #expect(s.matrix?.rows.count == 3 && s.matrix?.columns.count == 4)   // family help has no positions
        s.press(.backspace)
        #expect(s.current.screen == .browse)
        s.apply(.runCommand("matrix"))
        #expect(s.current.screen == .matrix)
    }

    @Test func cursorStaysInRangeAndInViewWhileScrolling() {
        for (w, h) in [(80, 24), (200, 60), (40, 10), (300, 100)] {
            var s = WideFixture.state(width: w, height: h)
            s.press(.char("M"))
            let keys: [Key] = [.char("l"), .right, .char("j"), .down, .pageDown, .end, .char("G"), .char("h"), .left,
                               .char("k"), .up, .pageUp, .home, .char("g"), .ctrl("d"), .ctrl("u")]
            for (n, key) in (0..<400).map({ keys[($0 * 7 + $0 / 5) % keys.count] }).enumerated() {
                s.press(key)
                guard let m = s.matrix, let g = s.current.grid else { Issue.record("no matrix"); return }
                let geo = s.matrixGeometry(m)
                let ok = g.row >= -1 && g.row < m.rows.count && g.col >= -1 && g.col < m.columns.count
                    && (g.row < 0 || (g.row >= g.top && g.row < g.top + geo.visibleRows))
                    && (g.col < 0 || (g.col >= g.left && g.col < g.left + geo.visibleColumns))
                    && !(g.row < 0 && g.col < 0)
                if !ok { Issue.record("\(w)x\(h) step \(n) \(key): \(g)"); return }
            }
        }
    }

    @Test func endAndGoReachTheFarCorner() {
        var s = WideFixture.state(width: 80, height: 24)
        s.press(.char("M"), .end, .char("G"))
        #expect(s.current.grid?.row == 69 && s.current.grid?.col == 29)
        #expect(s.matrixCursorPosition?.id == (s.matrix!.position(row: 69, column: 29)?.id))
        let text = render(s, width: 80, height: 24).text
        #expect(text.contains("Proposal number \(s.matrix!.rows[69].title.split(separator: " ")[2])"))
        s.press(.home, .char("g"))
        #expect(s.current.grid?.row == 0 && s.current.grid?.col == 0 && s.current.grid?.top == 0 && s.current.grid?.left == 0)
    }

    @Test func enterOnACellOpensThatPosition() {
        var s = Fixture.state()
        s.press(.char("M"))
        let m = s.matrix!
        let row = m.rows.firstIndex { $0.id == "iro-abolition" }!, col = m.columns.firstIndex { $0.id == "article-39" }!
        s.press(.char("g"), .home)
        for _ in 0..<row { s.press(.char("j")) }
        for _ in 0..<col { s.press(.char("l")) }
        #expect(s.matrixCursorPosition?.id == "article-39-iro")
        s.press(.enter)
        #expect(s.current.screen == .browse && s.current.proposal == "iro-abolition")
        #expect(s.current.position == "article-39-iro" && s.current.focusedPane == .positions)
        s.press(.char("["))
        #expect(s.current.screen == .matrix && s.matrixCursorPosition?.id == "article-39-iro")
    }

    @Test func enterOnABlankCellExplains() {
        var s = Fixture.state()
        s.apply(.openProposal("family-help", stakeholder: nil))
        s.press(.char("M"))
        // Family help has no positions, so it is not a row; the ADCS row has one position only.
        let m = s.matrix!
        let row = m.rows.firstIndex { $0.id == "regional-commissioning" }!, col = m.columns.firstIndex { $0.id == "become" }!
        s.press(.char("g"), .home)
        for _ in 0..<row { s.press(.char("j")) }
        for _ in 0..<col { s.press(.char("l")) }
        #expect(s.matrixCursorPosition == nil)
        s.press(.enter)
        #expect(s.current.screen == .matrix && s.message?.text.contains("no recorded position") == true)
    }

    @Test func enterOnHeadersOpensTheProposalOrStakeholder() {
        var s = Fixture.state()
        s.press(.char("M"), .char("g"), .home, .char("h"))
        #expect(s.current.grid?.col == -1)
        let first = s.matrix!.rows[0].id
        s.press(.enter)
        #expect(s.current.screen == .browse && s.current.proposal == first && s.current.focusedPane == .positions)
        s.press(.char("["), .char("l"), .char("k"))
        #expect(s.current.grid?.row == -1 && s.current.grid?.col == 0)
        s.press(.char("k"))
        #expect(s.current.grid?.row == -1)   // nothing above the headers
        let column = s.matrix!.columns[0].id
        s.press(.enter)
        #expect(s.current.screen == .stakeholder(column))
    }

    @Test func sortKeepsTheCursorOnItsProposalAndFilterKindsNarrowColumns() {
        var s = Fixture.state()
        s.apply(.openProposal("regional-commissioning", stakeholder: "adcs"))
        s.press(.char("M"))
        #expect(s.matrixCursorPosition?.id == "adcs-commissioning")
        s.press(.char("s"))
        #expect(s.sort == .positions && s.matrixCursorPosition?.id == "adcs-commissioning")
        #expect(s.message?.text.hasPrefix("Rows sorted by") == true)
        s.press(.char("s"))
        #expect(s.sort == .divided && s.matrix?.rows.first?.id == "regional-care-cooperatives")
        s.press(.char("f"), .down, .down, .down, .down, .down, .char(" "), .escape)   // kind: charity
        #expect(s.filter.kinds == [.charity])
        #expect(Set(s.matrix!.columns.map(\.id)) == ["article-39", "become"])
        let g = s.current.grid!
        #expect(g.row < s.matrix!.rows.count && g.col < s.matrix!.columns.count)
    }

    @Test func mouseClickMovesTheCursorAndDoubleClickOpens() {
        var s = Fixture.state(width: 80, height: 24)
        s.press(.char("M"))
        let m = s.matrix!
        let geo = s.matrixGeometry(m)
        let g = s.current.grid!
        s.apply(.mouse(MouseEvent(.click, row: geo.gridTop + 1, col: geo.col(of: 2, left: g.left) + 2)))
        #expect(s.current.grid?.row == 1 && s.current.grid?.col == 2)
        s.apply(.mouse(MouseEvent(.doubleClick, row: geo.headerRow, col: geo.col(of: 1, left: g.left) + 2)))
        #expect(s.current.screen == .stakeholder(m.columns[1].id))
    }

    @Test func abbreviationsAndCursorAreReadableWithoutColour() {
        var s = Fixture.state(width: 80, height: 24)
        s.apply(.openProposal("iro-abolition", stakeholder: "become"))
        s.press(.char("M"))
        let text = render(s, width: 80, height: 24).text
        #expect(text.contains("[◔]"))                      // the cursor cell, bracketed
        #expect(text.contains("◔ concerned"))              // its stance in words
        #expect(text.contains("ADCS"))                     // abbreviated header
        #expect(text.contains("Become · charity"))        // the cursor column's full name
    }
}
