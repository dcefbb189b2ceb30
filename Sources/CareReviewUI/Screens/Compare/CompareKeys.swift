/// This screen's rows of the key table (`KeyBindings.all` gathers every screen's).
extension KeyBindings {
    /// The compare screen.
    static let compareKeys: [KeyBinding] = [
        .init(keys: [.enter], command: .open, context: .compare, help: "open the proposal at the first's position"),
        .init(keys: [.char("x")], command: .swapCompared, context: .compare, help: "swap the two sides"),
        .init(keys: [.char("c")], command: .compare, context: .compare, help: "compare the first with someone else"),
    ]
}
