import CareReview

/// Marks (`m`), notes (`a`), the timeline order (`t`) and the brief export.
/// Every change of the annotations asks the backend to save them.
extension State {
    /// The position `m` and `a` act on: the slide's, the matrix cell's, or the selected one.
    public var annotationTarget: Position? {
        if presenter != nil { return slidePosition }
        return selectedPosition
    }

    mutating func toggleMark() {
        guard let p = annotationTarget else {
            return message = Message(text: "No position selected to mark", isError: false)
        }
        annotations.toggleMark(p.id)
        enqueue(.saveAnnotations(annotations))
        let on = annotations.marked.contains(p.id)
        let n = markedCount
        message = Message(text: (on ? "Marked " : "Unmarked ") + corpus.stakeholderName(p.stakeholder) + " on "
                          + corpus.proposalTitle(p.proposal) + " · \(n) marked (:export brief FILE)", isError: false)
    }

    /// Marked positions that exist in this corpus: O(marks), never a corpus scan.
    var markedCount: Int { annotations.marked.reduce(0) { $0 + (corpus.position($1) == nil ? 0 : 1) } }

    /// `a`: edit the note in the line editor, starting from the saved one.
    mutating func startNote() {
        guard let p = annotationTarget else {
            return message = Message(text: "No position selected to annotate", isError: false)
        }
        noteTarget = p.id
        mode = .noteInput
        line = LineEditor(annotations.notes[p.id] ?? "")
    }

    /// Enter in the note editor: save (an empty note removes it).
    mutating func saveNote() {
        mode = .normal
        guard let id = noteTarget else { return }
        noteTarget = nil
        let before = annotations.notes[id]
        annotations.setNote(line.text, for: id)
        let after = annotations.notes[id]
        guard after != before else { return message = Message(text: "Note unchanged", isError: false) }
        enqueue(.saveAnnotations(annotations))
        message = Message(text: after == nil ? "Note removed" : "Note saved", isError: false)
    }

    mutating func cancelNote() {
        mode = .normal
        noteTarget = nil
        message = Message(text: "Note unchanged", isError: false)
    }

    /// `:export brief FILE`: the backend writes the marked positions as Markdown.
    mutating func exportBrief(_ path: String) {
        guard !path.isEmpty else { return message = Message(text: "Usage: :export brief FILE", isError: true) }
        let n = markedCount
        guard n > 0 else { return message = Message(text: "No marked positions (m marks the selected one)", isError: true) }
        enqueue(.exportBrief(path: path))
        message = Message(text: "Writing a brief of \(n) marked position\(n == 1 ? "" : "s") to \(path)…", isError: false)
    }

    /// `t`: positions lists in the Review's stage order, then by date.
    mutating func toggleTimeline() {
        switch current.screen {
        case .browse, .stakeholder: break
        default: return message = Message(text: "t orders a proposal's or stakeholder's positions by date", isError: false)
        }
        timeline.toggle()
        let grouped = current.screen == .browse ? "grouped by stance" : "grouped by theme"
        message = Message(text: timeline ? "Timeline: positions by stage and date" : "Positions " + grouped, isError: false)
    }
}
