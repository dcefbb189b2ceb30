import Testing
@testable import CareReview

@Suite struct QueryTests {
    @Test func positionsGroupedFromSupportsToOpposes() throws {
        let c = try Fixture.corpus()
        let groups = c.positionsByStance(onProposal: "iro-abolition")
        #expect(groups.map(\.stance) == [.concerned])
        #expect(groups[0].positions.map(\.stakeholder) == ["the-charity"])
        #expect(c.positionsByStance(onProposal: "no-such").isEmpty)
    }

    @Test func filtersByStanceKindStageTheme() throws {
        let c = try Fixture.corpus()
        #expect(c.proposals(filter: PositionFilter(stances: [.opposes])).map(\.id) == ["care-plan"])
        #expect(c.proposals(filter: PositionFilter(kinds: [.charity])).map(\.id) == ["iro-abolition"])
        #expect(c.proposals(filter: PositionFilter(themes: [.familyNetworks])).map(\.id) == ["kinship-deal"])
        #expect(c.proposals(filter: PositionFilter(stages: [.caseForChange])).isEmpty)
        #expect(c.positions(ofStakeholder: "council", filter: PositionFilter(stances: [.supports])).isEmpty)
        #expect(c.stakeholdersByName(filter: PositionFilter(kinds: [.localGovernment])).map(\.id) == ["council"])
    }

    @Test func proposalOrders() throws {
        let c = try Fixture.corpus()
        #expect(c.proposals(order: .theme).map(\.theme.rawValue) == [4, 6, 6])
        #expect(c.stanceTally(ofProposal: "care-plan") == [0, 0, 0, 0, 1])
        #expect(c.divisiveness(ofProposal: "care-plan") == 0)
    }

    @Test func divisivenessMeasure() {
        func corpus(_ stances: [Stance]) -> Corpus {
            let doc = Document(id: "d", title: "D", author: nil, publisher: nil, date: PartialDate(year: 2022), stage: .finalReport, url: nil, text: "x")
            let p = Proposal(id: "p", title: "P", aliases: [], summary: "s", stage: .finalReport, theme: .reset, reviewWords: [])
            let people = stances.indices.map { Stakeholder(id: "s\($0)", name: "S\($0)", aliases: [], kind: .charity, description: "d") }
            let positions = stances.enumerated().map { i, s in
                Position(id: "s\(i).p", stakeholder: "s\(i)", proposal: "p", stance: s, summary: "s", date: PartialDate(year: 2022),
                         quotes: [Quote(document: "d", text: "x", start: 0, end: 1)], reportedBy: nil)
            }
            return Corpus(documents: [doc], stakeholders: people, proposals: [p], positions: positions)
        }
        #expect(corpus([.supports, .opposes]).divisiveness(ofProposal: "p") == 2)
        #expect(corpus([.supports, .supports, .supports]).divisiveness(ofProposal: "p") == 0)
        #expect(corpus([.qualified, .concerned]).divisiveness(ofProposal: "p") == 1)
    }

    @Test func quotesInDocumentInReadingOrder() throws {
        let c = try Fixture.corpus()
        let refs = c.quotes(inDocument: "alpha")
        #expect(refs.map(\.quote.start) == refs.map(\.quote.start).sorted())
        #expect(refs.map(\.owner) == [.position("council.care-plan"), .position("kinship-carers.kinship-deal")])
    }

    @Test func partialDates() {
        #expect(PartialDate(iso: "2022-05-26")?.description == "2022-05-26")
        #expect(PartialDate(iso: "2022-05")?.humanDescription == "May 2022")
        #expect(PartialDate(iso: "2024-02-29") != nil)
        #expect(PartialDate(iso: "2023-02-29") == nil)
        #expect(PartialDate(iso: "2022-13") == nil)
        #expect(PartialDate(iso: "22-05-01") == nil)
        #expect(PartialDate(iso: "2021")! < PartialDate(iso: "2021-01")!)
    }
}

@Suite struct NameResolverTests {
    let resolver = NameResolver([
        ("iro-abolition", ["Abolish the Independent Reviewing Officer role", "IRO", "IROs"]),
        ("regional-care-cooperatives", ["Regional Care Cooperatives", "RCCs"]),
        ("kinship-care", ["Kinship care"]),
        ("kinship-allowance", ["Kinship allowance"]),
        ("article-39", ["Article 39", "Carolyne Willow"]),
        ("become", ["Become"]),
    ])

    @Test func exactIdAliasAndCompactForms() {
        #expect(resolver.resolve("become") == .found("become"))
        #expect(resolver.resolve("iro") == .found("iro-abolition"))
        #expect(resolver.resolve("IROs") == .found("iro-abolition"))
        #expect(resolver.resolve("article39") == .found("article-39"))
        #expect(resolver.resolve("Article 39") == .found("article-39"))
        #expect(resolver.resolve("carolyne willow") == .found("article-39"))
    }

    @Test func acronymsPrefixesAndWords() {
        #expect(resolver.resolve("RCC") == .found("regional-care-cooperatives"))
        #expect(resolver.resolve("regional") == .found("regional-care-cooperatives"))
        #expect(resolver.resolve("indep review") == .found("iro-abolition"))
        #expect(resolver.resolve("Becom") == .found("become"))
    }

    @Test func ambiguityAndNearMisses() {
        #expect(resolver.resolve("kinship") == .ambiguous(["kinship-care", "kinship-allowance"]))
        #expect(resolver.resolve("Bcome") == .found("become"))
        #expect(resolver.resolve("artcle 39") == .found("article-39"))
        #expect(resolver.resolve("zzzzzz") == .notFound([]))
        #expect(resolver.resolve("") == .notFound([]))
    }

    @Test func completions() {
        #expect(resolver.completions("kin") == ["kinship-care", "kinship-allowance"])
        // Completion also offers names with a word starting so ("Regional Care…").
        #expect(resolver.completions("car") == ["regional-care-cooperatives", "kinship-care", "article-39"])
        #expect(resolver.completions("") .count == 6)
    }
}
