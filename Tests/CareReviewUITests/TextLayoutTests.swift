import CareReview
import TerminalText
import Testing
@testable import CareReviewUI

@Suite struct TextLayoutTests {
    func strings(_ lines: [[StyledGlyph]]) -> [String] { lines.map { $0.map(\.grapheme).joined() } }

    @Test func wrapsAtSpacesWithinWidth() {
        let lines = TextLayout.wrap("The quick brown fox jumps over the lazy dog", width: 10, glyphs: .unicode)
        #expect(lines == ["The quick", "brown fox", "jumps over", "the lazy", "dog"])
        for l in lines { #expect(DisplayWidth.of(l) <= 10) }
    }

    @Test func breaksLongWordsBetweenCharacters() {
        #expect(TextLayout.wrap("abcdefghij", width: 4, glyphs: .unicode) == ["abcd", "efgh", "ij"])
    }

    @Test func breaksAfterEmDashAndHyphen() {
        let lines = TextLayout.wrap("care—experienced well-being", width: 6, glyphs: .unicode)
        for l in lines { #expect(DisplayWidth.of(l) <= 6) }
        #expect(lines.first == "care—")
    }

    @Test func wideCJKNeverSplitOrOverflow() {
        let text = "児童福祉の改革について"   // 11 wide characters = 22 columns
        for width in 1...12 {
            let lines = TextLayout.wrap(text, width: width, glyphs: .unicode)
            for l in lines { #expect(DisplayWidth.of(l) <= max(width, 0)) }
            if width >= 2 { #expect(lines.joined() == text) }
        }
        #expect(TextLayout.wrap(text, width: 5, glyphs: .unicode).first == "児童")
    }

    @Test func combiningAccentsStayWithTheirLetter() {
        let text = "Zoe\u{301} Zoe\u{301} Zoe\u{301}"   // decomposed é
        let lines = TextLayout.wrap(text, width: 4, glyphs: .unicode)
        #expect(lines == ["Zoe\u{301}", "Zoe\u{301}", "Zoe\u{301}"])
        let glyphs = SafeGlyphs.make("e\u{301}", glyphs: .unicode)
        #expect(glyphs.count == 1 && glyphs[0].width == 1)
    }

    @Test func curlyQuotesAndDashesAreOneColumn() {
        #expect(TextLayout.width(SafeGlyphs.make("“child’s” — yes", glyphs: .unicode)) == 15)
    }

    @Test func truncationEndsWithEllipsis() {
        #expect(TextLayout.truncate("Abolish Independent Reviewing Officers", width: 12, glyphs: .unicode) == "Abolish…")
        #expect(TextLayout.truncate("Abolish Independent Reviewing Officers", width: 12, glyphs: .ascii) == "Abolish~")
        #expect(TextLayout.truncate("short", width: 12, glyphs: .unicode) == "short")
        #expect(TextLayout.truncate("児童福祉", width: 4, glyphs: .unicode) == "児…")
        #expect(TextLayout.truncate("児童福祉", width: 1, glyphs: .unicode) == "…")
        #expect(TextLayout.truncate("anything", width: 0, glyphs: .unicode) == "")
    }

    @Test func controlCharactersBecomePlaceholders() {
        let unicode = SafeGlyphs.clean("red\u{1B}[31m bell\u{07} del\u{7F} c1\u{9B}", glyphs: .unicode)
        #expect(unicode == "red␛[31m bell␇ del␡ c1\u{FFFD}")
        let ascii = SafeGlyphs.clean("red\u{1B}[31m bell\u{07}", glyphs: .ascii)
        #expect(ascii == "red^[[31m bell^G")
        #expect(SafeGlyphs.clean("tab\there", glyphs: .unicode) == "tab    here")
    }

    /// Bidi overrides and isolates are shown, by name, rather than reordering the line.
    @Test func bidiControlsAreMadeVisible() {
        #expect(SafeGlyphs.clean("a\u{202E}b\u{2067}c", glyphs: .unicode) == "a<RLO>b<RLI>c")
    }

    @Test func asciiModeFoldsTypography() {
        #expect(SafeGlyphs.clean("“Children’s” — Zoë…", glyphs: .ascii) == "\"Children's\" -- Zoe...")
        for g in SafeGlyphs.make("児童 ✓ Zoë", glyphs: .ascii) { #expect(g.grapheme.unicodeScalars.allSatisfy { $0.isASCII }) }
    }

    @Test func offsetsAreUnicodeScalarOffsets() {
        let glyphs = SafeGlyphs.make("e\u{301}x“y", glyphs: .unicode)
        #expect(glyphs.map(\.offset) == [0, 2, 3, 4])
    }

    @Test func paragraphsKeepEmptyLines() {
        #expect(TextLayout.wrap("one\n\ntwo", width: 10, glyphs: .unicode) == ["one", "", "two"])
    }
}
