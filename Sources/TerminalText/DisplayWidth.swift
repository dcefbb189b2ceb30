/// How many terminal columns text occupies, the way tmux (the terminal the
/// end-to-end tests use) and wcwidth-based terminals lay it out: each scalar
/// has a width (0 for combining marks and format characters, 2 for East
/// Asian wide and emoji-presentation characters, 1 otherwise) and a scalar
/// after a zero-width joiner joins the cell before it. So a ZWJ family is
/// 2 columns, a flag (two regional indicators) 2, "❤️" 1, "é" 1, "中" 2.
/// `TerminalSafeText.sanitize` splits such sequences first, so no sanitised
/// character is wider than 2 and every terminal agrees.
public enum DisplayWidth {
    public static func of(_ c: Character) -> Int {
        let scalars = c.unicodeScalars
        if scalars.count == 1 { return of(scalars.first!) }
        var width = 0
        var joined = false
        for s in scalars {
            if s.value == 0x200D { joined = true; continue }
            if joined { joined = false; continue }
            width += of(s)
        }
        return width
    }

    public static func of(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }   // controls: callers sanitise these first
        if v < 0x300 { return 1 }
        if isRegionalIndicator(v) { return 1 }                  // a pair (a flag) is 2
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if v == 0x200B || (v >= 0xFE00 && v <= 0xFE0F) || (v >= 0x1160 && v <= 0x11FF) { return 0 }
        if s.properties.isEmojiPresentation || isWide(v) { return 2 }
        return 1
    }

    public static func of(_ text: some StringProtocol) -> Int {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        return text.reduce(0) { $0 + of($1) }
    }

    static func isRegionalIndicator(_ v: UInt32) -> Bool { v >= 0x1F1E6 && v <= 0x1F1FF }

    /// East Asian Wide and Fullwidth blocks (emoji come from the emoji-presentation property).
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
        0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
        0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x18AFF, 0x1B000...0x1B2FF, 0x1F200...0x1F2FF,
        0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]

    static func isWide(_ v: UInt32) -> Bool {
        var lo = 0, hi = wideRanges.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let r = wideRanges[mid]
            if v < r.lowerBound { hi = mid - 1 } else if v > r.upperBound { lo = mid + 1 } else { return true }
        }
        return false
    }
}
