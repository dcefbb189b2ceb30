import Foundation

/// Makes text from data safe to show on a terminal: control characters
/// (C0, DEL, C1 — the start of every escape sequence) become visible
/// placeholders instead of reaching the terminal; bidi overrides, embeddings,
/// isolates and marks (which reorder what follows) become visible tags such
/// as `<RLO>`; tabs become spaces. Terminals (and curses' cells) disagree
/// on the width of emoji sequences, so they are shown by their parts: a
/// ZWJ sequence as its emoji side by side, a flag as its two letters
/// (🇬🇧 → GB), a skin-tone modifier dropped. Every character that remains
/// is 0, 1 or 2 columns wide on every terminal, as `DisplayWidth` says.
public enum TerminalSafeText {
    /// `unicode`: placeholders from the Control Pictures block (␛, ␇, …);
    /// otherwise caret notation (^[, ^G) for ASCII-only terminals.
    public static func sanitize(_ text: some StringProtocol, unicode: Bool = true, keepNewlines: Bool = false) -> String {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return String(text) }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            let v = s.value
            if v == 0x0A && keepNewlines { out.append(s); continue }
            if v == 0x09 { out.append(contentsOf: "    ".unicodeScalars); continue }
            if v < 0x20 {
                if unicode { out.append(Unicode.Scalar(0x2400 + v)!) } else { out.append(contentsOf: "^\(Character(Unicode.Scalar(v + 0x40)!))".unicodeScalars) }
            } else if v == 0x7F {
                if unicode { out.append("\u{2421}") } else { out.append(contentsOf: "^?".unicodeScalars) }
            } else if v >= 0x80 && v < 0xA0 {
                if unicode { out.append("\u{FFFD}") } else { out.append(contentsOf: "^?".unicodeScalars) }
            } else if (v == 0x2028 || v == 0x2029) {
                out.append(keepNewlines ? "\n" : " ")
            } else if let tag = bidiTags[v] {
                out.append(contentsOf: "<\(tag)>".unicodeScalars)
            } else if v >= 0x1F3FB && v <= 0x1F3FF {
                continue                                   // skin tone: terminals disagree on its width
            } else if v == 0x200D {
                continue                                   // a ZWJ sequence shows as its parts
            } else if v >= 0x1F1E6 && v <= 0x1F1FF {
                out.append(Unicode.Scalar(v - 0x1F1E6 + 0x41)!)   // a flag shows as its two letters
            } else {
                out.append(s)
            }
        }
        return String(out)
    }

    /// Characters that reorder the text around them when a terminal applies
    /// the bidi algorithm, shown by their abbreviations instead.
    static let bidiTags: [UInt32: String] = [
        0x061C: "ALM", 0x200E: "LRM", 0x200F: "RLM",
        0x202A: "LRE", 0x202B: "RLE", 0x202C: "PDF", 0x202D: "LRO", 0x202E: "RLO",
        0x2066: "LRI", 0x2067: "RLI", 0x2068: "FSI", 0x2069: "PDI",
    ]

    /// For terminals that cannot show UTF-8: typographic punctuation becomes
    /// its ASCII look-alike, accented letters lose accents, anything else '?'.
    public static func asciiFallback(_ text: some StringProtocol) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return String(text) }
        var out = ""
        for c in text {
            if c.isASCII { out.append(c); continue }
            switch c {
            case "‘", "’", "‚", "‛", "′": out += "'"
            case "“", "”", "„", "‟", "″", "«", "»": out += "\""
            case "–": out += "-"
            case "—": out += "--"
            case "…": out += "..."
            case "·", "•": out += "*"
            case "\u{A0}": out += " "
            default:
                let folded = String(c).folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
                if let f = folded.first, f.isASCII, folded.count == 1 {
                    out.append(c.isUppercase ? Character(f.uppercased()) : f)
                } else {
                    out += "?"
                }
            }
        }
        return out
    }
}
