/// This screen's rows of the key table (`KeyBindings.all` gathers every screen's).
extension KeyBindings {
    /// The stance matrix.
    static let matrixKeys: [KeyBinding] = [
        .init(keys: [.char("h"), .left], command: .moveLeft, context: .matrix, help: "column left (to the row headers)"),
        .init(keys: [.char("l"), .right], command: .moveRight, context: .matrix, help: "column right"),
        .init(keys: [.home], command: .firstColumn, context: .matrix, help: "first column"),
        .init(keys: [.end], command: .lastColumn, context: .matrix, help: "last column"),
        .init(keys: [.enter], command: .open, context: .matrix, help: "open the position, proposal or stakeholder"),
        .init(keys: [.char("s")], command: .cycleSort, context: .matrix, help: "sort rows: theme, positions, divided"),
    ]
}
