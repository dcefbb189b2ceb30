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

    /// The changes that turn `self` into `other`, one per position touched:
    /// what a store applies so that another writer's changes survive.
    public func changes(to other: Annotations) -> [AnnotationChange] {
        var out: [AnnotationChange] = []
        for id in other.marked.subtracting(marked).sorted() { out.append(.mark(id, true)) }
        for id in marked.subtracting(other.marked).sorted() { out.append(.mark(id, false)) }
        for id in Set(notes.keys).union(other.notes.keys).sorted() where notes[id] != other.notes[id] {
            out.append(.note(id, other.notes[id]))
        }
        return out
    }

    /// `self` with `changes` applied.
    public func applying(_ changes: [AnnotationChange]) -> Annotations {
        var a = self
        for c in changes {
            switch c {
            case .mark(let id, let on): if on { a.marked.insert(id) } else { a.marked.remove(id) }
            case .note(let id, let text): a.notes[id] = text
            }
        }
        return a
    }
}

/// One edit of the annotations: a mark set or cleared, a note set or
/// removed (nil). Stores apply these as deltas, never a whole set.
public enum AnnotationChange: Sendable, Hashable {
    case mark(String, Bool)
    case note(String, String?)
}
