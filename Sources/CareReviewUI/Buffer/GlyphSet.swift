import CareReview

/// The characters the interface draws with: box drawing, stance glyphs,
/// ellipsis. `.ascii` is for terminals whose locale is not UTF-8; with it,
/// data text is also folded to ASCII so nothing shows as mojibake.
public struct GlyphSet: Hashable, Sendable {
    public let isUnicode: Bool
    public let vertical: String
    public let horizontal: String
    public let topLeft, topRight, bottomLeft, bottomRight: String
    public let ellipsis: String
    public let marker: String        // the current quote in a detail pane
    public let separator: String     // between breadcrumb parts
    public let checked, unchecked: String
    public let mark: String          // a position marked for the brief
    public let columnMarker: String  // the matrix cursor's column
    /// Before a quote's source: an em dash, or a word in ASCII, where "--" is a stance.
    public var citationDash: String { isUnicode ? "— " : "from: " }
    /// Under a pane whose text goes on below its last row.
    public var moreBelow: String { isUnicode ? "more ↓" : "more v" }

    /// Stance glyphs: a filling circle from supports (full) to opposes (empty),
    /// or the dataset's ASCII symbols.
    public func stance(_ s: Stance) -> String {
        guard isUnicode else { return s.symbol }
        switch s {
        case .supports: return "●"
        case .qualified: return "◕"
        case .mixed: return "◑"
        case .concerned: return "◔"
        case .opposes: return "○"
        }
    }

    public static let unicode = GlyphSet(isUnicode: true, vertical: "│", horizontal: "─", topLeft: "┌", topRight: "┐",
                                         bottomLeft: "└", bottomRight: "┘", ellipsis: "…", marker: "▶",
                                         separator: " › ", checked: "[x]", unchecked: "[ ]",
                                         mark: "★", columnMarker: "▼")
    public static let ascii = GlyphSet(isUnicode: false, vertical: "|", horizontal: "-", topLeft: "+", topRight: "+",
                                       bottomLeft: "+", bottomRight: "+", ellipsis: "~", marker: ">",
                                       separator: " > ", checked: "[x]", unchecked: "[ ]",
                                       mark: "#", columnMarker: "v")
}
