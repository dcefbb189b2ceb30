import Testing
import EmbeddedCorpus
@testable import CareReview

/// The brief reads as prose: counts agree with their nouns, headings carry
/// no stray symbols, and citations have no doubled marks or repeated authors.
@Suite struct BriefExportTests {
    static let shipped = try! CorpusLoader.load(EmbeddedCorpus.source)

    @Test func singularCountsAndPlainHeadings() throws {
        let c = try Fixture.corpus()
        let one = BriefExport.render([try #require(c.position("council.care-plan"))], corpus: c)
        #expect(one.contains("1 position on 1 proposal.\n"))
        #expect(!one.contains("(s)"))
        #expect(one.contains("### The Council: opposes\n"))
        #expect(!one.contains("— --"))
    }

    @Test func shippedCitationsAreClean() {
        let c = Self.shipped
        let text = BriefExport.render(c.positions, corpus: c)
        #expect(!text.contains("““"))
        #expect(text.contains("“‘Only the beginning’: Children’s social care sector responds to Care Review final report”, unsigned"))
        #expect(text.contains("May 2022, inferred"))
        // Robin Sen's own article, quoted for Robin Sen, does not name him twice.
        #expect(text.contains("### Robin Sen: "))
        #expect(!text.contains("workforce in children's services”, Robin Sen,"))
        #expect(text.contains("workforce in children's services”, Professional Social Work magazine (BASW), 26 May 2022"))
        let md = MarkdownExport.render(ExportSelection(c), corpus: c)
        #expect(!md.contains("““"))
    }
}
