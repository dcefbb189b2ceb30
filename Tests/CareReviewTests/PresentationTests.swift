import Foundation
import Testing
import EmbeddedCorpus
@testable import CareReview

/// The shared pieces every screen and report uses: a quote with its source,
/// a position in full, "did you mean", and where the user's files go.
@Suite struct CitationTests {
    static let shipped = try! CorpusLoader.load(EmbeddedCorpus.source)

    @Test func titleThatOpensWithAQuotationIsNotDoubled() throws {
        let c = Self.shipped
        let p = try #require(c.positions.first { $0.quotes.contains { $0.document == "sector-responds" } })
        let q = try #require(p.quotes.first { $0.document == "sector-responds" })
        let cite = Citation(q, of: p, in: c)
        let title = cite.quotedTitle()
        #expect(title.hasPrefix("“‘Only the beginning’: Children’s social care"))
        #expect(!title.contains("““"))
        #expect(!cite.source().contains("““"))
        #expect(!cite.plainText().contains("““"))
        // The article prints no date: it is shown as inferred.
        #expect(cite.dateText == "May 2022, inferred")
        #expect(cite.source().contains("May 2022, inferred"))
        #expect(cite.source().hasSuffix("; reported by an unsigned sector round-up"))
    }

    @Test func authorWhoIsTheSpeakerIsNotRepeated() throws {
        let c = Self.shipped
        let p = try #require(c.positions.first { $0.stakeholder == "robin-sen" && !$0.quotes.isEmpty })
        let cite = Citation(p.quotes[0], of: p, in: c)
        #expect(cite.shownAuthor == nil)
        let copy = cite.plainText()
        #expect(copy.components(separatedBy: "Robin Sen").count == 2, "\(copy)")   // once, as the speaker
        #expect(copy.contains("— Robin Sen, “Review's recommemdations risk"))
        #expect(copy.contains("26 May 2022"))
        // The same article quoted for someone else names its author.
        let other = Citation(quote: p.quotes[0], speaker: "BASW", document: c.document(p.quotes[0].document), reportedBy: nil)
        #expect(other.details.hasPrefix("Robin Sen, Professional Social Work magazine (BASW), 26 May 2022"))
        // Someone else's words that the author reports: the author is named once, as the reporter.
        let reported = Citation(quote: p.quotes[0], speaker: "Josh MacAlister", document: c.document(p.quotes[0].document), reportedBy: "Robin Sen")
        #expect(reported.source() == "“Review's recommemdations risk creating two-tier workforce in children's services”, Professional Social Work magazine (BASW), 26 May 2022; reported by Robin Sen")
    }

    @Test func sourceWithLocationAndFullForm() throws {
        let c = try Fixture.corpus()
        let p = try #require(c.position("the-charity.iro-abolition"))
        let cite = Citation(p.quotes[0], of: p, in: c)
        #expect(cite.source(location: true, url: true)
                == "“Beta round-up”, May 2022, inferred, <https://example.org/beta> [beta 32–93]; reported by Beta round-up")
        #expect(cite.fullSource() == "“Beta round-up”, unsigned, publisher not stated, May 2022, inferred, <https://example.org/beta>; reported by Beta round-up")
        // Straight quotes inside the words become nested single marks.
        #expect(cite.quotedText() == "“the Independent Reviewing Officer change was ‘a step too far’”")
        #expect(cite.quotedText(unicode: false) == "\"the Independent Reviewing Officer change was 'a step too far'\"")
        let alpha = try #require(c.position("council.care-plan"))
        #expect(Citation(alpha.quotes[0], of: alpha, in: c).fullSource()
                == "“Alpha report on the care plan”, A. Writer, Alpha Press, 26 May 2022, no URL given in the source")
    }

    @Test func reviewWordsSayWhoQuotedThem() throws {
        let c = CitationTests.shipped
        let p = try #require(c.proposals.first { !$0.reviewWords.isEmpty })
        let cite = Citation(reviewWords: p.reviewWords[0], in: c)
        #expect(cite.speaker == nil)
        #expect(cite.plainText().contains("\n— The Review, quoted in “"))
        #expect(cite.shownAuthor == cite.author)   // the article's author is not the speaker
    }

    @Test func quotationMarksNest() {
        #expect(Quotation.enclose("plain") == "“plain”")
        #expect(Quotation.enclose("“already quoted”") == "“already quoted”")
        #expect(Quotation.enclose("“a” and “b”") == "“‘a’ and ‘b’”")
        #expect(Quotation.enclose("\"straight\"") == "\"straight\"")
        #expect(Quotation.enclose("“a” and “b”", unicode: false) == "\"'a' and 'b'\"")
    }
}

@Suite struct PositionTextTests {
    @Test func fullFormHasEveryPart() throws {
        let c = try Fixture.corpus()
        let p = try #require(c.position("the-charity.iro-abolition"))
        let text = PositionText().render(p, in: c, note: "ask about funding", marked: true)
        #expect(text == """
        The Charity · charity
        -? concerned on Abolish the Independent Reviewing Officer role [iro-abolition]
        May 2022, inferred · Final report (May 2022)

        Calls the IRO change a step too far.
        ★ marked for the brief
        Note: ask about funding

        “the Independent Reviewing Officer change was ‘a step too far’”
          — “Beta round-up”, May 2022, inferred, <https://example.org/beta> [beta 32–93]; reported by Beta round-up

        """)
    }

    @Test func listedFormOmitsWhatTheHeadingSays() throws {
        let c = try Fixture.corpus()
        let p = try #require(c.position("council.care-plan"))
        let blocks = PositionText(showsStance: false, showsProposal: false, full: false).blocks(p, in: c)
        #expect(blocks.map(\.kind) == [.heading, .summary, .quote, .source])
        #expect(blocks[0].text == "The Council · local government · 26 May 2022 · Final report (May 2022)")
        #expect(blocks[0].indent == 2 && blocks[1].indent == 4 && blocks[2].indent == 4 && blocks[3].indent == 6)
        #expect(!blocks.contains { $0.kind == .blank })
    }
}

@Suite struct DidYouMeanTests {
    static let commands = ["proposals", "show", "stakeholders", "stakeholder", "search", "validate", "export", "import", "open", "matrix", "compare", "brief"]

    @Test func transpositionIsOneEdit() {
        #expect(DidYouMean.distance("shwo", "show") == 1)
        #expect(DidYouMean.distance("kitten", "sitting") == 3)
        #expect(DidYouMean.distance("", "abc") == 3)
        #expect(DidYouMean.distance("abcdef", "uvwxyz", limit: 2) == 3)
    }

    @Test func suggestsNearMissesAndPrefixes() {
        let d = DidYouMean(Self.commands)
        #expect(d.suggestions(for: "shwo") == ["show"])
        #expect(d.suggestions(for: "comapre") == ["compare"])
        #expect(d.suggestions(for: "stake") == ["stakeholders", "stakeholder"])
        #expect(d.suggestions(for: "zzzzzz").isEmpty)
        #expect(d.sentence(for: "shwo") == "did you mean 'show'?")
        #expect(d.sentence(for: "stakeholdr") == "did you mean 'stakeholder' or 'stakeholders'?")
        #expect(d.sentence(for: "qqqqqqqq") == nil)
    }

    @Test func candidatesWithSeveralKeys() {
        let d = DidYouMean([.init("adcs", keys: ["adcs", "Association of Directors"]), .init("basw", keys: ["basw", "British Association"])])
        #expect(d.suggestions(for: "bsaw") == ["basw"])
        #expect(d.suggestions(for: "british assoc") == ["basw"])
    }
}

@Suite struct UserDirectoriesTests {
    @Test func homeComesFromTheEnvironmentNotPasswd() {
        let d = UserDirectories(environment: ["HOME": "/tmp/someone"])
        #expect(d.home?.path == "/tmp/someone")
        #expect(d.state?.path == "/tmp/someone/.local/state/carereview")
        #expect(d.data?.path == "/tmp/someone/.local/share/carereview")
        #expect(d.config?.path == "/tmp/someone/.config/carereview")
        #expect(d.cache?.path == "/tmp/someone/.cache/carereview")
        #expect(d.expandingTilde("~/brief.md") == "/tmp/someone/brief.md")
        #expect(d.expandingTilde("~") == "/tmp/someone")
        #expect(d.expandingTilde("~other/x") == "~other/x")
        #expect(d.expandingTilde("a/~/b") == "a/~/b")
    }

    @Test func xdgVariablesWinWhenAbsolute() {
        let d = UserDirectories(environment: ["HOME": "/h", "XDG_STATE_HOME": "/s", "XDG_DATA_HOME": "/d",
                                              "XDG_CONFIG_HOME": "relative/c", "XDG_CACHE_HOME": ""])
        #expect(d.state?.path == "/s/carereview")
        #expect(d.data?.path == "/d/carereview")
        #expect(d.config?.path == "/h/.config/carereview")   // relative: ignored, as the spec says
        #expect(d.cache?.path == "/h/.cache/carereview")
    }

    @Test func relativeHomeGivesNoDirectories() {
        let d = UserDirectories(environment: ["HOME": "relative"])
        #expect(d.home == nil && d.state == nil)
        #expect(d.expandingTilde("~/x") == "~/x")
    }
}

@Suite struct TextBlockWrapTests {
    @Test func wrapsUnderTheHangingIndent() {
        let blocks = [TextBlock(.quote, "one two three four five", indent: 2, hangingIndent: 4), .blank,
                      TextBlock(.summary, "unbreakablewordlongerthanwidth x")]
        let text = TextBlock.wrap(blocks, width: 12, measure: { $0.count })
        #expect(text == "  one two\n    three\n    four\n    five\n\nunbreakablewordlongerthanwidth\nx\n")
        #expect(TextBlock.wrap(blocks, width: nil, measure: { $0.count }) == TextBlock.plain(blocks))
    }
}

@Suite struct FuzzyNameTests {
    static let shipped = try! CorpusLoader.load(EmbeddedCorpus.source)

    @Test func slipsInSeveralWordsStillResolve() {
        let proposals = NameResolver.proposals(Self.shipped)
        #expect(proposals.resolve("regonal care coop") == .found("regional-care-cooperatives"))
        let stakeholders = NameResolver.stakeholders(Self.shipped)
        #expect(stakeholders.resolve("fostring network") == .found("fostering-network"))
        // Short words must be exact: no guessing from "cxre".
        if case .found = proposals.resolve("cxre qqqq") { Issue.record("resolved nonsense") }
    }
}

@Suite struct SharedQuoteHitTests {
    @Test func sharedQuotesFoldIntoTheFirstHit() {
        let c = FuzzyNameTests.shipped
        let hits = SearchIndex(corpus: c).search("profiteering", limit: 50)
        let grouped = c.groupingSharedQuotes(hits)
        #expect(grouped.count < hits.count)
        #expect(grouped.reduce(0) { $0 + 1 + $1.alsoIn.count } == hits.count)   // nothing lost
        let quotes = grouped.compactMap { g -> Quote? in
            guard case .quote(let id, let i) = g.hit.target, let p = c.position(id) else { return nil }
            return Quote(document: p.quotes[i].document, text: "", start: p.quotes[i].start, end: p.quotes[i].end)
        }
        #expect(Set(quotes).count == quotes.count)   // each shared quote once
        #expect(grouped.contains { $0.alsoIn.count == 3 })
    }
}
