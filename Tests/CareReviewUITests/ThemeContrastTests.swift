import Foundation
import CareReview
import Testing
@testable import CareReviewUI

/// The light theme's text reaches WCAG's 4.5:1 against a white terminal
/// background (or against the role's own background), computed from the
/// palette's xterm-256 colour numbers.
@Suite struct ThemeContrastTests {
    /// xterm's 256-colour palette as sRGB.
    static func rgb(_ index: Int) -> (Double, Double, Double) {
        let system: [(Double, Double, Double)] = [
            (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
            (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
        ]
        if index < 16 { return system[index] }
        if index < 232 {
            let i = index - 16, steps: [Double] = [0, 95, 135, 175, 215, 255]
            return (steps[i / 36], steps[(i / 6) % 6], steps[i % 6])
        }
        let v = Double(8 + (index - 232) * 10)
        return (v, v, v)
    }

    static func luminance(_ c: (Double, Double, Double)) -> Double {
        func lin(_ v: Double) -> Double { let s = v / 255; return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055).power(2.4) }
        return 0.2126 * lin(c.0) + 0.7152 * lin(c.1) + 0.0722 * lin(c.2)
    }

    static func contrast(_ a: Int, _ b: Int) -> Double {
        let x = luminance(rgb(a)), y = luminance(rgb(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    @Test func lightThemeTextReachesFourAndAHalfToOneOnWhite() {
        let white = 15, black = 0   // the terminal's own colours on a light background
        for role in Role.allCases {
            let look = Palette.light.look(role)
            let fg = look.foreground.color256 == -1 ? black : look.foreground.color256
            let bg = look.background.color256 == -1 ? white : look.background.color256
            #expect(Self.contrast(fg, bg) >= 4.5, "\(role): \(Self.contrast(fg, bg))")
        }
        // The default theme's headings on white, for comparison: what the issue measured.
        #expect(Self.contrast(Palette.standard.look(.groupHeader).foreground.color256, white) < 4.5)
    }

    @Test func lightIsATheme() {
        #expect(ThemeName(rawValue: "light") == .light && Palette.named(.light).name == .light)
        var s = Fixture.state()
        s.apply(.runCommand("theme light"))
        #expect(s.theme == .light && s.session.theme == .light)
    }
}

private extension Double {
    func power(_ e: Double) -> Double { exp(log(self) * e) }
}
