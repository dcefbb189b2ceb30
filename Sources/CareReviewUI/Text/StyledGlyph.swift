import CareReview
import TerminalText

/// One displayable character after sanitising: its grapheme, its width (1 or
/// 2), its style, and the Unicode-scalar offset in the source text it came
/// from (so highlights given as scalar ranges can be mapped onto lines).
public struct StyledGlyph: Hashable, Sendable {
    public var grapheme: String
    public var width: Int
    public var style: Style
    public var offset: Int

    public init(_ grapheme: String, width: Int, style: Style = .normal, offset: Int = 0) {
        self.grapheme = grapheme; self.width = width; self.style = style; self.offset = offset
    }

    var isSpace: Bool { grapheme == " " }
}

/// Turns data text into glyphs that are safe to put in a cell: control and
/// escape characters become visible placeholders, zero-width characters
/// join the glyph before them (or are dropped), and in ASCII mode everything
/// is folded to ASCII.
public enum SafeGlyphs {
    /// Glyphs of `text`, one line (newlines become placeholders).
    public static func make(_ text: some StringProtocol, style: Style = .normal, glyphs: GlyphSet,
                            baseOffset: Int = 0) -> [StyledGlyph] {
        var out: [StyledGlyph] = []
        out.reserveCapacity(text.utf8.count)
        var offset = baseOffset
        for c in text {
            let scalars = c.unicodeScalars.count
            defer { offset += scalars }
            if let a = c.asciiValue, a >= 0x20, a < 0x7F {
                out.append(StyledGlyph(String(c), width: 1, style: style, offset: offset))
                continue
            }
            var safe = TerminalSafeText.sanitize(String(c), unicode: glyphs.isUnicode)
            if !glyphs.isUnicode { safe = TerminalSafeText.asciiFallback(safe) }
            for d in safe {
                let w = DisplayWidth.of(d)
                if w == 0 {
                    // A lone combining mark or format character: attach it to
                    // the previous glyph so it cannot occupy a cell alone.
                    if glyphs.isUnicode, let last = out.indices.last, !isFormat(d) { out[last].grapheme += String(d) }
                    continue
                }
                out.append(StyledGlyph(String(d), width: min(w, 2), style: style, offset: offset))
            }
        }
        return out
    }

    /// Bidi controls and other format characters are never shown.
    private static func isFormat(_ c: Character) -> Bool {
        c.unicodeScalars.allSatisfy { $0.properties.generalCategory == .format }
    }

    /// Safe text as a plain string (for status lines and tests).
    public static func clean(_ text: some StringProtocol, glyphs: GlyphSet) -> String {
        make(text, glyphs: glyphs).map(\.grapheme).joined()
    }

    /// Splits text into lines at newlines, keeping scalar offsets.
    public static func lines(_ text: String, style: Style = .normal, glyphs: GlyphSet, baseOffset: Int = 0) -> [[StyledGlyph]] {
        var result: [[StyledGlyph]] = []
        var offset = baseOffset
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            // "\r\n" is one Character in Swift, so split on "\n" leaves no "\r";
            // a lone "\r" stays and is shown as a placeholder.
            result.append(make(line, style: style, glyphs: glyphs, baseOffset: offset))
            offset += line.unicodeScalars.count + 1
        }
        return result
    }
}
