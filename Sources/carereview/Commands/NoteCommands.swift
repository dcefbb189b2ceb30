import ArgumentParser
import CareReview
import CareReviewNotes
import EmbeddedCorpus
import Foundation

extension CorpusOptions {
    /// Which dataset marks and notes belong to.
    var notesDataset: NotesDataset { directory.map(NotesDataset.directory) ?? .embedded }
}

/// This dataset's marks and notes, or exit 1 saying why they cannot be read.
func loadAnnotations(_ dataset: NotesDataset) throws -> Annotations {
    let store = notesStore(dataset)
    if let problem = store.problemMessage { printError("carereview: \(problem)") }
    do { return try store.load() } catch {
        printError("carereview: cannot read marks and notes from \(store.file.path): \(error)")
        throw ExitCode(1)
    }
}

/// Applies changes to the store; says "saved" only once they are durable.
private func save(_ changes: [AnnotationChange], dataset: NotesDataset, done: String) throws {
    let store = notesStore(dataset)
    if let problem = store.problemMessage { printError("carereview: \(problem)") }
    do {
        try store.apply(changes)
    } catch {
        printError("carereview: not saved: \(error)")
        throw ExitCode(1)
    }
    print(done)
}

private func resolvePosition(_ id: String, in corpus: Corpus) throws -> Position {
    guard let p = corpus.position(id) else {
        throw ValidationError("no position '\(id)' (ids are STAKEHOLDER.PROPOSAL, as 'carereview stakeholder NAME' lists them)")
    }
    return p
}

struct MarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mark",
        abstract: "Mark positions for a briefing (as m does in the browser).",
        discussion: """
        Examples:
          carereview mark article-39.iro-abolition
          carereview mark --clear article-39.iro-abolition
        """)

    @OptionGroup var corpus: CorpusOptions
    @Flag(help: "Remove the marks instead.") var clear = false
    @Argument(help: "Position ids (STAKEHOLDER.PROPOSAL).") var positions: [String]

    func run() throws {
        let c = try corpus.load()
        let ids = try positions.map { try resolvePosition($0, in: c).id }
        guard !ids.isEmpty else { throw ValidationError("name at least one position") }
        try save(ids.map { .mark($0, !clear) }, dataset: corpus.notesDataset,
                 done: (clear ? "unmarked " : "marked ") + ids.joined(separator: ", "))
    }
}

struct NoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "note",
        abstract: "Set or remove the note on a position (as a does in the browser).",
        discussion: """
        An empty TEXT removes the note.
        Examples:
          carereview note article-39.iro-abolition "Raise at the workshop"
          carereview note article-39.iro-abolition ""
        """)

    @OptionGroup var corpus: CorpusOptions
    @Argument(help: "The position id (STAKEHOLDER.PROPOSAL).") var position: String
    @Argument(help: "The note.") var text: String

    func run() throws {
        let c = try corpus.load()
        let id = try resolvePosition(position, in: c).id
        var a = Annotations()
        a.setNote(text, for: id)
        let note = a.notes[id]
        try save([.note(id, note)], dataset: corpus.notesDataset, done: note == nil ? "note removed from \(id)" : "note saved on \(id)")
    }
}

/// The marks-and-notes store for a dataset. On the embedded one it applies,
/// once, the id map of its recoding, so marks and notes made before follow
/// their positions; a `--data` directory's notes are never remapped.
func notesStore(_ dataset: NotesDataset) -> AnnotationStore {
    AnnotationStore.standard(dataset: dataset, idMaps: dataset.isEmbedded ? EmbeddedCorpus.idMaps : [])
}
