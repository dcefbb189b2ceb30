import CareReview

/// The title line, the status line and the message / input line.
extension State {

}

struct ChromeRenderer {
    let state: State
    var g: GlyphSet { state.glyphs }

    func text(_ s: String, _ style: Style) -> [StyledGlyph] { SafeGlyphs.make(s, style: style, glyphs: g) }

    /// Left part truncated first so the right part (counts, hint) stays visible.
    func split(_ left: [StyledGlyph], _ right: [StyledGlyph], width: Int, style: Style) -> [StyledGlyph] {
        let rightWidth = TextLayout.width(right)
        if rightWidth + 1 > width { return TextLayout.truncate(left, width: width, ellipsis: g.ellipsis) }
        return TextLayout.fit(left, width: width - rightWidth, ellipsis: g.ellipsis, padStyle: style) + right
    }

    func header(width: Int) -> [StyledGlyph] {
        let style = Style(.chrome, bold: true)
        var right = ""
        if state.current.screen == .browse || state.current.screen == .matrix { right = "sorted by \(state.sortLabel) " }
        let left = text(" Care Review: stakeholder positions", style)
        let r = text(right, Style(.chrome))
        return TextLayout.width(left) + TextLayout.width(r) + 1 > width
            ? TextLayout.truncate(left, width: width, ellipsis: g.ellipsis)
            : split(left, r, width: width, style: style)
    }

    func status(width: Int) -> [StyledGlyph] {
        let style = Style(.chrome)
        let left = text(" " + state.breadcrumb.joined(separator: g.separator), Style(.chrome, bold: true))
        var right: [StyledGlyph] = []
        switch state.current.screen {
        case .browse, .stakeholder: if state.timeline { right += text("  by date", Style(.chrome, bold: true)) }
        default: break
        }
        let marked = state.markedCount
        if marked > 0 { right += text("  \(g.mark)\(marked) marked", style) }
        if let p = state.listPosition { right += text("  " + p, style) }
        if state.maximised { right += text("  [z]", style) }
        right += text("  ? help ", style)
        if !state.filter.isEmpty {
            // The filter gets what is left after the breadcrumb's first 16 columns.
            let room = width - TextLayout.width(right) - min(16, TextLayout.width(left))
            let f = text("  filter: " + state.filter.description, Style(.chrome, bold: true))
            if room >= 12 { right = TextLayout.truncate(f, width: room, ellipsis: g.ellipsis) + right }
        }
        return split(left, right, width: width, style: style)
    }

    /// The input being typed, a message, or a hint built from the key table.
    /// Returns the glyphs and, when typing, the cursor column.
    func messageLine(width: Int) -> ([StyledGlyph], Int?) {
        switch state.mode {
        case .searchInput, .commandLine, .noteInput, .findInput:
            let prompt = state.mode == .searchInput ? "/" : state.mode == .noteInput ? "Note: "
                : state.mode == .findInput ? "Find in article: " : ":"
            let chars = state.line.characters
            var glyphs = text(prompt, Style(.key, bold: true))
            let before = text(String(chars[..<state.line.cursor]), Style(.input))
            let after = text(String(chars[state.line.cursor...]), Style(.input))
            var cursor = TextLayout.width(glyphs) + TextLayout.width(before)
            glyphs += before + after
            if state.mode == .searchInput {
                let info = state.search.index == nil ? "  indexing…" : state.search.query.trimmingSpaces.isEmpty ? "" : "  \(state.search.hits.count) results"
                glyphs += text(info, .dim)
            }
            // Keep the cursor on screen for long lines: show the tail.
            if cursor >= width, width > 0 {
                let drop = cursor - width + 1
                var dropped = 0, k = 0
                while k < glyphs.count, dropped < drop { dropped += glyphs[k].width; k += 1 }
                glyphs = Array(glyphs[k...])
                cursor -= dropped
            }
            return (glyphs, min(cursor, max(0, width - 1)))
        case .coding: return codingPrompt(width: width)
        case .help, .messageLog: return (hint([(.cancel, "close"), (.moveDown, "scroll")], width: width), nil)
        case .confirm:
            return (text((state.confirmation?.question ?? "") + " (y/n)", Style(.key, bold: true)), nil)
        case .filterMenu: return (hint([(.toggleFilterItem, "toggle"), (.clearFilters, "clear all"), (.cancel, "close")], width: width), nil)
        case .normal:
            let echo = keyEcho(width: width / 2)
            let room = width - TextLayout.width(echo)
            var left: [StyledGlyph]
            if let m = state.message {
                left = text(m.text, Style(m.isError ? .error : .normal, bold: m.isError))
            } else {
                left = hint(hintItems, width: room)
            }
            if echo.isEmpty {
                // A message longer than the line: kept whole (the line wraps), never cut short.
                if state.message != nil, state.messageRows > 1 { return (left, nil) }
                return (TextLayout.truncate(left, width: width, ellipsis: g.ellipsis), nil)
            }
            return (TextLayout.fit(left, width: room, ellipsis: g.ellipsis, padStyle: .normal) + echo, nil)
        }
    }

    /// The last keys pressed, right-aligned (`--show-keys`), at most `width` columns.
    func keyEcho(width: Int) -> [StyledGlyph] {
        guard state.showKeys, !state.recentKeys.isEmpty, width > 8 else { return [] }
        var keys: [StyledGlyph] = []
        for k in state.recentKeys.reversed() {
            let item = text(k.label(g), Style(.key, bold: true)) + text(" ", .dim)
            if TextLayout.width(keys) + TextLayout.width(item) + 7 > width { break }
            keys = item + keys
        }
        return text("  keys ", .dim) + keys
    }

    /// "Enter open  h back  / search …", keys taken from the key table.
    func hint(_ items: [(Command, String)], width: Int) -> [StyledGlyph] {
        var out: [StyledGlyph] = []
        let contexts = state.keyContexts
        for (command, label) in items {
            let keys = KeyBindings.keys(for: command, in: contexts).map { $0.label(g) }
            guard let key = keys.first(where: { $0.count <= 5 }) ?? keys.first else { continue }
            let item = (out.isEmpty ? [] : text("  ", .dim)) + text(key, Style(.key, bold: true)) + text(" " + label, .dim)
            // Only whole items: a cut-off hint is worse than none.
            if TextLayout.width(out) + TextLayout.width(item) > width { break }
            out += item
        }
        return out
    }
}
