/// A key press, as the backend decodes it.
public enum Key: Hashable, Sendable {
    case char(Character)      // a printable character (shifted letters arrive as uppercase)
    case ctrl(Character)      // Ctrl + a lowercase letter
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, backspace, delete, tab, backTab, escape
    case altLeft, altRight

    /// The key's name in help and hints.
    public func label(_ glyphs: GlyphSet) -> String {
        let u = glyphs.isUnicode
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .ctrl(let c): return "Ctrl-" + String(c)
        case .up: return u ? "↑" : "Up"
        case .down: return u ? "↓" : "Down"
        case .left: return u ? "←" : "Left"
        case .right: return u ? "→" : "Right"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .enter: return "Enter"
        case .backspace: return "Backspace"
        case .delete: return "Delete"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .escape: return "Esc"
        case .altLeft: return u ? "Alt-←" : "Alt-Left"
        case .altRight: return u ? "Alt-→" : "Alt-Right"
        }
    }
}

/// A mouse event at a screen cell (0-based row and column).
public struct MouseEvent: Hashable, Sendable {
    /// `drag`: moved with the left button held; `release`: the button let go.
    public enum Kind: Hashable, Sendable { case click, doubleClick, wheelUp, wheelDown, drag, release }
    public let kind: Kind
    public let row: Int
    public let col: Int
    public init(_ kind: Kind, row: Int, col: Int) { self.kind = kind; self.row = row; self.col = col }
}
