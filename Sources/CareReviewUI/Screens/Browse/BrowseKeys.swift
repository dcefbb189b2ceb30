/// This screen's rows of the key table (`KeyBindings.all` gathers every screen's).
extension KeyBindings {
    /// The proposals list (home).
    static let proposalsKeys: [KeyBinding] = [
        .init(keys: [.char("s")], command: .cycleSort, context: .proposals, help: "sort: theme, positions, divided"),
    ]

    /// Lists of positions (a proposal's, a stakeholder's).
    static let positionListKeys: [KeyBinding] = [
        .init(keys: [.char("t")], command: .toggleTimeline, context: .positionLists, help: "timeline: order by stage and date"),
    ]

    /// Wherever one position is selected.
    static let onPositionKeys: [KeyBinding] = [
        .init(keys: [.char("m")], command: .toggleMark, context: .onPosition, help: "mark / unmark it (for a brief)"),
        .init(keys: [.char("a")], command: .editNote, context: .onPosition, help: "add or edit a note on it"),
        .init(keys: [.char("c")], command: .compare, context: .onPosition, help: "compare its stakeholder with another"),
    ]

    /// The detail pane and the source reader.
    static let readingKeys: [KeyBinding] = [
        .init(keys: [.char("}")], command: .nextQuote, context: .reading, help: "next coded quote"),
        .init(keys: [.char("{")], command: .previousQuote, context: .reading, help: "previous coded quote"),
    ]
}
