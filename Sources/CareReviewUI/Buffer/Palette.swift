import CareReview

/// The theme a user picks (`--theme`, `:theme`, config).
public enum ThemeName: String, CaseIterable, Sendable, Codable {
    case `default` = "default"
    /// For terminals with a light background: dark text, 4.5:1 or better against white.
    case light = "light"
    case highContrast = "high-contrast"
    case mono = "mono"
}

/// A terminal colour for both 256- and 8-colour terminals; -1 is the
/// terminal's own default colour.
public struct TerminalColor: Hashable, Sendable {
    public let color256: Int
    public let color8: Int
    public init(_ color256: Int, _ color8: Int) { self.color256 = color256; self.color8 = color8 }

    public static let terminalDefault = TerminalColor(-1, -1)
    public static let black = TerminalColor(0, 0)
    public static let red = TerminalColor(160, 1)
    public static let green = TerminalColor(28, 2)
    public static let yellow = TerminalColor(178, 3)
    public static let blue = TerminalColor(25, 4)
    public static let magenta = TerminalColor(127, 5)
    public static let cyan = TerminalColor(37, 6)
    public static let white = TerminalColor(15, 7)
    public static let grey = TerminalColor(244, 7)
    public static let darkGrey = TerminalColor(238, 0)
    public static let orange = TerminalColor(172, 3)
    public static let lightGreen = TerminalColor(71, 2)
    public static let brightYellow = TerminalColor(226, 3)
}

/// How one role looks under a theme.
public struct RoleLook: Hashable, Sendable {
    public var foreground: TerminalColor
    public var background: TerminalColor
    public var bold: Bool
    public var underline: Bool
    public var reverse: Bool
    public var dim: Bool

    public init(_ foreground: TerminalColor = .terminalDefault, _ background: TerminalColor = .terminalDefault,
                bold: Bool = false, underline: Bool = false, reverse: Bool = false, dim: Bool = false) {
        self.foreground = foreground; self.background = background
        self.bold = bold; self.underline = underline; self.reverse = reverse; self.dim = dim
    }
}

/// How many colours the terminal has; `none` for NO_COLOR, TERM=dumb, --no-color.
public enum ColorDepth: Sendable { case none, eight, full256 }

/// What a backend sends to the terminal for a cell: colour numbers for the
/// terminal's depth (-1 = default) and attributes.
public struct TerminalAttributes: Hashable, Sendable {
    public var foreground: Int
    public var background: Int
    public var bold: Bool
    public var underline: Bool
    public var reverse: Bool
    public var dim: Bool
}

/// A theme as data: role → look. The backend turns looks into colour pairs
/// and attributes; nothing here talks to a terminal.
public struct Palette: Sendable {
    public let name: ThemeName
    public let looks: [Role: RoleLook]

    public func look(_ role: Role) -> RoleLook { looks[role] ?? RoleLook() }

    /// The attributes of a styled cell at a colour depth. The style's own
    /// flags add to the role's; with no colours, roles that relied on colour
    /// fall back to the mono theme's attributes.
    public func attributes(_ style: Style, depth: ColorDepth) -> TerminalAttributes {
        let look = depth == .none ? Palette.mono.look(style.role) : look(style.role)
        func pick(_ c: TerminalColor) -> Int {
            switch depth { case .none: -1; case .eight: c.color8; case .full256: c.color256 }
        }
        return TerminalAttributes(foreground: pick(look.foreground), background: pick(look.background),
                                  bold: look.bold || style.bold, underline: look.underline || style.underline,
                                  reverse: look.reverse != style.reverse, dim: look.dim)
    }

    public static func named(_ name: ThemeName) -> Palette {
        switch name {
        case .default: .standard
        case .light: .light
        case .highContrast: .highContrast
        case .mono: .mono
        }
    }

    public static let standard = Palette(name: .default, looks: [
        .normal: RoleLook(),
        .chrome: RoleLook(.white, .blue),
        .title: RoleLook(.cyan, bold: true),
        .groupHeader: RoleLook(.yellow, bold: true),
        .selection: RoleLook(.terminalDefault, .darkGrey),
        .focusedSelection: RoleLook(.white, .blue, bold: true),
        .highlight: RoleLook(.black, .brightYellow),
        .quote: RoleLook(.black, .cyan),
        .otherQuote: RoleLook(.cyan, underline: true),
        .dim: RoleLook(.grey, dim: true),
        .stance(.supports): RoleLook(.green, bold: true),
        .stance(.qualified): RoleLook(.lightGreen),
        .stance(.mixed): RoleLook(.yellow),
        .stance(.concerned): RoleLook(.orange),
        .stance(.opposes): RoleLook(.red, bold: true),
        .error: RoleLook(.white, .red, bold: true),
        .key: RoleLook(.cyan, bold: true),
        .border: RoleLook(.grey),
        .input: RoleLook(bold: true),
    ])

    /// Dark colours for a light (white) background. Every text colour keeps
    /// at least 4.5:1 contrast against white (or against its own background),
    /// checked by a test from the xterm-256 values.
    public static let light = Palette(name: .light, looks: [
        .normal: RoleLook(),
        .chrome: RoleLook(.white, TerminalColor(25, 4)),
        .title: RoleLook(TerminalColor(24, 4), bold: true),
        .groupHeader: RoleLook(TerminalColor(94, 5), bold: true),
        .selection: RoleLook(.black, TerminalColor(252, 7)),
        .focusedSelection: RoleLook(.white, TerminalColor(25, 4), bold: true),
        .highlight: RoleLook(.black, TerminalColor(229, 3)),
        .quote: RoleLook(.black, TerminalColor(153, 6)),
        .otherQuote: RoleLook(TerminalColor(24, 4), underline: true),
        .dim: RoleLook(TerminalColor(240, 0)),
        .stance(.supports): RoleLook(TerminalColor(22, 2), bold: true),
        .stance(.qualified): RoleLook(TerminalColor(28, 2)),
        .stance(.mixed): RoleLook(TerminalColor(94, 5)),
        .stance(.concerned): RoleLook(TerminalColor(130, 5)),
        .stance(.opposes): RoleLook(TerminalColor(124, 1), bold: true),
        .error: RoleLook(.white, TerminalColor(124, 1), bold: true),
        .key: RoleLook(TerminalColor(24, 4), bold: true),
        .border: RoleLook(TerminalColor(240, 0)),
        .input: RoleLook(bold: true),
    ])

    /// For projectors and screen-sharing: black on white chrome, saturated
    /// colours, bold everywhere it helps.
    public static let highContrast = Palette(name: .highContrast, looks: [
        .normal: RoleLook(.white, .black),
        .chrome: RoleLook(.black, .white, bold: true),
        .title: RoleLook(.white, .black, bold: true, underline: true),
        .groupHeader: RoleLook(.brightYellow, .black, bold: true),
        .selection: RoleLook(.black, .grey),
        .focusedSelection: RoleLook(.black, .brightYellow, bold: true),
        .highlight: RoleLook(.black, .cyan, bold: true),
        .quote: RoleLook(.black, .white, bold: true),
        .otherQuote: RoleLook(.white, .black, underline: true),
        .dim: RoleLook(.white, .black),
        .stance(.supports): RoleLook(TerminalColor(46, 2), .black, bold: true),
        .stance(.qualified): RoleLook(TerminalColor(46, 2), .black),
        .stance(.mixed): RoleLook(.brightYellow, .black, bold: true),
        .stance(.concerned): RoleLook(TerminalColor(208, 3), .black, bold: true),
        .stance(.opposes): RoleLook(TerminalColor(196, 1), .black, bold: true),
        .error: RoleLook(.white, TerminalColor(196, 1), bold: true),
        .key: RoleLook(.brightYellow, .black, bold: true),
        .border: RoleLook(.white, .black),
        .input: RoleLook(.white, .black, bold: true),
    ])

    /// No colour at all: bold, reverse and underline only.
    public static let mono = Palette(name: .mono, looks: [
        .normal: RoleLook(),
        .chrome: RoleLook(reverse: true),
        .title: RoleLook(bold: true),
        .groupHeader: RoleLook(bold: true, underline: true),
        .selection: RoleLook(underline: true),
        .focusedSelection: RoleLook(bold: true, reverse: true),
        .highlight: RoleLook(bold: true, underline: true),
        .quote: RoleLook(reverse: true),
        .otherQuote: RoleLook(underline: true),
        .dim: RoleLook(dim: true),
        .stance(.supports): RoleLook(bold: true),
        .stance(.qualified): RoleLook(),
        .stance(.mixed): RoleLook(),
        .stance(.concerned): RoleLook(),
        .stance(.opposes): RoleLook(bold: true),
        .error: RoleLook(bold: true, reverse: true),
        .key: RoleLook(bold: true),
        .border: RoleLook(),
        .input: RoleLook(bold: true),
    ])
}
