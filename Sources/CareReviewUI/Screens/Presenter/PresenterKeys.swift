/// This screen's rows of the key table (`KeyBindings.all` gathers every screen's).
extension KeyBindings {
    /// Presenter mode: its own small set, so nothing changes unseen under the slides.
    static let presenterKeys: [KeyBinding] = [
        .init(keys: [.right, .char(" "), .char("l"), .pageDown, .enter], command: .nextSlide, context: .presenter, help: "next slide"),
        .init(keys: [.left, .backspace, .char("h"), .pageUp], command: .previousSlide, context: .presenter, help: "previous slide"),
        .init(keys: [.char("g"), .home], command: .first, context: .presenter, help: "first slide"),
        .init(keys: [.char("G"), .end], command: .last, context: .presenter, help: "last slide"),
        .init(keys: [.char("j"), .down], command: .nextProposal, context: .presenter, help: "next proposal"),
        .init(keys: [.char("k"), .up], command: .previousProposal, context: .presenter, help: "previous proposal"),
        .init(keys: [.char("m")], command: .toggleMark, context: .presenter, help: "mark / unmark the position shown"),
        .init(keys: [.char("P"), .char("q"), .escape], command: .togglePresenter, context: .presenter, help: "leave presenter mode, at the proposal on screen"),
        .init(keys: [.char("o")], command: .pager, context: .presenter, help: "all of this position's quotes in $PAGER"),
        .init(keys: [.char(":")], command: .startCommand, context: .presenter, help: "command line"),
        .init(keys: [.char("?")], command: .toggleHelp, context: .presenter, help: "help"),
        .init(keys: [.ctrl("l")], command: .redraw, context: .presenter, help: "redraw the screen"),
        .init(keys: [.ctrl("z")], command: .suspend, context: .presenter, help: "suspend (fg to resume)"),
        .init(keys: [.char("Q")], command: .quit, context: .presenter, help: "quit"),
    ]
}
