/// A rectangle of the screen, in cells.
public struct Rect: Hashable, Sendable {
    public var row: Int
    public var col: Int
    public var width: Int
    public var height: Int

    public init(row: Int, col: Int, width: Int, height: Int) {
        self.row = row; self.col = col; self.width = max(0, width); self.height = max(0, height)
    }

    public var isEmpty: Bool { width <= 0 || height <= 0 }
    public func contains(row r: Int, col c: Int) -> Bool {
        r >= row && r < row + height && c >= col && c < col + width
    }
    /// The rectangle without its first `n` rows.
    public func dropping(top n: Int) -> Rect { Rect(row: row + n, col: col, width: width, height: height - n) }
    public func inset(_ n: Int) -> Rect { Rect(row: row + n, col: col + n, width: width - 2 * n, height: height - 2 * n) }
}

extension ScreenBuffer {
    /// Fills a rectangle with blanks of a style.
    mutating func fill(_ rect: Rect, style: Style) {
        for r in rect.row..<(rect.row + rect.height) {
            for c in rect.col..<(rect.col + rect.width) { set(row: r, col: c, Cell(" ", style: style)) }
        }
    }

    /// Draws glyphs from (row, col), clipped to `maxWidth` columns; a wide
    /// glyph that would straddle the limit is replaced by a space. Returns
    /// the columns used.
    @discardableResult
    mutating func draw(_ glyphs: [StyledGlyph], row: Int, col: Int, maxWidth: Int) -> Int {
        var used = 0
        for g in glyphs {
            if used + g.width > maxWidth {
                if used < maxWidth { set(row: row, col: col + used, Cell(" ", style: g.style)); used += 1 }
                break
            }
            set(row: row, col: col + used, Cell(g.grapheme, width: g.width, style: g.style))
            used += g.width
        }
        return used
    }

    /// Draws a line of glyphs across a rectangle's row, padding the rest
    /// with blanks in `pad` style.
    mutating func drawLine(_ glyphs: [StyledGlyph], in rect: Rect, line: Int, pad: Style) {
        guard line >= 0, line < rect.height, rect.width > 0 else { return }
        // Text wider than the rectangle is cut with the ellipsis, never silently.
        let fitted = TextLayout.width(glyphs) > rect.width ? TextLayout.truncate(glyphs, width: rect.width, ellipsis: ellipsis) : glyphs
        let used = draw(fitted, row: rect.row + line, col: rect.col, maxWidth: rect.width)
        for c in used..<rect.width { set(row: rect.row + line, col: rect.col + c, Cell(" ", style: pad)) }
    }

    /// A box border around a rectangle (overlays).
    mutating func box(_ rect: Rect, glyphs: GlyphSet, style: Style) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let right = rect.col + rect.width - 1, bottom = rect.row + rect.height - 1
        for c in (rect.col + 1)..<right {
            set(row: rect.row, col: c, Cell(glyphs.horizontal, style: style))
            set(row: bottom, col: c, Cell(glyphs.horizontal, style: style))
        }
        for r in (rect.row + 1)..<bottom {
            set(row: r, col: rect.col, Cell(glyphs.vertical, style: style))
            set(row: r, col: right, Cell(glyphs.vertical, style: style))
        }
        set(row: rect.row, col: rect.col, Cell(glyphs.topLeft, style: style))
        set(row: rect.row, col: right, Cell(glyphs.topRight, style: style))
        set(row: bottom, col: rect.col, Cell(glyphs.bottomLeft, style: style))
        set(row: bottom, col: right, Cell(glyphs.bottomRight, style: style))
    }
}
