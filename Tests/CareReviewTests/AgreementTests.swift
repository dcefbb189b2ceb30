import Foundation
import Testing
@testable import CareReview

/// `carereview agree`: matching two codings, and the agreement figures.
@Suite struct AgreementTests {
    private func stances(_ ranks: [Int]) -> [Stance] { ranks.map { Stance.allCases[$0] } }

    /// Worked by hand: 7 of 10 agree; A's marginals 0.5/0.5, B's 0.6/0.4, so
    /// chance agreement 0.5 and kappa (0.7 − 0.5)/(1 − 0.5) = 0.4. Only the two
    /// extreme stances occur, so every disagreement weighs 1 and the weighted
    /// kappa is 1 − 0.3/0.5 = 0.4 as well.
    @Test func kappaWorkedByHandOnTwoStances() {
        let a = stances([0, 0, 0, 0, 4, 4, 4, 0, 4, 4]), b = stances([0, 0, 0, 0, 4, 4, 4, 4, 0, 0])
        let f = AgreementReport.figures(Array(zip(a, b)))
        #expect(f.pairs == 10 && f.agreed == 7)
        #expect(abs(f.percentAgreement! - 0.7) < 1e-12)
        #expect(abs(f.kappa! - 0.4) < 1e-12)
        #expect(abs(f.weightedKappa! - 0.4) < 1e-12)
    }

    /// Worked by hand: po = 0.5, pe = 0.25, kappa = 1/3. Quadratic weights
    /// ((i−j)/4)²: observed disagreement 0.5/16 = 0.03125, expected 0.3125,
    /// weighted kappa 1 − 0.1 = 0.9: near misses (supports/qualified,
    /// concerned/opposes) count for little.
    @Test func weightedKappaCreditsNearMisses() {
        let f = AgreementReport.figures(Array(zip(stances([0, 1, 4, 3]), stances([1, 1, 4, 4]))))
        #expect(abs(f.kappa! - 1.0 / 3.0) < 1e-12)
        #expect(abs(f.weightedKappa! - 0.9) < 1e-12)
    }

    /// Checked against scikit-learn 1.9.1, computed once:
    /// cohen_kappa_score(A, B, labels=[0,1,2,3,4]) = 0.727891156462585 and
    /// with weights='quadratic' 0.9621212121212122.
    @Test func kappaMatchesScikitLearn() {
        let a = [2, 1, 3, 0, 0, 4, 0, 2, 4, 0, 4, 1, 0, 0, 3, 3, 0, 1, 0, 4]
        let b = [2, 0, 4, 0, 0, 4, 0, 2, 4, 0, 4, 1, 0, 0, 3, 2, 0, 2, 0, 4]
        let f = AgreementReport.figures(Array(zip(stances(a), stances(b))))
        #expect(abs(f.kappa! - 0.727891156462585) < 1e-9)
        #expect(abs(f.weightedKappa! - 0.9621212121212122) < 1e-9)
        #expect(f.agreed == 16)
    }

    @Test func undefinedWhenEveryRatingIsOneStance() {
        let f = AgreementReport.figures([(.supports, .supports), (.supports, .supports)])
        #expect(f.percentAgreement == 1 && f.kappa == nil && f.weightedKappa == nil)
        let none = AgreementReport.figures([])
        #expect(none.pairs == 0 && none.percentAgreement == nil)
    }

    // MARK: - Matching

    static let text = "Alpha says the plan is good. Beta says the plan is bad. Gamma worries about money. Delta is silent."
    static func quote(_ s: String) -> Quote {
        let r = text.range(of: s)!
        let start = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: r.lowerBound)
        return Quote(document: "doc", text: s, start: start, end: start + s.unicodeScalars.count)
    }
    static func position(_ id: String, _ who: String, _ on: String, _ stance: Stance, _ quote: String) -> Position {
        Position(id: id, stakeholder: who, proposal: on, stance: stance, summary: "s", date: PartialDate(year: 2022),
                 quotes: [Self.quote(quote)], reportedBy: nil)
    }
    static func corpus(_ positions: [Position]) -> Corpus {
        let stakeholders = Set(positions.map(\.stakeholder)).sorted().map {
            Stakeholder(id: $0, name: $0.capitalized, aliases: [], kind: .charity, description: "d")
        }
        let proposals = Set(positions.map(\.proposal)).sorted().map {
            Proposal(id: $0, title: $0, aliases: [], summary: "s", stage: .finalReport, theme: .reset, reviewWords: [])
        }
        let doc = Document(id: "doc", title: "Doc", author: nil, publisher: nil, date: PartialDate(year: 2022),
                           stage: .finalReport, url: nil, text: text)
        return Corpus(documents: [doc], stakeholders: stakeholders, proposals: proposals, positions: positions)
    }

    @Test func matchesByIdsThenByOverlappingQuotes() {
        let a = Self.corpus([
            Self.position("alpha.plan", "alpha", "plan", .supports, "Alpha says the plan is good."),
            Self.position("beta.plan", "beta", "plan", .opposes, "Beta says the plan is bad."),
            Self.position("gamma.money", "gamma", "money", .concerned, "Gamma worries about money."),
        ])
        let b = Self.corpus([
            Self.position("alpha.plan", "alpha", "plan", .qualified, "the plan is good"),          // same ids
            Self.position("beta-org.the-plan", "beta-org", "the-plan", .opposes, "Beta says the plan"), // other ids, overlapping
            Self.position("delta.plan", "delta", "plan", .mixed, "Delta is silent."),              // only in B
        ])
        let r = AgreementReport(a, b)
        #expect(r.pairs.map { "\($0.a.id)=\($0.b.id):\($0.byIds)" } == ["alpha.plan=alpha.plan:true", "beta.plan=beta-org.the-plan:false"])
        #expect(r.onlyInA.map(\.id) == ["gamma.money"])
        #expect(r.onlyInB.map(\.id) == ["delta.plan"])
        #expect(r.disagreements.map(\.a.id) == ["alpha.plan"])
        #expect(r.overall.pairs == 2 && r.overall.agreed == 1)
        #expect(r.perProposal.map { "\($0.proposalA)/\($0.proposalB)" } == ["plan/plan", "plan/the-plan"])
    }

    @Test func severalOccasionsPairByTheirQuotes() {
        let a = Self.corpus([
            Self.position("alpha.plan", "alpha", "plan", .supports, "Alpha says the plan is good."),
            Self.position("alpha.plan.2021", "alpha", "plan", .opposes, "Gamma worries about money."),
        ])
        let b = Self.corpus([
            Self.position("alpha.plan.x", "alpha", "plan", .opposes, "worries about money"),
            Self.position("alpha.plan", "alpha", "plan", .supports, "the plan is good"),
        ])
        let r = AgreementReport(a, b)
        #expect(Set(r.pairs.map { "\($0.a.id)=\($0.b.id)" }) == ["alpha.plan=alpha.plan", "alpha.plan.2021=alpha.plan.x"])
        #expect(r.overall.agreed == 2)
    }

    @Test func identicalCodingsAgreeFully() throws {
        let c = try Fixture.corpus()
        let r = AgreementReport(c, c)
        #expect(r.pairs.count == c.positions.count && r.onlyInA.isEmpty && r.onlyInB.isEmpty)
        #expect(r.overall.percentAgreement == 1)
    }
}
