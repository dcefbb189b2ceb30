import CareReview

/// What a piece of the screen *means*. Themes (`Palette`) decide how each
/// role looks; views never pick colours themselves.
public enum Role: Hashable, Sendable {
    case normal
    case chrome            // header and status lines
    case title             // pane titles, headings
    case groupHeader       // "● supports (3)" rows inside lists
    case selection         // the selected row of an unfocused pane
    case focusedSelection  // the selected row of the focused pane
    case highlight         // a search match
    case quote             // the quote being read (source reader, detail)
    case otherQuote        // other coded quotes in an article
    case dim               // secondary text: kinds, dates, hints
    case stance(Stance)
    case error
    case key               // key names in help and hints
    case border
    case input             // the command / search line being edited

    /// Every role, for backends that set up one colour pair per role.
    public static var allCases: [Role] {
        [.normal, .chrome, .title, .groupHeader, .selection, .focusedSelection, .highlight, .quote, .otherQuote,
         .dim, .error, .key, .border, .input] + Stance.allCases.map { .stance($0) }
    }
}

/// A cell's style: a semantic role plus attribute flags views add for
/// emphasis. The palette combines both.
public struct Style: Hashable, Sendable {
    public var role: Role
    public var bold: Bool
    public var underline: Bool
    public var reverse: Bool

    public init(_ role: Role = .normal, bold: Bool = false, underline: Bool = false, reverse: Bool = false) {
        self.role = role; self.bold = bold; self.underline = underline; self.reverse = reverse
    }

    public static let normal = Style()
    public static let chrome = Style(.chrome)
    public static let dim = Style(.dim)
    public static let border = Style(.border)
    public static let title = Style(.title, bold: true)
}
