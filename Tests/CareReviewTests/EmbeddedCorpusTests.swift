import Testing
import EmbeddedCorpus
@testable import CareReview

/// The dataset we ship: it must stay valid and say what the articles say.
@Suite struct EmbeddedCorpusTests {
    static let corpus = try! CorpusLoader.load(EmbeddedCorpus.source)

    @Test func validatesClean() {
        #expect(CorpusLoader.validate(EmbeddedCorpus.source) == [])
    }

    @Test func coverage() {
        let c = Self.corpus
        #expect(c.documents.count == 5)
        #expect(c.proposals.count >= 15)
        #expect(c.stakeholders.count >= 15)
        #expect(c.positions.count >= 45)
        // Every stakeholder and proposal is there because someone took a
        // position, or (a proposal) for what happened next to it.
        for s in c.stakeholders { #expect(!c.positions(ofStakeholder: s.id).isEmpty, "\(s.id) has no position") }
        for p in c.proposals {
            #expect(!c.positions(onProposal: p.id).isEmpty || !c.events(onProposal: p.id).isEmpty, "\(p.id) has no position and no event")
        }
    }

    @Test func iroAbolitionPositionsGroupedByStance() throws {
        let c = Self.corpus
        guard case .found(let iro) = NameResolver.proposals(c).resolve("iro") else {
            Issue.record("'iro' does not resolve"); return
        }
        #expect(iro == "iro-abolition")
        let groups = c.positionsByStance(onProposal: iro)
        #expect(groups.map(\.stance) == [.concerned, .opposes])
        #expect(groups[0].positions.map(\.stakeholder) == ["become"])
        #expect(Set(groups[1].positions.map(\.stakeholder)) == ["article-39", "robin-sen"])
        let article39 = try #require(c.positions(onProposal: iro).first { $0.stakeholder == "article-39" })
        #expect(article39.quotes.contains { $0.text.contains("drastic and dangerous move") })
        #expect(article39.reportedBy != nil)
    }

    @Test func namesUsersTypeResolve() {
        let c = Self.corpus
        let proposals = NameResolver.proposals(c), stakeholders = NameResolver.stakeholders(c)
        #expect(proposals.resolve("RCC") == .found("regional-care-cooperatives"))
        #expect(proposals.resolve("iro") == .found("iro-abolition"))
        #expect(stakeholders.resolve("article39") == .found("article-39"))
        #expect(stakeholders.resolve("Carolyne Willow") == .found("article-39"))
        #expect(stakeholders.resolve("Become") == .found("become"))
        #expect(stakeholders.resolve("adcs") == .found("adcs"))
    }

    @Test func documentsAreCleanedOfSiteChrome() {
        for d in Self.corpus.documents {
            for chrome in ["Skip to main content", "Job of the week", "Most popular articles", "Company number", "Paint on Face", "Utility menu"] {
                #expect(!d.text.contains(chrome), "\(d.id) still has '\(chrome)'")
            }
        }
    }

    @Test func searchFindsTheIROQuote() {
        let hits = SearchIndex(corpus: Self.corpus).search("Independent Reviewing")
        #expect(hits.first.map { if case .proposalTitle("iro-abolition") = $0.target { true } else { false } } == true)
        #expect(hits.contains { if case .quote(let p, _) = $0.target { p == "article-39.iro-abolition" } else { false } })
    }
}
