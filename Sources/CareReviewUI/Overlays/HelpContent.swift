import CareReview

/// The help overlay's text, generated from the key table (and the command
/// and stance vocabularies), so it always matches what the keys do.
public enum HelpContent {
    /// Lines of (keys column, description, is heading).
    public static func entries(_ g: GlyphSet) -> [(keys: String, text: String, heading: Bool)] {
        var out: [(String, String, Bool)] = []
        for context in KeyContext.allCases {
            let bindings = KeyBindings.bindings(in: context)
            guard !bindings.isEmpty else { continue }
            if !out.isEmpty { out.append(("", "", false)) }
            out.append((context.rawValue, "", true))
            for b in bindings { out.append((b.keys.map { $0.label(g) }.joined(separator: " "), b.help, false)) }
        }
        out.append(("", "", false))
        out.append(("Mouse", "", true))
        for (k, t) in KeyBindings.mouseHelp { out.append((k, t, false)) }
        out.append(("", "", false))
        out.append(("Commands (:)", "", true))
        for c in CommandLineCommands.all { out.append((":" + c.name, c.usage, false)) }
        out.append(("", "", false))
        out.append(("Stances", "", true))
        for s in Stance.allCases { out.append((g.stance(s) + " " + s.rawValue, s.explanation, false)) }
        return out
    }

    static func lineCount(_ g: GlyphSet) -> Int { entries(g).count }

    static func lines(_ g: GlyphSet, width: Int) -> [[StyledGlyph]] {
        let keyWidth = min(22, max(8, width / 3))
        return entries(g).map { e in
            if e.heading { return SafeGlyphs.make(e.keys, style: Style(.groupHeader, bold: true), glyphs: g) }
            let keys = TextLayout.fit(SafeGlyphs.make("  " + e.keys, style: Style(.key, bold: true), glyphs: g),
                                      width: keyWidth, ellipsis: g.ellipsis, padStyle: .normal)
            return keys + SafeGlyphs.make(" " + e.text, glyphs: g)
        }
    }
}
