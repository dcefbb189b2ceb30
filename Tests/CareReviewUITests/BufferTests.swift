import CareReview
import Testing
@testable import CareReviewUI

@Suite struct BufferTests {
    @Test func wideCharacterTakesTwoCells() {
        var b = ScreenBuffer(width: 4, height: 1)
        b.draw(SafeGlyphs.make("児a", glyphs: .unicode), row: 0, col: 0, maxWidth: 4)
        #expect(b[0, 0].width == 2 && b[0, 1].isContinuation && b[0, 2].grapheme == "a")
        #expect(b.text == "児a")
    }

    @Test func wideCharacterAtTheEdgeBecomesASpace() {
        var b = ScreenBuffer(width: 3, height: 1)
        b.draw(SafeGlyphs.make("ab児", glyphs: .unicode), row: 0, col: 0, maxWidth: 3)
        #expect(b.text == "ab")
        #expect(b.cells.allSatisfy { $0.width == 1 })
    }

    @Test func overwritingHalfAWideCharacterRepairsIt() {
        var b = ScreenBuffer(width: 4, height: 1)
        b.draw(SafeGlyphs.make("児童", glyphs: .unicode), row: 0, col: 0, maxWidth: 4)
        b.set(row: 0, col: 1, Cell("x"))
        #expect(b[0, 0].grapheme == " " && b[0, 0].width == 1)
        #expect(b.text == " x童")
    }

    @Test func changedRowsAndRuns() {
        var a = ScreenBuffer(width: 5, height: 3)
        var b = a
        b.set(row: 1, col: 2, Cell("z"))
        #expect(b.changedRows(from: a) == [1])
        #expect(b.changedRuns(from: a).map { [$0.row, $0.cols.lowerBound, $0.cols.upperBound] } == [[1, 2, 3]])
        #expect(b.changedRows(from: nil) == [0, 1, 2])
        a = ScreenBuffer(width: 6, height: 3)
        #expect(b.changedRows(from: a).count == 3)
    }

    @Test func palettesCoverEveryRole() {
        for theme in ThemeName.allCases {
            let p = Palette.named(theme)
            for role in Role.allCases { #expect(p.looks[role] != nil, "\(theme) lacks \(role)") }
        }
        let mono = Palette.mono.attributes(Style(.focusedSelection), depth: .full256)
        #expect(mono.foreground == -1 && mono.reverse)
        let noColor = Palette.standard.attributes(Style(.quote), depth: .none)
        #expect(noColor.foreground == -1 && noColor.background == -1 && noColor.reverse)
        #expect(Palette.standard.attributes(Style(.stance(.opposes)), depth: .eight).foreground == 1)
    }

    @Test func keyTableHasNoConflicts() {
        for context in KeyContext.allCases {
            var seen: [Key: Command] = [:]
            for b in KeyBindings.bindings(in: context) {
                for k in b.keys {
                    #expect(seen[k] == nil, "\(k) bound twice in \(context)")
                    seen[k] = b.command
                }
            }
        }
    }

    @Test func helpListsEveryBinding() {
        let help = HelpContent.entries(.unicode).map(\.text)
        for b in KeyBindings.all { #expect(help.contains(b.help)) }
    }
}
