extension KeyBindings {
    /// Coding in a dataset directory (`--data DIR`); the embedded corpus says it is read-only.
    static let codingKeys: [KeyBinding] = [
        .init(keys: [.char("v")], command: .startSelection, context: .coding, help: "source reader: start selecting a passage"),
        .init(keys: [.char("e")], command: .editPosition, context: .coding, help: "edit the position's stance and summary"),
        .init(keys: [.char("d")], command: .deleteCoded, context: .coding, help: "delete the quote (source, detail) or position (asks first)"),
        .init(keys: [.char("u")], command: .undoChange, context: .coding, help: "undo the last change (again: the one before)"),

        .init(keys: [.char("w")], command: .extendSelection(.wordForward), context: .selecting, help: "extend to the next word's end"),
        .init(keys: [.char("b")], command: .extendSelection(.wordBack), context: .selecting, help: "back a word"),
        .init(keys: [.char(")")], command: .extendSelection(.sentenceForward), context: .selecting, help: "extend to the sentence's end"),
        .init(keys: [.char("(")], command: .extendSelection(.sentenceBack), context: .selecting, help: "back to the sentence's start"),
        .init(keys: [.char("}")], command: .extendSelection(.paragraphForward), context: .selecting, help: "extend to the paragraph's end"),
        .init(keys: [.char("{")], command: .extendSelection(.paragraphBack), context: .selecting, help: "back to the paragraph's start"),
        .init(keys: [.char("j"), .down], command: .extendSelectionByLine(1), context: .selecting, help: "extend a line down"),
        .init(keys: [.char("k"), .up], command: .extendSelectionByLine(-1), context: .selecting, help: "back a line"),
        .init(keys: [.char("/")], command: .findInSelection, context: .selecting, help: "find text: the selection reaches it (first: starts there)"),
        .init(keys: [.char("o")], command: .swapSelectionEnds, context: .selecting, help: "move the other end"),
        .init(keys: [.char("c"), .enter], command: .codeSelection, context: .selecting, help: "code the selection: stakeholder, proposal, stance, summary"),
        .init(keys: [.escape, .char("v")], command: .cancel, context: .selecting, help: "stop selecting"),

        .init(keys: [.down, .ctrl("n")], command: .moveDown, context: .picker, help: "next match"),
        .init(keys: [.up, .ctrl("p")], command: .moveUp, context: .picker, help: "previous match"),
        .init(keys: [.enter], command: .lineSubmit, context: .picker, help: "choose it (new… creates one)"),
        .init(keys: [.escape, .ctrl("c")], command: .lineCancel, context: .picker, help: "stop coding (nothing saved)"),

        .init(keys: [.enter], command: .lineSubmit, context: .codingInput, help: "accept the line"),
        .init(keys: [.ctrl("e")], command: .editInEditor, context: .codingInput, help: "write it in $EDITOR instead"),
        .init(keys: [.escape, .ctrl("c")], command: .lineCancel, context: .codingInput, help: "stop coding (nothing saved)"),

        .init(keys: [.char("1")], command: .chooseStance(1), context: .stancePicker, help: "supports"),
        .init(keys: [.char("2")], command: .chooseStance(2), context: .stancePicker, help: "supports with conditions or reservations"),
        .init(keys: [.char("3")], command: .chooseStance(3), context: .stancePicker, help: "mixed"),
        .init(keys: [.char("4")], command: .chooseStance(4), context: .stancePicker, help: "concerned"),
        .init(keys: [.char("5")], command: .chooseStance(5), context: .stancePicker, help: "opposes"),
        .init(keys: [.enter], command: .lineSubmit, context: .stancePicker, help: "keep the stance (editing)"),
        .init(keys: [.escape, .ctrl("c")], command: .lineCancel, context: .stancePicker, help: "stop (nothing saved)"),
    ]
}
