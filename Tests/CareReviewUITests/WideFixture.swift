import CareReview
@testable import CareReviewUI

/// A larger corpus for the stance matrix: 70 proposals × 30 stakeholders,
/// a deterministic pattern of stances with gaps, so the grid must scroll
/// both ways at 80×24 and even at 200×60.
enum WideFixture {
    static let kinds: [StakeholderKind] = [.charity, .academic, .localGovernment, .professionalBody, .directorsBody]

    static let stakeholders: [Stakeholder] = (1...30).map { i in
        let kind = kinds[i % kinds.count]
        let name: String
        var aliases: [String] = []
        switch kind {
        case .academic: name = "Researcher \(["Ada", "Ben", "Cy", "Dee", "Eve", "Fay"][i % 6]) Number\(i)"
        case .directorsBody:
            name = "Association of Directors Group \(i)"
            aliases = ["AD\(i)"]
        default: name = "Organisation \(i)"
        }
        return Stakeholder(id: "s\(i)", name: name, aliases: aliases, kind: kind, description: "")
    }

    static let proposals: [Proposal] = (1...70).map { i in
        Proposal(id: "p\(i)", title: "Proposal number \(i) on a matter of care", aliases: [], summary: "Summary \(i).",
                 stage: i % 3 == 0 ? .caseForChange : .finalReport, theme: Theme.allCases[i % Theme.allCases.count],
                 reviewWords: [])
    }

    static let positions: [Position] = {
        var out: [Position] = []
        for p in 1...70 {
            for s in 1...30 where (p * 7 + s * 3) % 5 != 0 {
                out.append(Position(id: "s\(s)-p\(p)", stakeholder: "s\(s)", proposal: "p\(p)",
                                    stance: Stance.allCases[(p + s) % 5], summary: "Position of \(s) on \(p).",
                                    date: PartialDate(year: 2022, month: 5), quotes: [], reportedBy: nil))
            }
        }
        return out
    }()

    static let corpus = Corpus(documents: [], stakeholders: stakeholders, proposals: proposals, positions: positions)

    static func state(_ glyphs: GlyphSet = .unicode, width: Int, height: Int) -> State {
        State(corpus: corpus, glyphs: glyphs, width: width, height: height)
    }
}
