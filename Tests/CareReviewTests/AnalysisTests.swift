import Testing
import EmbeddedCorpus
@testable import CareReview

@Suite struct StanceMatrixTests {
    @Test func cellsMatchPositions() throws {
        let c = try Fixture.corpus()
        let m = StanceMatrix(corpus: c)
        #expect(m.rows.map(\.id) == ["kinship-deal", "iro-abolition", "care-plan"])
        #expect(m.columns.map(\.id) == ["kinship-carers", "the-charity", "council"])
        #expect(m.stance(row: 2, column: 2) == .opposes)
        #expect(m.stance(row: 0, column: 0) == .qualified)
        #expect(m.stance(row: 0, column: 2) == nil)
        #expect(m.position(row: 9, column: 0) == nil)
        for (r, p) in m.rows.enumerated() {
            for (k, s) in m.columns.enumerated() {
                #expect(m.stance(row: r, column: k) == c.positions(onProposal: p.id).first { $0.stakeholder == s.id }?.stance)
            }
        }
    }

    @Test func kindFilterDropsColumnsAndEmptyRows() throws {
        let m = StanceMatrix(corpus: try Fixture.corpus(), kinds: [.charity])
        #expect(m.columns.map(\.id) == ["the-charity"])
        #expect(m.rows.map(\.id) == ["iro-abolition"])
    }

    @Test func abbreviations() throws {
        let c = try CorpusLoader.load(EmbeddedCorpus.source)
        func abbr(_ id: String) -> String { StanceMatrix.abbreviation(c.stakeholder(id)!, width: 6) }
        #expect(abbr("article-39") == "A39")
        #expect(abbr("adcs") == "ADCS")
        #expect(abbr("become") == "Become")
        #expect(abbr("robin-sen") == "Sen")
        #expect(abbr("crwa") == "CRWA")
    }

    @Test func abbreviationsAreUniqueWithinAMatrix() throws {
        let m = StanceMatrix(corpus: try Fixture.corpus())
        let headers = m.abbreviations(width: 6)
        #expect(headers == ["KCG", "Charit", "Counci"])
        let all = StanceMatrix(corpus: try CorpusLoader.load(EmbeddedCorpus.source)).abbreviations(width: 6)
        #expect(Set(all).count == all.count)
        #expect(all.allSatisfy { $0.count <= 6 && !$0.isEmpty })
    }
}

@Suite struct ComparisonTests {
    @Test func agreementScale() {
        #expect(Comparison.agreement(.supports, .supports) == .same)
        #expect(Comparison.agreement(.supports, .qualified) == .close)
        #expect(Comparison.agreement(.supports, .mixed) == .differ)
        #expect(Comparison.agreement(.qualified, .concerned) == .opposite)
        #expect(Comparison.agreement(.opposes, .supports) == .opposite)
        #expect(Comparison.agreement(.mixed, .opposes) == .differ)
        #expect(Comparison.agreement(nil, .opposes) == .onlySecond)
        #expect(Comparison.agreement(.mixed, nil) == .onlyFirst)
    }

    @Test func rowsCoverEitherStakeholdersProposals() throws {
        let c = try CorpusLoader.load(EmbeddedCorpus.source)
        let cmp = try #require(Comparison(corpus: c, first: "article-39", second: "become"))
        let expected = Set(c.positions(ofStakeholder: "article-39").map(\.proposal) + c.positions(ofStakeholder: "become").map(\.proposal))
        #expect(Set(cmp.rows.map(\.proposal.id)) == expected)
        let iro = try #require(cmp.rows.first { $0.proposal.id == "iro-abolition" })
        #expect(iro.first?.stance == .opposes && iro.second?.stance == .concerned)
        #expect(iro.agreement == .close)
        #expect(Comparison(corpus: c, first: "article-39", second: "nobody") == nil)
    }

    @Test func chronologicalOrderFollowsStages() throws {
        let c = try CorpusLoader.load(EmbeddedCorpus.source)
        let ordered = c.chronological(c.positions(ofStakeholder: "ray-jones"))
        let stages = ordered.map { c.stage(of: $0) }
        #expect(stages == stages.sorted())
        #expect(stages.first == .termsOfReference)
        #expect(stages.last == .caseForChange)
    }
}

/// The precomputed tallies give what the direct queries give, for every single-value filter.
@Suite struct ProposalTallyTests {
    @Test func talliesMatchDirectQueries() throws {
        let c = try CorpusLoader.load(EmbeddedCorpus.source)
        var filters: [PositionFilter] = [.none]
        filters += Stance.allCases.map { PositionFilter(stances: [$0]) }
        filters += StakeholderKind.allCases.map { PositionFilter(kinds: [$0]) }
        filters += Stage.allCases.map { PositionFilter(stages: [$0]) }
        filters += Theme.allCases.map { PositionFilter(themes: [$0]) }
        filters.append(PositionFilter(stances: [.supports, .opposes], kinds: [.charity], stages: [.finalReport]))
        for f in filters {
            let fast = c.proposalTallies(filter: f)
            let direct = c.proposals(filter: f, order: .theme)
            #expect(fast.map(\.proposal.id) == direct.map(\.id), "\(f.description)")
            #expect(fast.map(\.tally) == direct.map { c.stanceTally(ofProposal: $0.id, filter: f) }, "\(f.description)")
        }
    }

    @Test func sparseMatrixMatchesPositions() throws {
        let c = try CorpusLoader.load(EmbeddedCorpus.source)
        let m = StanceMatrix(corpus: c)
        var filled = 0
        for r in m.rows.indices {
            for col in m.columns.indices {
                let expected = c.positions(onProposal: m.rows[r].id).last { $0.stakeholder == m.columns[col].id }
                #expect(m.position(row: r, column: col)?.id == expected?.id)
                if expected != nil { filled += 1 }
            }
            #expect(m.cells(row: r).count == Set(c.positions(onProposal: m.rows[r].id).map(\.stakeholder)).count)
        }
        #expect(filled > 0)
    }
}
