import CareReview
import Testing
@testable import CareReviewUI

/// Golden screens of the workshop features: the stance matrix (scrolling
/// both ways), compare, presenter slides, the timeline and marks.
@Suite struct FeatureGoldenTests {
    static let glyphSets: [(String, GlyphSet)] = [("unicode", .unicode), ("ascii", .ascii)]

    @Test func matrixOnTheFixture() {
        for (glyphName, glyphs) in Self.glyphSets {
            var s = Fixture.state(glyphs, width: 80, height: 24)
            s.apply(.openProposal("iro-abolition", stakeholder: "become"))
            s.press(.char("M"))
            Golden.check("matrix-80x24-\(glyphName)", render(s, width: 80, height: 24))
        }
    }

    @Test func matrixScrollsBothWays() {
        for (w, h) in [(80, 24), (200, 60)] {
            var s = WideFixture.state(width: w, height: h)
            s.press(.char("M"))
            Golden.check("matrix-wide-\(w)x\(h)-unicode", render(s, width: w, height: h))
            for _ in 0..<26 { s.press(.char("l")) }
            for _ in 0..<(h == 24 ? 20 : 60) { s.press(.char("j")) }
            Golden.check("matrix-wide-\(w)x\(h)-scrolled-unicode", render(s, width: w, height: h))
        }
        var s = WideFixture.state(.ascii, width: 80, height: 24)
        s.press(.char("M"), .end, .char("G"))
        Golden.check("matrix-wide-80x24-end-ascii", render(s, width: 80, height: 24))
    }

    @Test func matrixHeadersAndFilter() {
        var s = Fixture.state(width: 80, height: 24)
        s.press(.char("M"), .char("h"))   // the row header
        Golden.check("matrix-rowheader-80x24-unicode", render(s, width: 80, height: 24))
        s.press(.char("f"), .down, .down, .down, .down, .down, .char(" "), .escape)   // kind: charity
        s.press(.char("l"), .char("k"))   // a column header
        Golden.check("matrix-charities-80x24-unicode", render(s, width: 80, height: 24))
    }

    @Test func compare() {
        for (glyphName, glyphs) in Self.glyphSets {
            for (w, h) in [(80, 24), (120, 40)] {
                var s = Fixture.state(glyphs, width: w, height: h)
                s.apply(.runCommand("compare become article 39"))
                s.press(.char("j"))
                Golden.check("compare-\(w)x\(h)-\(glyphName)", render(s, width: w, height: h))
            }
        }
    }

    @Test func presenterSlides() {
        for (glyphName, glyphs) in Self.glyphSets {
            var s = Fixture.state(glyphs, width: 80, height: 24, showKeys: true)
            s.apply(.runCommand("proposal iro"))
            s.press(.char("h"), .char("P"))   // from the proposals pane: the title slide
            Golden.check("presenter-title-80x24-\(glyphName)", render(s, width: 80, height: 24))
            s.press(.right)   // Robin Sen, two quotes
            Golden.check("presenter-slide-80x24-\(glyphName)", render(s, width: 80, height: 24))
            s.press(.char(" "), .char(" "))   // Article 39, with a URL
            Golden.check("presenter-last-80x24-\(glyphName)", render(s, width: 80, height: 24))
        }
        var s = Fixture.state(width: 120, height: 40)
        s.apply(.openProposal("regional-commissioning", stakeholder: "adcs"))
        s.press(.char("P"))
        Golden.check("presenter-slide-120x40-unicode", render(s, width: 120, height: 40))
    }

    @Test func timeline() {
        var s = Fixture.state(width: 80, height: 24)
        s.apply(.runCommand("proposal iro"))
        s.press(.char("t"))
        Golden.check("timeline-80x24-unicode", render(s, width: 80, height: 24))
        var wide = Fixture.state(width: 120, height: 40)
        wide.apply(.runCommand("stakeholder robin"))
        wide.press(.char("t"))
        Golden.check("timeline-stakeholder-120x40-unicode", render(wide, width: 120, height: 40))
    }

    @Test func marksAndNotes() {
        for (glyphName, glyphs) in Self.glyphSets {
            let saved = Annotations(marked: ["become-iro", "article-39-iro"], notes: ["become-iro": "Ask Become about advocacy timing."])
            var s = Fixture.state(glyphs, width: 80, height: 24, annotations: saved)
            s.apply(.runCommand("proposal iro"))
            s.press(.down, .enter)
            Golden.check("marks-80x24-\(glyphName)", render(s, width: 80, height: 24))
        }
        var s = Fixture.state(width: 80, height: 24)
        s.apply(.openProposal("iro-abolition", stakeholder: "become"))
        s.press(.char("a"))
        s.type("Follow up")
        Golden.check("note-editing-80x24-unicode", render(s, width: 80, height: 24))
    }

    @Test func smallTerminals() {
        var s = Fixture.state(width: 40, height: 12)
        s.apply(.openProposal("iro-abolition", stakeholder: "robin-sen"))
        s.press(.char("M"))
        Golden.check("matrix-40x12-unicode", render(s, width: 40, height: 12))
        s.apply(.runCommand("compare robin become"))
        Golden.check("compare-40x12-unicode", render(s, width: 40, height: 12))
        s.apply(.openProposal("iro-abolition", stakeholder: "robin-sen"))
        s.press(.char("P"))
        Golden.check("presenter-slide-40x12-unicode", render(s, width: 40, height: 12))
    }
}
