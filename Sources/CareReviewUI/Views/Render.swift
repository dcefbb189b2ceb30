import CareReview

/// Renders the state at a size into a fresh buffer. Pure; any size works,
/// including ones below the minimum (a message) and 0 (an empty buffer).
public func render(_ state: State, width: Int, height: Int) -> ScreenBuffer {
    var buf = ScreenBuffer(width: width, height: height)
    guard buf.width > 0, buf.height > 0 else { return buf }
    buf.ellipsis = state.glyphs.ellipsis
    let layout = ScreenLayout(state.current, maximised: state.maximised, width: buf.width, height: buf.height,
                              messageRows: buf.width == state.width && buf.height == state.height ? state.messageRows : 1)
    if layout.tooSmall {
        drawTooSmall(&buf, glyphs: state.glyphs)
        return buf
    }
    if let p = state.presenter {
        renderPresenter(state, p, layout: layout, into: &buf)
        return buf
    }
    let chrome = ChromeRenderer(state: state)
    buf.drawLine(chrome.header(width: buf.width), in: layout.header, line: 0, pad: Style(.chrome))

    var panes = PaneRenderer(state: state, layout: layout, buf: buf)
    var cursor: CursorPosition?
    for (pane, rect) in layout.panes {
        let c = panes.draw(pane, rect)
        if pane == state.current.focusedPane { cursor = c ?? CursorPosition(row: rect.row, col: rect.col) }
    }
    for sep in layout.separators {
        let glyph = sep.width == 1 ? state.glyphs.vertical : state.glyphs.horizontal
        for r in sep.row..<(sep.row + sep.height) {
            for c in sep.col..<(sep.col + sep.width) { panes.buf.set(row: r, col: c, Cell(glyph, style: .border)) }
        }
    }
    switch state.mode {
    case .help: cursor = panes.drawHelp()
    case .messageLog: cursor = panes.drawMessageLog()
    case .filterMenu: cursor = panes.drawFilterMenu()
    case .coding: cursor = panes.drawPicker() ?? cursor
    default: break
    }
    buf = panes.buf

    buf.drawLine(chrome.status(width: buf.width), in: layout.status, line: 0, pad: Style(.chrome))
    let (message, inputCursor) = chrome.messageLine(width: buf.width)
    let wrapped = layout.messageLine.height > 1 ? TextLayout.wrap(message, width: buf.width) : [message]
    for r in 0..<layout.messageLine.height {
        buf.drawLine(r < wrapped.count ? wrapped[r] : [], in: layout.messageLine, line: r, pad: .normal)
    }
    if let col = inputCursor { cursor = CursorPosition(row: layout.messageLine.row, col: col) }
    buf.cursor = cursor
    return buf
}

/// Below the minimum size: say so instead of drawing a broken screen.
func drawTooSmall(_ buf: inout ScreenBuffer, glyphs: GlyphSet) {
    let times = glyphs.isUnicode ? "×" : "x"
    let text = "Terminal too small: need at least \(ScreenLayout.minWidth)\(times)\(ScreenLayout.minHeight), have \(buf.width)\(times)\(buf.height)"
    let lines = TextLayout.wrap(SafeGlyphs.make(text, style: Style(.error, bold: true), glyphs: glyphs), width: buf.width)
    let rect = Rect(row: 0, col: 0, width: buf.width, height: buf.height)
    for (r, l) in lines.prefix(buf.height).enumerated() { buf.drawLine(l, in: rect, line: r, pad: .normal) }
    buf.cursor = CursorPosition(row: 0, col: 0)
}
