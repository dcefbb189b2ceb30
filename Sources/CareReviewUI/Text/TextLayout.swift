import CareReview
import TerminalText

/// Wrapping and truncation by display width. A glyph is never split; a
/// line never exceeds the width (a wide glyph that cannot fit a 1-column
/// line is replaced by the ellipsis).
public enum TextLayout {
    public static func width(_ glyphs: [StyledGlyph]) -> Int { glyphs.reduce(0) { $0 + $1.width } }

    /// Cuts to `width` columns, ending with the ellipsis when anything was
    /// cut; at the last word boundary when that keeps most of the room.
    public static func truncate(_ glyphs: [StyledGlyph], width: Int, ellipsis: String) -> [StyledGlyph] {
        guard width > 0 else { return [] }
        if self.width(glyphs) <= width { return glyphs }
        let mark = ellipsis.count <= width ? ellipsis : String(ellipsis.prefix(width))
        let markWidth = DisplayWidth.of(mark)
        var out: [StyledGlyph] = []
        var used = 0
        for g in glyphs {
            if used + g.width > width - markWidth { break }
            out.append(g); used += g.width
        }
        if out.count < glyphs.count, !glyphs[out.count].isSpace, out.last?.isSpace == false,
           let space = out.lastIndex(where: \.isSpace), space >= out.count * 2 / 3 {
            out.removeSubrange(space...)
        }
        while out.last?.isSpace == true { out.removeLast() }
        let style = out.last?.style ?? glyphs.first?.style ?? .normal
        let offset = out.last?.offset ?? glyphs.first?.offset ?? 0
        for c in mark { out.append(StyledGlyph(String(c), width: 1, style: style, offset: offset)) }
        return out
    }

    /// Greedy word wrap. Breaks after spaces, hyphens, dashes and slashes;
    /// a word longer than the line is broken between characters. Spaces at
    /// the start of a continuation line are dropped. Always at least one line.
    public static func wrap(_ glyphs: [StyledGlyph], width: Int) -> [[StyledGlyph]] {
        guard width > 0 else { return [[]] }
        var lines: [[StyledGlyph]] = []
        var line: [StyledGlyph] = []
        var lineWidth = 0
        var lastBreak: Int? = nil   // index in `line` after which we may break
        for g in glyphs {
            if g.width > width { continue }   // only possible for width 1 and a wide glyph
            if lineWidth + g.width > width {
                if g.isSpace { lines.append(line); line = []; lineWidth = 0; lastBreak = nil; continue }
                if let b = lastBreak {
                    let rest = Array(line[(b + 1)...])
                    lines.append(trimTrailingSpaces(Array(line[...b])))
                    line = rest; lineWidth = self.width(rest)
                } else {
                    lines.append(line); line = []; lineWidth = 0
                }
                lastBreak = nil
                for (i, r) in line.enumerated() where isBreak(r) { lastBreak = i }
                // The rest may still not leave room for a wide glyph.
                if lineWidth + g.width > width { lines.append(line); line = []; lineWidth = 0; lastBreak = nil }
            }
            if line.isEmpty && g.isSpace && !lines.isEmpty { continue }
            line.append(g); lineWidth += g.width
            if isBreak(g) { lastBreak = line.count - 1 }
        }
        lines.append(trimTrailingSpaces(line))
        return lines
    }

    private static func isBreak(_ g: StyledGlyph) -> Bool {
        switch g.grapheme { case " ", "-", "—", "–", "/": true; default: false }
    }

    private static func trimTrailingSpaces(_ line: [StyledGlyph]) -> [StyledGlyph] {
        var l = line
        while l.last?.isSpace == true { l.removeLast() }
        return l
    }

    /// Wraps multi-line text: each source line wrapped separately; empty
    /// source lines stay as empty lines.
    public static func wrapParagraphs(_ text: String, width: Int, style: Style = .normal, glyphs: GlyphSet) -> [[StyledGlyph]] {
        SafeGlyphs.lines(text, style: style, glyphs: glyphs).flatMap { wrap($0, width: width) }
    }

    // String conveniences, mostly for tests and simple labels.

    public static func truncate(_ text: String, width: Int, glyphs: GlyphSet) -> String {
        truncate(SafeGlyphs.make(text, glyphs: glyphs), width: width, ellipsis: glyphs.ellipsis).map(\.grapheme).joined()
    }

    public static func wrap(_ text: String, width: Int, glyphs: GlyphSet) -> [String] {
        wrapParagraphs(text, width: width, glyphs: glyphs).map { $0.map(\.grapheme).joined() }
    }

    /// Pads or truncates to exactly `width` columns.
    public static func fit(_ glyphs: [StyledGlyph], width: Int, ellipsis: String, padStyle: Style? = nil) -> [StyledGlyph] {
        var out = truncate(glyphs, width: width, ellipsis: ellipsis)
        let style = padStyle ?? out.last?.style ?? .normal
        var w = self.width(out)
        while w < width { out.append(StyledGlyph(" ", width: 1, style: style, offset: out.last?.offset ?? 0)); w += 1 }
        return out
    }
}
