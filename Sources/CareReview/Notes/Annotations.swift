/// A reader's marks and notes on positions, tied to the dataset's position
/// ids. Persisted by `AnnotationStore`; the browser edits it through actions.
public struct Annotations: Sendable, Hashable, Codable {
    public var version: Int = 1
    /// Position ids marked for a briefing.
    public var marked: Set<String> = []
    /// Position id → the reader's note.
    public var notes: [String: String] = [:]

    public init(marked: Set<String> = [], notes: [String: String] = [:]) {
        self.marked = marked
        self.notes = notes
    }

    public var isEmpty: Bool { marked.isEmpty && notes.isEmpty }

    public mutating func toggleMark(_ position: String) {
        if marked.contains(position) { marked.remove(position) } else { marked.insert(position) }
    }

    /// An empty or blank note removes the note.
    public mutating func setNote(_ text: String, for position: String) {
        let trimmed = text.trimmingWhitespace()
        notes[position] = trimmed.isEmpty ? nil : String(trimmed)
    }

    /// Marked positions that exist in the corpus, in the corpus's order.
    public func markedPositions(in corpus: Corpus) -> [Position] {
        corpus.positions.filter { marked.contains($0.id) }
    }
}
