import Testing
@testable import CareReview
import TerminalText

@Suite struct SearchTests {
    @Test func caseAccentAndCurlyQuoteInsensitive() throws {
        let index = SearchIndex(corpus: try Fixture.corpus())
        #expect(!index.search("CAFÉ").isEmpty)
        #expect(!index.search("cafe").isEmpty)
        #expect(index.search("cafe").first?.target == .passage(document: "beta", start: 15))
        // A query typed with a straight apostrophe finds the curly one.
        #expect(!index.search("children's charity").isEmpty)
    }

    @Test func rankedWithMatchedSpans() throws {
        let index = SearchIndex(corpus: try Fixture.corpus())
        let hits = index.search("Independent Reviewing")
        #expect(!hits.isEmpty)
        // The proposal title outranks the quote and the article paragraph.
        #expect(hits.first?.target == .proposalTitle("iro-abolition"))
        for hit in hits {
            let scalars = Array(hit.text.unicodeScalars)
            for span in hit.spans {
                let word = String(String.UnicodeScalarView(scalars[span])).lowercased()
                #expect(word == "independent" || word.hasPrefix("reviewing"))
            }
        }
        #expect(hits.contains { $0.target == .quote(position: "the-charity.iro-abolition", index: 0) })
    }

    @Test func lastWordIsAPrefixWhileTyping() throws {
        let index = SearchIndex(corpus: try Fixture.corpus())
        #expect(!index.search("kinsh").isEmpty)
        #expect(index.search("kinsh ").isEmpty)          // a finished word must match whole
        #expect(index.search("kinship zebra").isEmpty)   // every word must occur
        #expect(index.search("   ").isEmpty)
    }

    @Test func passageOffsetsPointIntoTheDocument() throws {
        let c = try Fixture.corpus()
        for hit in SearchIndex(corpus: c).search("kinship") {
            if case .passage(let doc, let start) = hit.target {
                let text = try #require(QuoteAnchor.slice(c.document(doc)!.text, start..<(start + hit.text.unicodeScalars.count)))
                #expect(text == hit.text)
            }
        }
    }

    @Test func foldingAndWords() {
        #expect(TextFolding.fold("Café “Quoted”") == "cafe \"quoted\"")
        #expect(TextFolding.words("Children’s care—now").map(\.folded) == ["children", "s", "care", "now"])
        #expect(TextFolding.words("a é").map(\.range) == [0..<1, 2..<3])
    }
}

@Suite struct TextTests {
    @Test func displayWidths() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("“quoted” — yes") == 14)
        #expect(DisplayWidth.of("e\u{301}") == 1)     // combining accent
        #expect(DisplayWidth.of("日本") == 4)
    }

    @Test func controlCharactersBecomeVisible() {
        #expect(TerminalSafeText.sanitize("a\u{1B}[31mb") == "a\u{241B}[31mb")
        #expect(TerminalSafeText.sanitize("bell\u{07}", unicode: false) == "bell^G")
        #expect(TerminalSafeText.sanitize("x\u{9B}y") == "x\u{FFFD}y")
        #expect(TerminalSafeText.sanitize("tab\there") == "tab    here")
        #expect(TerminalSafeText.sanitize("a\nb") == "a\u{240A}b")
        #expect(TerminalSafeText.sanitize("a\nb", keepNewlines: true) == "a\nb")
    }

    @Test func asciiFallback() {
        #expect(TerminalSafeText.asciiFallback("“Café” — children’s…") == "\"Cafe\" -- children's...")
        #expect(TerminalSafeText.asciiFallback("日") == "?")
    }
}
