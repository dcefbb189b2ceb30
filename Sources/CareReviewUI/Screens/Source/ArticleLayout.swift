import CareReview

/// An article wrapped to a width, with the scalar offset each line starts
/// at, so quotes (scalar ranges) map to lines. Built when the reader opens
/// or the width changes; kept in the state so frames don't re-wrap.
public struct ArticleLayout: Sendable {
    public let document: String
    public let width: Int
    public let unicode: Bool
    public let lines: [[StyledGlyph]]
    public let starts: [Int]

    public init(document: Document, width: Int, glyphs: GlyphSet) {
        self.document = document.id
        self.width = width
        unicode = glyphs.isUnicode
        var lines: [[StyledGlyph]] = []
        var starts: [Int] = []
        var offset = 0
        for source in document.text.split(separator: "\n", omittingEmptySubsequences: false) {
            let glyphs = SafeGlyphs.make(source, glyphs: glyphs, baseOffset: offset)
            for l in TextLayout.wrap(glyphs, width: width) {
                starts.append(l.first?.offset ?? offset)
                lines.append(l)
            }
            offset += source.unicodeScalars.count + 1
        }
        // Keep starts ascending even across empty lines.
        for i in starts.indices.dropFirst() where starts[i] < starts[i - 1] { starts[i] = starts[i - 1] }
        self.lines = lines
        self.starts = starts
    }

    func matches(_ document: String, width: Int, glyphs: GlyphSet) -> Bool {
        self.document == document && self.width == width && unicode == glyphs.isUnicode
    }

    /// The line holding a scalar offset (the last line starting at or before it).
    public func line(containing offset: Int) -> Int {
        var lo = 0, hi = starts.count - 1, best = 0
        while lo <= hi {
            let mid = (lo + hi) / 2
            if starts[mid] <= offset { best = mid; lo = mid + 1 } else { hi = mid - 1 }
        }
        return best
    }
}
