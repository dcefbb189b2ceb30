import CareReview
import Testing
@testable import CareReviewUI

/// Every screen at 80×24, 120×40, 200×60 and 40×12, in Unicode and ASCII glyphs,
/// compared with reviewed golden files.
@Suite struct GoldenScreenTests {
    static let sizes = [(80, 24), (120, 40), (200, 60), (40, 12)]
    static let glyphSets: [(String, GlyphSet)] = [("unicode", .unicode), ("ascii", .ascii)]

    /// The screens, each as the actions that lead to it from home.
    static let screens: [(String, @Sendable (inout State) -> Void)] = [
        ("proposals", { _ in }),
        ("positions", { s in
            s.apply(.runCommand("proposal iro"))
            s.press(.down, .enter)   // Become, then its detail
        }),
        ("source", { s in
            s.apply(.openProposal("iro-abolition", stakeholder: "robin-sen"))
            s.press(.char("}"), .enter)   // second quote, open the source
        }),
        ("stakeholder", { s in
            s.apply(.runCommand("stakeholder robin"))
        }),
        ("search", { s in
            s.press(.char("/"))
            s.type("regional care")
            s.press(.escape, .down)
        }),
        ("help", { s in s.press(.char("?")) }),
        ("filter", { s in
            s.press(.char("f"), .char(" "), .down, .down, .down, .down, .char(" "))   // supports and opposes
        }),
        ("stakeholders", { s in s.apply(.runCommand("stakeholders")) }),
    ]

    @Test(arguments: 0..<8)
    func screen(_ index: Int) {
        let (name, steps) = Self.screens[index]
        for (glyphName, glyphs) in Self.glyphSets {
            for (w, h) in Self.sizes {
                var s = Fixture.state(glyphs, width: w, height: h)
                steps(&s)
                Golden.check("\(name)-\(w)x\(h)-\(glyphName)", render(s, width: w, height: h))
            }
        }
    }

    @Test func tooSmall() {
        for (glyphName, glyphs) in Self.glyphSets {
            for (w, h) in [(39, 10), (30, 8), (12, 3)] {
                let s = Fixture.state(glyphs, width: w, height: h)
                Golden.check("too-small-\(w)x\(h)-\(glyphName)", render(s, width: w, height: h))
            }
        }
    }

    @Test func searchBeforeIndexSaysIndexing() {
        var s = Fixture.state(width: 80, height: 24, indexed: false)
        s.press(.char("/"))
        s.type("kinship")
        let text = render(s, width: 80, height: 24).text
        #expect(text.contains("indexing…"))
    }
}
